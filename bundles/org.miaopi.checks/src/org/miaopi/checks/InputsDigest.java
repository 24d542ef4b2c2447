package org.miaopi.checks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.miaopi.core.content.Sha256;
import org.miaopi.core.matter.AutoApprovalPolicy;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

/**
 * The SHA-256 of a decision's canonical inputs: policy, dossier (declared data sorted by key,
 * materials), the decision date and each consulted source's record (fields sorted) or absence or
 * unavailability. Every value is length-prefixed, so no two input sets share an encoding.
 */
final class InputsDigest {

	private final MessageDigest md;

	private InputsDigest() {
		try {
			md = MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}

	static Sha256 of(AutoApprovalPolicy policy, Dossier d, LocalDate today, Set<SharedSource> consulted,
			Map<SharedSource, SharedRecord> newest, Set<SharedSource> unavailable) {
		InputsDigest g = new InputsDigest();
		g.put("miaopi.inputs.v1").put(policy.id()).put(policy.version()).put(d.matterCode()).put(d.number())
				.put(d.applicant().subjectId()).put(d.applicant().name()).put(today.toString());
		g.map(new TreeMap<>(d.declaredData()));
		g.put(Integer.toString(d.materials().size()));
		for (Material m : d.materials().stream().sorted(java.util.Comparator.comparing(Material::id)).toList()) {
			g.put(m.id()).put(m.requirementCode()).put(m.hasFile() ? m.contentHash().hex() : "-");
			g.put(m.replacedBy() == null ? "-" : m.replacedBy().source() + "@" + m.replacedBy().asOf().toEpochMilli());
		}
		for (SharedSource s : new java.util.TreeSet<>(consulted)) {
			g.put(s.name());
			SharedRecord r = newest.get(s);
			if (unavailable.contains(s)) {
				g.put("unavailable");
			} else if (r == null) {
				g.put("absent");
			} else {
				g.put(Long.toString(r.asOf().toEpochMilli())).map(new TreeMap<>(r.fields()));
			}
		}
		return Sha256.of(g.md.digest());
	}

	private InputsDigest put(String s) {
		byte[] b = s.getBytes(StandardCharsets.UTF_8);
		md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
		md.update(b);
		return this;
	}

	private InputsDigest map(Map<String, String> sorted) {
		put(Integer.toString(sorted.size()));
		sorted.forEach((k, v) -> put(k).put(v));
		return this;
	}
}
