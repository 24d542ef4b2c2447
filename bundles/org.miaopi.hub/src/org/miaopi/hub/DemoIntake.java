package org.miaopi.hub;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.miaopi.core.audit.Verification;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.LegalPerson;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.ThemeApplication;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.service.StoreInfo;
import org.miaopi.demo.DemoGenerator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo generator's dossiers as the intake platform would hand them in: each batch becomes JSON
 * Lines (materials' bytes inline the first time they appear) and goes through the same checks as
 * any intake; a theme application becomes one line with its members.
 */
public final class DemoIntake {

	private static final ObjectMapper JSON = new ObjectMapper();

	private DemoIntake() {
	}

	/**
	 * Generates demo data for a seed around a past reference date and hands each batch of lines to
	 * {@code sink}; records go to {@code records}.
	 */
	public static DemoGenerator.Summary generate(int dossiers, long seed, java.time.LocalDate today, Consumer<String> sink,
			Consumer<List<SharedRecord>> records) {
		return generate(new DemoGenerator.Options(dossiers, seed, today, false), sink, records);
	}

	/** The same around the Beijing date of {@code now}, as {@code ./miaopi hub demo} does: nothing submitted after {@code now}. */
	public static DemoGenerator.Summary generate(int dossiers, long seed, java.time.Instant now, Consumer<String> sink,
			Consumer<List<SharedRecord>> records) {
		return generate(DemoGenerator.Options.asOf(dossiers, seed, now, false), sink, records);
	}

	private static DemoGenerator.Summary generate(DemoGenerator.Options options, Consumer<String> sink, Consumer<List<SharedRecord>> records) {
		Capture capture = new Capture(sink, records);
		return new DemoGenerator().fill(capture, options, s -> {
		});
	}

	/** JSON Lines of one batch. */
	static String lines(List<Dossier> dossiers, Map<Sha256, byte[]> bytes, Set<Sha256> sent, Map<String, String> themeCodes) {
		StringBuilder out = new StringBuilder();
		Map<String, List<Dossier>> themes = new LinkedHashMap<>();
		for (Dossier d : dossiers) {
			if (d.isPartOfTheme()) {
				themes.computeIfAbsent(d.themeDossierNo(), k -> new ArrayList<>()).add(d);
			} else {
				ObjectNode line = head(d.number(), d);
				line.put("matter", d.matterCode()); //$NON-NLS-1$
				form(line, d, bytes, sent);
				out.append(line).append('\n');
			}
		}
		for (Map.Entry<String, List<Dossier>> t : themes.entrySet()) {
			Dossier first = t.getValue().get(0);
			ObjectNode line = head(t.getKey(), first);
			line.put("theme", themeCodes.get(first.themeDossierNo())); //$NON-NLS-1$
			ArrayNode members = line.putArray("members"); //$NON-NLS-1$
			for (Dossier d : t.getValue()) {
				form(members.addObject().put("matter", d.matterCode()), d, bytes, sent); //$NON-NLS-1$
			}
			out.append(line).append('\n');
		}
		return out.toString();
	}

	private static ObjectNode head(String submissionId, Dossier d) {
		ObjectNode line = JSON.createObjectNode();
		line.put("submissionId", submissionId); //$NON-NLS-1$
		line.put("submittedAt", d.received().atOffset(ZoneOffset.ofHours(8)).toString()); //$NON-NLS-1$
		ObjectNode a = line.putObject("applicant"); //$NON-NLS-1$
		if (d.applicant() instanceof NaturalPerson p) {
			a.put("residentId", p.residentId().value()).put("name", p.name()); //$NON-NLS-1$ //$NON-NLS-2$
		} else if (d.applicant() instanceof LegalPerson l) {
			a.put("creditCode", l.creditCode().value()).put("name", l.name()).put("legalRepresentative", l.legalRepresentative()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return line;
	}

	private static void form(ObjectNode target, Dossier d, Map<Sha256, byte[]> bytes, Set<Sha256> sent) {
		ObjectNode declared = target.putObject("declared"); //$NON-NLS-1$
		d.declaredData().forEach(declared::put);
		ArrayNode materials = target.putArray("materials"); //$NON-NLS-1$
		for (Material m : d.materials()) {
			ObjectNode x = materials.addObject().put("requirement", m.requirementCode()); //$NON-NLS-1$
			if (m.hasFile()) {
				x.put("sha256", m.contentHash().hex()).put("fileName", m.fileName()).put("mimeType", m.mimeType()).put("size", m.size()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				byte[] b = bytes.get(m.contentHash());
				if (b != null && sent.add(m.contentHash())) {
					x.put("content", Base64.getEncoder().encodeToString(b)); //$NON-NLS-1$
				}
			} else {
				x.putObject("replacedBy").put("source", m.replacedBy().source().name()) //$NON-NLS-1$ //$NON-NLS-2$
						.put("subjectId", m.replacedBy().subjectId()).put("asOf", m.replacedBy().asOf().atOffset(ZoneOffset.UTC).toString()); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
	}

	/** Reads a batch of lines back, for callers that import them. */
	public static BufferedReader reader(String lines) {
		return new BufferedReader(new StringReader(lines));
	}

	/** A store that only passes on what the generator writes. */
	private static final class Capture implements StoreAdmin {
		private final Consumer<String> sink;
		private final Consumer<List<SharedRecord>> records;
		private final Map<Sha256, byte[]> bytes = new HashMap<>();
		private final Set<Sha256> sent = new HashSet<>();
		/** Theme application number → theme code, as the generator announced them. */
		private final Map<String, String> themeCodes = new HashMap<>();

		Capture(Consumer<String> sink, Consumer<List<SharedRecord>> records) {
			this.sink = sink;
			this.records = records;
		}

		@Override
		public List<Sha256> putContents(List<byte[]> contents, String mimeType) {
			List<Sha256> out = new ArrayList<>();
			for (byte[] b : contents) {
				Sha256 h = ContentHashing.sha256(b);
				bytes.put(h, b);
				out.add(h);
			}
			return out;
		}

		@Override
		public Sha256 putContent(byte[] content, String mimeType) {
			return putContents(List.of(content), mimeType).get(0);
		}

		@Override
		public void putSharedRecords(List<SharedRecord> list) {
			records.accept(list);
		}

		@Override
		public void putThemeApplications(List<ThemeApplication> themes, String actor) {
			for (ThemeApplication t : themes) {
				themeCodes.put(t.number(), t.themeCode());
			}
		}

		@Override
		public void putDossiers(List<Dossier> dossiers, String actor) {
			sink.accept(lines(dossiers, bytes, sent, themeCodes));
			bytes.clear(); // a batch's files are sent with the batch; later batches make their own
		}

		@Override
		public StoreInfo info() {
			throw new UnsupportedOperationException();
		}

		@Override
		public void clear() {
			// nothing is kept
		}

		@Override
		public void putDepartments(List<Department> departments) {
			// the hub routes by the matters' departments
		}

		@Override
		public void putOfficers(List<Officer> officers, Map<String, String> passwordHashes) {
			// officers reach the hub with the sync, not with intake
		}

		@Override
		public void putComparisons(String dossierNo, List<ComparisonResult> results) {
			// comparisons are the desk's work
		}

		@Override
		public void putCertificates(List<CertificateRecord> certificates) {
			// not intake
		}

		@Override
		public void putDecisions(List<Decision> decisions, String actor) {
			// decisions reach the hub by the desks' push
		}

		@Override
		public Verification verifyLedger(java.util.function.LongConsumer progress) {
			throw new UnsupportedOperationException();
		}
	}

}
