package org.miaopi.hub.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.MaterialRefusedException;
import org.miaopi.core.content.MaterialVetting;
import org.miaopi.core.content.SubmittedFile;
import org.miaopi.core.id.ResidentId;
import org.miaopi.core.id.UnifiedSocialCreditCode;
import org.miaopi.core.id.Validation;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.matter.ThemeDefinition;
import org.miaopi.core.model.DeclaredField;
import org.miaopi.core.model.MaterialRequirement;
import org.miaopi.core.model.SharedSource;
import org.miaopi.hub.store.HubContent;
import org.miaopi.hub.store.HubDossier;
import org.miaopi.hub.store.HubMaterial;
import org.miaopi.materials.PdfPageCounter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks one intake line (a JSON object, see docs/hub.md) with the core's rules and turns it into
 * the dossiers it routes: one for a matter, one per member for a theme (一件事). Any fault refuses
 * the whole line, with a reason naming the field.
 */
final class DossierLine {

	static final int MAX_ID = 80;
	static final long MAX_FILE = 20L * 1024 * 1024;
	/** Counts a PDF's pages within a time and memory budget (the same reader as the desk's viewer). */
	private static final MaterialVetting.PageCounter PAGES = new PdfPageCounter();
	private static final String ID_PATTERN = "[A-Za-z0-9._:-]+"; //$NON-NLS-1$

	/** The line's dossiers and the files it carried (already checked against their hashes). */
	record Parsed(List<HubDossier> dossiers, List<HubContent> contents) {
	}

	private final MatterRegistry matters;
	/** Bytes of a material named by "file" (the CLI import resolves them beside the JSONL); null over HTTP. */
	private final Function<String, byte[]> files;
	private final Instant now;

	DossierLine(MatterRegistry matters, Function<String, byte[]> files, Instant now) {
		this.matters = matters;
		this.files = files;
		this.now = now;
	}

	Parsed parse(JsonNode line) throws LineRefused {
		if (!line.isObject()) {
			throw new LineRefused("a line must be one JSON object"); //$NON-NLS-1$
		}
		String submissionId = text(line, "submissionId"); //$NON-NLS-1$
		if (submissionId.length() > MAX_ID - 30 || !submissionId.matches(ID_PATTERN)) {
			throw new LineRefused("submissionId must be 1 to " + (MAX_ID - 30) + " letters, digits, '.', '_', ':' or '-'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Instant submitted = instant(line, "submittedAt"); //$NON-NLS-1$
		List<HubContent> contents = new ArrayList<>();
		List<HubDossier> out = new ArrayList<>();
		if (line.has("theme")) { //$NON-NLS-1$
			String code = text(line, "theme"); //$NON-NLS-1$
			ThemeDefinition theme = matters.theme(code)
					.orElseThrow(() -> new LineRefused("theme '" + code + "' is not known at the hub (known: " //$NON-NLS-1$ //$NON-NLS-2$
							+ matters.themes().stream().map(ThemeDefinition::code).toList() + ")")); //$NON-NLS-1$
			JsonNode members = line.get("members"); //$NON-NLS-1$
			if (members == null || !members.isArray() || members.isEmpty()) {
				throw new LineRefused("a theme application needs 'members': one object per member matter"); //$NON-NLS-1$
			}
			Set<String> seen = new HashSet<>();
			for (JsonNode m : members) {
				String matter = text(m, "matter"); //$NON-NLS-1$
				if (!theme.matterCodes().contains(matter)) {
					throw new LineRefused("matter '" + matter + "' is not a member of theme " + code + " " + theme.matterCodes()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				}
				if (!seen.add(matter)) {
					throw new LineRefused("matter '" + matter + "' appears twice in the theme application"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				out.add(dossier(submissionId + ":" + matter, code, submissionId, matter, line.get("applicant"), m, submitted, contents)); //$NON-NLS-1$ //$NON-NLS-2$
			}
		} else {
			out.add(dossier(submissionId, null, null, text(line, "matter"), line.get("applicant"), line, submitted, contents)); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return new Parsed(out, contents);
	}

	private HubDossier dossier(String submissionId, String themeCode, String themeSubmissionId, String matterCode, JsonNode applicant,
			JsonNode form, Instant submitted, List<HubContent> contents) throws LineRefused {
		MatterDefinition matter = matters.find(matterCode).orElseThrow(() -> new LineRefused("matter '" + matterCode //$NON-NLS-1$
				+ "' is not known at the hub (known: " + matters.matters().stream().map(MatterDefinition::code).toList() + ")")); //$NON-NLS-1$ //$NON-NLS-2$
		if (applicant == null || !applicant.isObject()) {
			throw new LineRefused("'applicant' is missing: an object with residentId and name, or creditCode, name and legalRepresentative"); //$NON-NLS-1$
		}
		char kind;
		String subject;
		String rep = null;
		if (matter.legalPersonApplicant()) {
			kind = 'L';
			subject = identifier(UnifiedSocialCreditCode.validate(text(applicant, "creditCode")), "applicant.creditCode"); //$NON-NLS-1$ //$NON-NLS-2$
			rep = text(applicant, "legalRepresentative"); //$NON-NLS-1$
		} else {
			kind = 'N';
			subject = identifier(ResidentId.validate(text(applicant, "residentId")), "applicant.residentId"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String name = text(applicant, "name"); //$NON-NLS-1$
		Map<String, String> declared = declared(form.get("declared"), matter); //$NON-NLS-1$
		List<HubMaterial> materials = materials(form.get("materials"), matter, contents); //$NON-NLS-1$
		return new HubDossier(0, submissionId, matter.departmentCode(), matter.code(), themeCode, themeSubmissionId, kind, subject, name,
				rep, declared, materials, submitted, null);
	}

	private static String identifier(Validation<?> v, String field) throws LineRefused {
		if (!v.isValid()) {
			throw new LineRefused(field + ": " + v.message()); //$NON-NLS-1$
		}
		return v.value().toString();
	}

	private static Map<String, String> declared(JsonNode node, MatterDefinition matter) throws LineRefused {
		if (node == null || !node.isObject()) {
			throw new LineRefused("'declared' is missing: the form's fields as a JSON object"); //$NON-NLS-1$
		}
		Map<String, String> out = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> e : node.properties()) {
			if (!e.getValue().isTextual()) {
				throw new LineRefused("declared." + e.getKey() + " must be text"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			out.put(e.getKey(), e.getValue().asText());
		}
		for (DeclaredField f : matter.fields()) {
			String v = out.get(f.key());
			if (v == null || v.isBlank()) {
				throw new LineRefused("declared." + f.key() + " (" + f.nameEn() + ") is required for matter " + matter.code()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
		}
		return out;
	}

	private List<HubMaterial> materials(JsonNode node, MatterDefinition matter, List<HubContent> contents) throws LineRefused {
		if (node == null) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new LineRefused("'materials' must be a list"); //$NON-NLS-1$
		}
		List<HubMaterial> out = new ArrayList<>();
		int i = 0;
		for (JsonNode m : node) {
			String where = "materials[" + i++ + "]"; //$NON-NLS-1$ //$NON-NLS-2$
			String req = text(m, "requirement", where); //$NON-NLS-1$
			if (matter.materials().stream().map(MaterialRequirement::code).noneMatch(req::equals)) {
				throw new LineRefused(where + ".requirement '" + req + "' is not a material of matter " + matter.code()); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (m.has("replacedBy")) { //$NON-NLS-1$
				JsonNode r = m.get("replacedBy"); //$NON-NLS-1$
				String source = text(r, "source", where + ".replacedBy"); //$NON-NLS-1$ //$NON-NLS-2$
				try {
					SharedSource.valueOf(source);
				} catch (IllegalArgumentException e) {
					throw new LineRefused(where + ".replacedBy.source '" + source + "' is not a shared data source"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				Instant asOf = instant(r, "asOf"); //$NON-NLS-1$
				out.add(new HubMaterial(req, null, null, null, 0,
						source + "|" + text(r, "subjectId", where + ".replacedBy") + "|" + asOf)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				continue;
			}
			String hash = text(m, "sha256", where); //$NON-NLS-1$
			if (!hash.matches("[0-9a-f]{64}")) { //$NON-NLS-1$
				throw new LineRefused(where + ".sha256 must be 64 lower-case hex digits"); //$NON-NLS-1$
			}
			long size = m.path("size").asLong(-1); //$NON-NLS-1$
			if (!m.path("size").isIntegralNumber() || size <= 0 || size > MAX_FILE) { //$NON-NLS-1$
				throw new LineRefused(where + ".size must be a whole number of bytes from 1 to " + MAX_FILE); //$NON-NLS-1$
			}
			String mime = text(m, "mimeType", where); //$NON-NLS-1$
			String fileName = text(m, "fileName", where); //$NON-NLS-1$
			byte[] bytes = null;
			if (m.has("content")) { //$NON-NLS-1$
				try {
					bytes = Base64.getDecoder().decode(m.get("content").asText()); //$NON-NLS-1$
				} catch (IllegalArgumentException e) {
					throw new LineRefused(where + ".content is not Base64"); //$NON-NLS-1$
				}
			} else if (m.has("file")) { //$NON-NLS-1$
				if (files == null) {
					throw new LineRefused(where + ".file names a file on the importing machine; over HTTP send 'content' (Base64)"); //$NON-NLS-1$
				}
				bytes = files.apply(text(m, "file", where)); //$NON-NLS-1$
				if (bytes == null) {
					throw new LineRefused(where + ".file '" + m.get("file").asText() + "' cannot be read"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				}
			}
			if (bytes != null) {
				if (bytes.length != size) {
					throw new LineRefused(where + " has " + bytes.length + " bytes but its size says " + size); //$NON-NLS-1$ //$NON-NLS-2$
				}
				String actual = ContentHashing.sha256(bytes).hex();
				if (!actual.equals(hash)) {
					throw new LineRefused(where + " does not match its sha256 (the bytes hash to " + actual + ")"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				// an applicant's file: its type by its bytes, its size and pages within the matter's limits
				try {
					MaterialVetting.vet(new SubmittedFile(fileName, mime, bytes), matter.materialLimits(), PAGES);
				} catch (MaterialRefusedException e) {
					throw new LineRefused(where + " is refused: " + e.getMessage()); //$NON-NLS-1$
				}
				contents.add(new HubContent(hash, mime, bytes));
			}
			out.add(new HubMaterial(req, hash, fileName, mime, size, null));
		}
		return out;
	}

	private Instant instant(JsonNode node, String field) throws LineRefused {
		String text = text(node, field);
		Instant t;
		try {
			t = OffsetDateTime.parse(text).toInstant();
		} catch (DateTimeParseException e) {
			throw new LineRefused(field + " '" + text + "' is not a time like 2026-12-01T09:30:00+08:00"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (t.isAfter(now.plusSeconds(300))) {
			throw new LineRefused(field + " " + text + " is in the future"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return t;
	}

	static String text(JsonNode node, String field) throws LineRefused {
		return text(node, field, null);
	}

	static String text(JsonNode node, String field, String where) throws LineRefused {
		String name = where == null ? field : where + "." + field; //$NON-NLS-1$
		JsonNode v = node == null ? null : node.get(field);
		if (v == null || v.isNull()) {
			throw new LineRefused(name + " is required"); //$NON-NLS-1$
		}
		if (!v.isTextual() || v.asText().isBlank()) {
			throw new LineRefused(name + " must be non-empty text"); //$NON-NLS-1$
		}
		return v.asText().strip();
	}
}
