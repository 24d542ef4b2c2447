package org.miaopi.hub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.LedgerRecords;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.hub.push.BatchReader;
import org.miaopi.hub.push.HubWitness;
import org.miaopi.hub.store.Page;
import org.miaopi.hub.store.Progress;
import org.miaopi.hub.store.Push;
import org.miaopi.hub.store.HubStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The push half of {@code ./miaopi bench hub}: one decision per imported dossier, written as the
 * desks' outbox would write it (one desk per department, each event chained and hashed, the
 * decision signed with an officer's Ed25519 key, as the hub verifies it), sent in batches of {@value #BATCH} rows as JSON text.
 * Measured: reading the JSON, rebuilding and hashing every event, checking each decision's signature, applying each batch in its
 * transaction and signing its checkpoint; building the bodies is not.
 */
final class PushBench {

	static final int BATCH = 500;
	private static final ObjectMapper JSON = new ObjectMapper();

	/** One request body and the department of the desk that sends it. */
	record Body(String department, byte[] json) {
	}

	private PushBench() {
	}

	static List<Body> bodies(HubStore store) throws Exception {
		Map<String, List<String>> byDepartment = new LinkedHashMap<>();
		long cursor = 0;
		Page<Progress> page;
		do {
			page = store.progressFeed(cursor, 1000);
			for (Progress p : page.items()) {
				byDepartment.computeIfAbsent(p.departmentCode(), k -> new ArrayList<>()).add(p.submissionId());
			}
			cursor = page.next();
		} while (page.more());
		List<Body> out = new ArrayList<>();
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		BenchOfficer officer = new BenchOfficer("officer.1"); //$NON-NLS-1$
		for (var d : byDepartment.entrySet()) {
			String desk = "bench-" + d.getKey().toLowerCase(java.util.Locale.ROOT); //$NON-NLS-1$
			AuditEvent prev = null;
			long seq = 0;
			List<String> ids = d.getValue();
			for (int i = 0; i < ids.size(); i += BATCH) {
				ObjectNode body = JSON.createObjectNode().put("desk", desk).put("from", seq + 1); //$NON-NLS-1$ //$NON-NLS-2$
				ArrayNode events = body.putArray("events"); //$NON-NLS-1$
				for (String id : ids.subList(i, Math.min(ids.size(), i + BATCH))) {
					Map<String, String> details = new LinkedHashMap<>();
					details.put("from", "IN_REVIEW"); //$NON-NLS-1$ //$NON-NLS-2$
					details.put("to", "APPROVED"); //$NON-NLS-1$ //$NON-NLS-2$
					details.put("decision", "APPROVE"); //$NON-NLS-1$ //$NON-NLS-2$
					details.put("reasons", ""); //$NON-NLS-1$ //$NON-NLS-2$
					org.miaopi.core.model.Decision decision = new org.miaopi.core.model.Decision(id,
							org.miaopi.core.model.DecisionKind.APPROVE, List.of(), null, officer.id, now, false, "材料齐全，符合条件", //$NON-NLS-1$
							null, null, null);
					long auditSeq = prev == null ? 1 : prev.sequence() + 1;
					details.put(LedgerRecords.DECISION_DIGEST, LedgerRecords.decisionDigest(auditSeq, decision).hex());
					prev = AuditChain.next(prev, now, "officer.1", id, "dossier.approved", details); //$NON-NLS-1$ //$NON-NLS-2$
					ObjectNode payload = JSON.createObjectNode();
					ObjectNode ev = payload.putObject("event").put("sequence", prev.sequence()).put("time", prev.time().toString()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							.put("actor", prev.actor()).put("dossierNo", id).put("type", prev.type()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					ObjectNode det = ev.putObject("details"); //$NON-NLS-1$
					prev.details().forEach(det::put);
					ev.put("prevHash", prev.prevHash().hex()).put("hash", prev.hash().hex()); //$NON-NLS-1$ //$NON-NLS-2$
					payload.putObject("decision").put("kind", "APPROVE").put("officer", "officer.1") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
							.put("decidedAt", now.toString()).put("justification", "材料齐全，符合条件") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							.putObject("signature").put("algorithm", "Ed25519") //$NON-NLS-1$ //$NON-NLS-2$
							.put("value", officer.sign(LedgerRecords.decision(auditSeq, decision))).put("certificate", officer.certificate); //$NON-NLS-1$ //$NON-NLS-2$
					events.addObject().put("sequence", ++seq).put("kind", prev.type()).put("dossierNo", id) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							.put("payload", JSON.writeValueAsString(payload)).put("createdAt", now.toEpochMilli()); //$NON-NLS-1$ //$NON-NLS-2$
				}
				body.put("to", seq).put("ledgerHead", prev.hash().hex()); //$NON-NLS-1$ //$NON-NLS-2$
				out.add(new Body(d.getKey(), JSON.writeValueAsBytes(body)));
			}
		}
		return out;
	}

	/** The bench's officer: an Ed25519 key with a certificate of its own (CN = the officer), as the hub checks it. */
	private static final class BenchOfficer {
		final String id;
		final java.security.KeyPair keys;
		final String certificate;

		BenchOfficer(String id) throws Exception {
			this.id = id;
			keys = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair(); //$NON-NLS-1$
			org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=" + id); //$NON-NLS-1$
			Instant now = Instant.now();
			var holder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, java.math.BigInteger.ONE,
					java.util.Date.from(now.minusSeconds(86_400)), java.util.Date.from(now.plusSeconds(86_400)), name, keys.getPublic())
					.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("Ed25519").build(keys.getPrivate())); //$NON-NLS-1$
			certificate = java.util.Base64.getEncoder().encodeToString(holder.getEncoded());
		}

		String sign(byte[] canonical) throws java.security.GeneralSecurityException {
			java.security.Signature s = java.security.Signature.getInstance("Ed25519"); //$NON-NLS-1$
			s.initSign(keys.getPrivate());
			s.update(canonical);
			return java.util.Base64.getEncoder().encodeToString(s.sign());
		}
	}

	/** @return decisions applied and rows refused */
	static long[] ingest(HubStore store, HubWitness witness, List<Body> bodies) throws Exception {
		long applied = 0;
		long refused = 0;
		for (Body b : bodies) {
			JsonNode json = JSON.readTree(b.json());
			Push.Result r = store.pushes().apply(BatchReader.read(json, b.department()), witness, witness);
			if (r.status() != Push.Status.APPLIED) {
				throw new IllegalStateException("a bench batch was not applied: " + r.status() + ", " + r.reason()); //$NON-NLS-1$ //$NON-NLS-2$
			}
			applied += json.get("events").size() - r.refused().size(); //$NON-NLS-1$
			refused += r.refused().size();
		}
		return new long[] { applied, refused };
	}
}
