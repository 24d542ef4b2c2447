package org.miaopi.hub.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

import org.miaopi.core.content.ContentHashing;
import org.miaopi.hub.store.HubCertificates;
import org.miaopi.hub.store.HubStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The certificates' files (docs/hub.md, "Certificates at the hub"): a desk asks which sealed PDFs
 * the hub lacks ({@code POST /v1/desks/me/documents/missing}) and uploads only those
 * ({@code POST /v1/desks/me/documents}, the hub names them by their SHA-256); the intake platform
 * reads a certificate's record ({@code GET /v1/certificates/{number}}) and its PDF
 * ({@code …/document}).
 */
final class DocumentEndpoints {

	/** A sealed certificate's PDF at most (the materials' limit). */
	static final long MAX_BYTES = 20L * 1024 * 1024;
	/** A question of {@link #MAX_HASHES} hashes, with room for the JSON around them. */
	static final long MAX_QUESTION_BYTES = 128 * 1024;
	/** Hashes asked about at once at most. */
	static final int MAX_HASHES = 1000;
	private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$

	private final HubStore store;

	DocumentEndpoints(HubStore store) {
		this.store = store;
	}

	JsonNode missing(JsonNode body) throws HttpError {
		JsonNode list = body.path("sha256"); //$NON-NLS-1$
		if (!list.isArray() || list.size() > MAX_HASHES) {
			throw HttpError.badRequest("ask with {\"sha256\": [up to " + MAX_HASHES + " SHA-256s in 64 lower-case hex digits]}"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Set<String> asked = new LinkedHashSet<>();
		for (JsonNode h : list) {
			if (!h.isTextual() || !h.asText().matches("[0-9a-f]{64}")) { //$NON-NLS-1$
				throw HttpError.badRequest("'" + h.asText() + "' is not a SHA-256 in 64 lower-case hex digits"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			asked.add(h.asText());
		}
		Set<String> held = store.knownContents(asked);
		ArrayNode missing = JsonViews.JSON.createObjectNode().putArray("missing"); //$NON-NLS-1$
		asked.stream().filter(h -> !held.contains(h)).forEach(missing::add);
		ObjectNode out = JsonViews.JSON.createObjectNode();
		out.set("missing", missing); //$NON-NLS-1$
		return out;
	}

	JsonNode upload(byte[] bytes) throws HttpError {
		if (bytes.length < PDF.length || !java.util.Arrays.equals(bytes, 0, PDF.length, PDF, 0, PDF.length)) {
			throw HttpError.badRequest("a certificate's document must be a PDF (it starts with %PDF-)"); //$NON-NLS-1$
		}
		String sha = ContentHashing.sha256(bytes).hex();
		boolean stored = store.putContent(sha, "application/pdf", bytes); //$NON-NLS-1$
		return JsonViews.JSON.createObjectNode().put("sha256", sha).put("size", bytes.length).put("stored", stored); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	HubCertificates.Certificate certificate(String number) throws HttpError {
		return store.certificates().of(number)
				.orElseThrow(() -> HttpError.notFound("no certificate " + number + " at the hub")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static ObjectNode view(HubCertificates.Certificate c) {
		return JsonViews.JSON.createObjectNode().put("number", c.number()).put("submissionId", c.submissionId()) //$NON-NLS-1$ //$NON-NLS-2$
				.put("department", c.department()).put("matter", c.matter()).put("holderKind", c.holderKind()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.put("holderId", c.holderId()).put("holderName", c.holderName()).put("issuedAt", c.issuedAt().toString()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.put("validFrom", c.validFrom()).put("validTo", c.validTo()).put("documentSha256", c.documentSha256()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.put("documentHeld", c.documentHeld()); //$NON-NLS-1$
	}
}
