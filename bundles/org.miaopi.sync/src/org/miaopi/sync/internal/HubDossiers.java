package org.miaopi.sync.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.id.ResidentId;
import org.miaopi.core.id.UnifiedSocialCreditCode;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.matter.ThemeDefinition;
import org.miaopi.core.model.Applicant;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.LegalPerson;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.SharedRecordRef;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.model.ThemeApplication;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A hub dossier (docs/hub.md, {@code GET /v1/departments/D/dossiers}) as the desk's {@link Dossier}:
 * its number is the submission id (so a page read twice finds what it stored), it arrives
 * RECEIVED, and its deadline is its matter's time limit in working days from the day it was
 * submitted, as the desk's plugin of that matter says.
 */
public final class HubDossiers {

	/** The desk's dossier numbers (DOSSIER.NUMBER) hold up to 40 characters. */
	static final int NUMBER_LENGTH = 40;

	private final MatterRegistry matters;
	private final WorkingDayCalendar calendar = WorkingDayCalendar.china();

	public HubDossiers(MatterRegistry matters) {
		this.matters = matters;
	}

	/** A hub dossier the desk cannot take in, and why; the pull goes on with the others. */
	public static final class LeftOut extends Exception {
		private static final long serialVersionUID = 1L;

		LeftOut(String submissionId, String why) {
			super(submissionId + ": " + why); //$NON-NLS-1$
		}
	}

	public Dossier dossier(JsonNode d) throws LeftOut {
		String sid = d.path("submissionId").asText(); //$NON-NLS-1$
		try {
			if (sid.isEmpty() || sid.length() > NUMBER_LENGTH) {
				throw new LeftOut(sid, "the submission id does not fit a desk's dossier number (1 to " + NUMBER_LENGTH + " characters)"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			String code = d.path("matter").asText(); //$NON-NLS-1$
			MatterDefinition matter = matters.find(code)
					.orElseThrow(() -> new LeftOut(sid, "matter " + code + " is not installed on this desk")); //$NON-NLS-1$ //$NON-NLS-2$
			Instant submitted = Instant.parse(d.path("submittedAt").asText()); //$NON-NLS-1$
			LocalDate deadline = calendar.addWorkingDays(ChinaTime.dateOf(submitted), matter.timeLimitWorkingDays());
			Map<String, String> declared = new LinkedHashMap<>();
			d.path("declared").properties().forEach(e -> declared.put(e.getKey(), e.getValue().asText())); //$NON-NLS-1$
			String theme = d.path("themeSubmissionId").isTextual() ? d.get("themeSubmissionId").asText() : null; //$NON-NLS-1$ //$NON-NLS-2$
			return new Dossier(sid, code, theme, applicant(d.path("applicant")), declared, materials(d.path("materials")), //$NON-NLS-1$ //$NON-NLS-2$
					submitted, deadline, DossierStatus.RECEIVED, null, d.path("department").asText()); //$NON-NLS-1$
		} catch (RuntimeException e) {
			throw new LeftOut(sid, e.getMessage());
		}
	}

	/**
	 * The theme application a member names, listing the matters of its theme as the desk's plugin
	 * defines them (the hub hands a department only its own members).
	 */
	public ThemeApplication theme(JsonNode d) throws LeftOut {
		String sid = d.path("submissionId").asText(); //$NON-NLS-1$
		String code = d.path("theme").asText(); //$NON-NLS-1$
		ThemeDefinition t = matters.theme(code).orElseThrow(() -> new LeftOut(sid, "theme " + code + " is not installed on this desk")); //$NON-NLS-1$ //$NON-NLS-2$
		return new ThemeApplication(d.get("themeSubmissionId").asText(), code, t.matterCodes()); //$NON-NLS-1$
	}

	private static Applicant applicant(JsonNode a) {
		if ("LEGAL".equals(a.path("kind").asText())) { //$NON-NLS-1$ //$NON-NLS-2$
			return new LegalPerson(UnifiedSocialCreditCode.parse(a.path("creditCode").asText()), a.path("name").asText(), //$NON-NLS-1$ //$NON-NLS-2$
					a.path("legalRepresentative").asText(null)); //$NON-NLS-1$
		}
		return new NaturalPerson(ResidentId.parse(a.path("residentId").asText()), a.path("name").asText()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static List<Material> materials(JsonNode list) {
		List<Material> out = new ArrayList<>();
		for (JsonNode m : list) {
			String id = "M" + out.size(); //$NON-NLS-1$
			String req = m.path("requirement").asText(); //$NON-NLS-1$
			if (m.hasNonNull("sha256")) { //$NON-NLS-1$
				out.add(Material.file(id, req, Sha256.parse(m.get("sha256").asText()), m.path("fileName").asText(), //$NON-NLS-1$ //$NON-NLS-2$
						m.path("mimeType").asText(), m.path("size").asLong())); //$NON-NLS-1$ //$NON-NLS-2$
			} else {
				JsonNode r = m.path("replacedBy"); //$NON-NLS-1$
				out.add(Material.replaced(id, req, new SharedRecordRef(SharedSource.valueOf(r.path("source").asText()), //$NON-NLS-1$
						r.path("subjectId").asText(), Instant.parse(r.path("asOf").asText())))); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		return out;
	}
}
