package org.miaopi.hub.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.miaopi.core.id.ResidentId;
import org.miaopi.core.id.UnifiedSocialCreditCode;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.SharedSource;
import org.miaopi.hub.store.HubContent;
import org.miaopi.hub.store.HubDossier;
import org.miaopi.hub.store.HubMaterial;
import org.miaopi.hub.store.HubRecord;
import org.miaopi.hub.store.HubStore;
import org.miaopi.hub.store.ImportResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Intake of JSON Lines, shared by the HTTP endpoints and {@code ./miaopi hub import}: every line
 * is checked on its own; a bad line is refused with its number and reason and the rest are
 * imported, a chunk of lines per transaction; a submission id seen before is not imported twice.
 */
public final class Intake {

	/** Lines per transaction. */
	public static final int CHUNK = 1000;
	/** The longest line read (a line carries its materials' bytes in Base64). */
	public static final int MAX_LINE = 32 * 1024 * 1024;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HubStore store;
	private final MatterRegistry matters;
	private final Clock clock;

	public Intake(HubStore store, MatterRegistry matters, Clock clock) {
		this.store = store;
		this.matters = matters;
		this.clock = clock;
	}

	/** Dossiers from JSON Lines; {@code files} resolves "file" references (CLI only, else null). */
	public ImportReport dossiers(BufferedReader in, Function<String, byte[]> files) throws IOException {
		ImportReport report = new ImportReport();
		DossierLine checker = new DossierLine(matters, files, clock.instant());
		List<Pending> chunk = new ArrayList<>();
		long n = 0;
		for (String line; (line = in.readLine()) != null;) {
			n++;
			if (line.isBlank()) {
				continue;
			}
			report.line();
			String sid = null;
			try {
				JsonNode node = parse(line);
				sid = node.path("submissionId").asText(null); //$NON-NLS-1$
				chunk.add(new Pending(n, sid, checker.parse(node)));
			} catch (LineRefused e) {
				report.refuse(new Refusal(n, sid, e.getMessage()));
			}
			if (chunk.size() >= CHUNK) {
				flush(chunk, report);
			}
		}
		flush(chunk, report);
		return report;
	}

	private record Pending(long line, String submissionId, DossierLine.Parsed parsed) {
	}

	private void flush(List<Pending> chunk, ImportReport report) {
		if (chunk.isEmpty()) {
			return;
		}
		// a material must come with its bytes or be one the hub holds already
		Set<String> carried = new HashSet<>();
		Set<String> referenced = new HashSet<>();
		for (Pending p : chunk) {
			p.parsed().contents().forEach(c -> carried.add(c.sha256()));
			for (HubDossier d : p.parsed().dossiers()) {
				d.materials().stream().map(HubMaterial::sha256).filter(h -> h != null).forEach(referenced::add);
			}
		}
		referenced.removeAll(carried);
		Set<String> held = referenced.isEmpty() ? Set.of() : store.knownContents(referenced);
		List<HubDossier> dossiers = new ArrayList<>();
		List<HubContent> contents = new ArrayList<>();
		for (Pending p : chunk) {
			String missing = p.parsed().dossiers().stream().flatMap(d -> d.materials().stream()).map(HubMaterial::sha256)
					.filter(h -> h != null && !carried.contains(h) && !held.contains(h)).findFirst().orElse(null);
			if (missing != null) {
				report.refuse(new Refusal(p.line(), p.submissionId(), "material " + missing //$NON-NLS-1$
						+ " is not at the hub and the line does not carry it (send its bytes as 'content')")); //$NON-NLS-1$
				continue;
			}
			dossiers.addAll(p.parsed().dossiers());
			contents.addAll(p.parsed().contents());
		}
		ImportResult r = store.importDossiers(dossiers, contents, d -> matters.find(d.matterCode())
				.map(MatterDefinition::timeLimitWorkingDays).orElse(0));
		report.imported(r.imported());
		report.duplicates(r.duplicates());
		chunk.clear();
	}

	/** Shared records from JSON Lines: source, subjectId, asOf, fields. */
	public ImportReport records(BufferedReader in) throws IOException {
		ImportReport report = new ImportReport();
		List<HubRecord> chunk = new ArrayList<>();
		long n = 0;
		Instant now = clock.instant();
		for (String line; (line = in.readLine()) != null;) {
			n++;
			if (line.isBlank()) {
				continue;
			}
			report.line();
			try {
				chunk.add(record(parse(line), now));
			} catch (LineRefused e) {
				report.refuse(new Refusal(n, null, e.getMessage()));
			}
			if (chunk.size() >= CHUNK) {
				report.imported(store.importRecords(chunk));
				chunk.clear();
			}
		}
		if (!chunk.isEmpty()) {
			report.imported(store.importRecords(chunk));
		}
		return report;
	}

	private static HubRecord record(JsonNode node, Instant now) throws LineRefused {
		String source = DossierLine.text(node, "source"); //$NON-NLS-1$
		try {
			SharedSource.valueOf(source);
		} catch (IllegalArgumentException e) {
			throw new LineRefused("source '" + source + "' is not a shared data source " + List.of(SharedSource.values())); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String subject = DossierLine.text(node, "subjectId"); //$NON-NLS-1$
		if (!ResidentId.validate(subject).isValid() && !UnifiedSocialCreditCode.validate(subject).isValid()) {
			throw new LineRefused("subjectId '" + subject + "' is neither a valid resident ID nor a valid credit code: " //$NON-NLS-1$ //$NON-NLS-2$
					+ ResidentId.validate(subject).message());
		}
		String asOfText = DossierLine.text(node, "asOf"); //$NON-NLS-1$
		Instant asOf;
		try {
			asOf = OffsetDateTime.parse(asOfText).toInstant();
		} catch (DateTimeParseException e) {
			throw new LineRefused("asOf '" + asOfText + "' is not a time like 2026-12-01T09:30:00+08:00"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (asOf.isAfter(now.plusSeconds(300))) {
			throw new LineRefused("asOf " + asOfText + " is in the future"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		JsonNode fields = node.get("fields"); //$NON-NLS-1$
		if (fields == null || !fields.isObject()) {
			throw new LineRefused("fields is required: the record's values as a JSON object"); //$NON-NLS-1$
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> e : fields.properties()) {
			if (!e.getValue().isTextual()) {
				throw new LineRefused("fields." + e.getKey() + " must be text"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			values.put(e.getKey(), e.getValue().asText());
		}
		return new HubRecord(source, subject, asOf, values);
	}

	private static JsonNode parse(String line) throws LineRefused {
		if (line.length() > MAX_LINE) {
			throw new LineRefused("the line is longer than " + MAX_LINE + " characters"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		try {
			return JSON.readTree(line);
		} catch (JsonProcessingException e) {
			throw new LineRefused("not JSON: " + e.getOriginalMessage()); //$NON-NLS-1$
		}
	}
}
