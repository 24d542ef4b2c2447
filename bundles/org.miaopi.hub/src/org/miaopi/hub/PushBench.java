package org.miaopi.hub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.core.audit.AuditChain;
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
 * decision with a signature-sized value), sent in batches of {@value #BATCH} rows as JSON text.
 * Measured: reading the JSON, rebuilding and hashing every event, applying each batch in its
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
		Instant now = Instant.now();
		String signature = "M".repeat(96); // the Base64 of an ECDSA P-256 signature is about this long
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
					details.put("decisionDigest", "0".repeat(64)); //$NON-NLS-1$ //$NON-NLS-2$
					prev = AuditChain.next(prev, now, "officer.1", id, "dossier.approved", details); //$NON-NLS-1$ //$NON-NLS-2$
					ObjectNode payload = JSON.createObjectNode();
					ObjectNode ev = payload.putObject("event").put("sequence", prev.sequence()).put("time", prev.time().toString()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							.put("actor", prev.actor()).put("dossierNo", id).put("type", prev.type()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					ObjectNode det = ev.putObject("details"); //$NON-NLS-1$
					prev.details().forEach(det::put);
					ev.put("prevHash", prev.prevHash().hex()).put("hash", prev.hash().hex()); //$NON-NLS-1$ //$NON-NLS-2$
					payload.putObject("decision").put("kind", "APPROVE").put("officer", "officer.1") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
							.put("decidedAt", now.toString()).put("justification", "材料齐全，符合条件") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							.putObject("signature").put("algorithm", "SHA256withECDSA").put("value", signature); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					events.addObject().put("sequence", ++seq).put("kind", prev.type()).put("dossierNo", id) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							.put("payload", JSON.writeValueAsString(payload)).put("createdAt", now.toEpochMilli()); //$NON-NLS-1$ //$NON-NLS-2$
				}
				body.put("to", seq).put("ledgerHead", prev.hash().hex()); //$NON-NLS-1$ //$NON-NLS-2$
				out.add(new Body(d.getKey(), JSON.writeValueAsBytes(body)));
			}
		}
		return out;
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
