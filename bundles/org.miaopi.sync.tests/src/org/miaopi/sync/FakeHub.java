package org.miaopi.sync;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.miaopi.sync.internal.HubTransport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hub's push side as docs/hub.md describes it, in memory: a mark per desk that a batch moves
 * only when it starts right after it (else 409 with the mark), a checkpoint with every applied
 * batch, refusals for the dossiers named. It can be unreachable for a number of requests.
 */
final class FakeHub implements HubTransport {

	long mark;
	int unreachableFor;
	Set<String> refuse = Set.of();
	final List<JsonNode> batches = new ArrayList<>();
	final List<Long> applied = new ArrayList<>();
	/** The certificate documents the hub holds by SHA-256, and the uploads it got. */
	final Set<String> documents = new java.util.HashSet<>();
	final List<String> uploads = new ArrayList<>();
	boolean refuseUploads;

	@Override
	public Reply get(String path) throws IOException {
		reach();
		if (path.equals("/v1/me")) { //$NON-NLS-1$
			return json(200, JSON.createObjectNode().put("name", "psb-desk-1").put("role", "DESK").put("department", "SZPSB").put("highWater", mark)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
		}
		if (path.startsWith("/v1/departments/")) { //$NON-NLS-1$
			return json(200, JSON.createObjectNode().put("next", 0).put("more", false).set("items", JSON.createArrayNode())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return json(404, JSON.createObjectNode().put("error", "not-found").put("reason", "no such endpoint")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	@Override
	public Reply post(String path, JsonNode body) throws IOException {
		reach();
		if (path.equals("/v1/desks/me/documents/missing")) { //$NON-NLS-1$
			ObjectNode missing = JSON.createObjectNode();
			body.get("sha256").forEach(h -> { //$NON-NLS-1$
				if (!documents.contains(h.asText())) {
					missing.withArray("missing").add(h.asText()); //$NON-NLS-1$
				}
			});
			missing.withArray("missing"); //$NON-NLS-1$
			return json(200, missing);
		}
		batches.add(body);
		long from = body.get("from").asLong(); //$NON-NLS-1$
		long to = body.get("to").asLong(); //$NON-NLS-1$
		if (from - 1 > mark) {
			return json(409, JSON.createObjectNode().put("error", "conflict").put("reason", "gap").put("highWater", mark)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		}
		ObjectNode answer = JSON.createObjectNode();
		if (to > mark) {
			for (JsonNode e : body.get("events")) { //$NON-NLS-1$
				if (e.get("sequence").asLong() > mark) { //$NON-NLS-1$
					applied.add(e.get("sequence").asLong()); //$NON-NLS-1$
					if (refuse.contains(e.get("dossierNo").asText())) { //$NON-NLS-1$
						answer.withArray("refused").addObject().put("sequence", e.get("sequence").asLong()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
								.put("dossierNo", e.get("dossierNo").asText()).put("reason", "decided at another desk") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
								.put("hubState", "APPROVED by psb-desk-2"); //$NON-NLS-1$ //$NON-NLS-2$
					}
				}
			}
			mark = to;
			answer.putObject("checkpoint").put("desk", "psb-desk-1").put("sequence", to) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					.put("headHash", body.get("ledgerHead").asText()) //$NON-NLS-1$ //$NON-NLS-2$
					.put("signature", Base64.getEncoder().encodeToString(new byte[] { 1, 2 })) //$NON-NLS-1$
					.put("hubCertificate", Base64.getEncoder().encodeToString(new byte[] { 3 })) //$NON-NLS-1$
					.put("signedAt", "2026-12-03T10:42:00Z"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		answer.put("highWater", mark); //$NON-NLS-1$
		answer.withArray("refused"); //$NON-NLS-1$
		return json(200, answer);
	}

	@Override
	public Reply post(String path, byte[] body, String contentType) throws IOException {
		reach();
		if (refuseUploads) {
			return json(503, JSON.createObjectNode().put("error", "unavailable").put("reason", "the document store is full")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		String sha = org.miaopi.core.content.ContentHashing.sha256(body).hex();
		uploads.add(sha);
		documents.add(sha);
		return json(200, JSON.createObjectNode().put("sha256", sha).put("stored", true)); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private void reach() throws IOException {
		if (unreachableFor > 0) {
			unreachableFor--;
			throw new ConnectException();
		}
	}

	private static Reply json(int status, JsonNode body) {
		return new Reply(status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
	}
}
