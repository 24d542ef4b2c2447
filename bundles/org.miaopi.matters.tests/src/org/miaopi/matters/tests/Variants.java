package org.miaopi.matters.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.core.id.ResidentId;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

/** One fact changed in a demo dossier or its records, to see a policy react. */
final class Variants {

	private Variants() {
	}

	static Dossier declared(Dossier d, String key, String value) {
		Map<String, String> m = new LinkedHashMap<>(d.declaredData());
		m.put(key, value);
		return copy(d, d.applicant(), m, d.materials());
	}

	static Dossier without(Dossier d, String requirementCode) {
		return copy(d, d.applicant(), d.declaredData(),
				d.materials().stream().filter(m -> !m.requirementCode().equals(requirementCode)).toList());
	}

	/** The same dossier by another natural person, born on {@code birth} (yyyyMMdd). */
	static Dossier person(Dossier d, String birth) {
		String first17 = "440305" + birth + "123";
		ResidentId id = ResidentId.parse(first17 + ResidentId.checkDigit(first17));
		Map<String, String> m = new LinkedHashMap<>(d.declaredData());
		m.put("residentId", id.value());
		List<Material> materials = d.materials().stream()
				.filter(x -> x.hasFile()).toList(); // replaced materials cite the old person's records
		return copy(d, new NaturalPerson(id, d.applicant().name()), m, materials);
	}

	static List<SharedRecord> rekey(List<SharedRecord> rs, String subjectId) {
		return rs.stream().map(r -> new SharedRecord(r.source(), subjectId, r.fields(), r.asOf())).toList();
	}

	private static Dossier copy(Dossier d, org.miaopi.core.model.Applicant a, Map<String, String> declared,
			List<Material> materials) {
		return new Dossier(d.number(), d.matterCode(), d.themeDossierNo(), a, declared, materials, d.received(),
				d.deadline(), d.status(), d.assignedOfficerId(), d.departmentCode());
	}

	/** The newest record of {@code source} with {@code field} set to {@code value}. */
	static List<SharedRecord> field(List<SharedRecord> rs, SharedSource source, String field, String value) {
		SharedRecord newest = rs.stream().filter(r -> r.source() == source).max(Comparator.comparing(SharedRecord::asOf))
				.orElseThrow(() -> new AssertionError("no " + source + " record"));
		List<SharedRecord> out = new ArrayList<>(rs);
		Map<String, String> f = new LinkedHashMap<>(newest.fields());
		f.put(field, value);
		out.set(out.indexOf(newest), new SharedRecord(source, newest.subjectId(), f, newest.asOf()));
		return out;
	}

	static List<SharedRecord> drop(List<SharedRecord> rs, SharedSource source) {
		return rs.stream().filter(r -> r.source() != source).toList();
	}

	static List<SharedRecord> older(List<SharedRecord> rs, int days) {
		return rs.stream().map(r -> new SharedRecord(r.source(), r.subjectId(), r.fields(), r.asOf().minus(Duration.ofDays(days))))
				.toList();
	}

	static List<SharedRecord> blacklisted(List<SharedRecord> rs, String subjectId, java.time.Instant asOf) {
		List<SharedRecord> out = new ArrayList<>(rs);
		out.add(new SharedRecord(SharedSource.CREDIT_BLACKLIST, subjectId, Map.of("listed", "true", "reason", "失信被执行人"), asOf));
		return out;
	}
}
