package org.miaopi.sync.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.sync.OutboxEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sealed PDFs of the certificates a batch of outbox entries issued (docs/hub.md, "Certificates
 * at the hub"): the desk asks which the hub lacks and uploads only those, from
 * {@code <certificates>/<number>.pdf}, each checked against the record's SHA-256 first. A file not
 * found (moved away, or changed since it was sealed) or refused is named, not sent: the record
 * still goes, and the next round asks again.
 */
final class Documents {

	private final HubTransport hub;
	private final Path dir;
	private int sent;
	private final List<String> notFound = new ArrayList<>();

	Documents(HubTransport hub, Path dir) {
		this.hub = hub;
		this.dir = dir;
	}

	void send(List<OutboxEntry> batch) throws IOException, InterruptedException {
		Map<String, String> numbers = new LinkedHashMap<>();
		for (OutboxEntry e : batch) {
			if ("certificate.issued".equals(e.kind())) { //$NON-NLS-1$
				JsonNode c = HubTransport.JSON.readTree(e.payload()).path("certificate"); //$NON-NLS-1$
				if (c.path("documentSha256").isTextual() && c.path("number").isTextual()) { //$NON-NLS-1$ //$NON-NLS-2$
					numbers.putIfAbsent(c.get("documentSha256").asText(), c.get("number").asText()); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
		}
		if (numbers.isEmpty()) {
			return;
		}
		ObjectNode ask = HubTransport.JSON.createObjectNode();
		ArrayNode hashes = ask.putArray("sha256"); //$NON-NLS-1$
		numbers.keySet().forEach(hashes::add);
		HubTransport.Reply missing = hub.post("/v1/desks/me/documents/missing", ask); //$NON-NLS-1$
		if (!missing.ok()) {
			// the records still go; the files wait for a later round (a hub of before schema 4 answers 404)
			note("the hub did not say which certificate documents it lacks: " + missing.reason()); //$NON-NLS-1$
			return;
		}
		for (JsonNode h : missing.json().path("missing")) { //$NON-NLS-1$
			String number = numbers.get(h.asText());
			Path file = number == null ? null : dir.resolve(number + ".pdf"); //$NON-NLS-1$
			byte[] bytes = file != null && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
			if (bytes == null || !ContentHashing.sha256(bytes).hex().equals(h.asText())) {
				String why = "certificate " + number + "'s document is not in " + dir //$NON-NLS-1$ //$NON-NLS-2$
						+ (bytes == null ? "" : " as it was sealed (its SHA-256 differs)"); //$NON-NLS-1$ //$NON-NLS-2$
				note(why);
				continue;
			}
			HubTransport.Reply r = hub.post("/v1/desks/me/documents", bytes, "application/pdf"); //$NON-NLS-1$ //$NON-NLS-2$
			if (r.ok()) {
				sent++;
			} else {
				note("the hub refused certificate " + number + "'s document: " + r.reason()); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
	}

	private void note(String why) {
		if (!notFound.contains(why)) {
			notFound.add(why);
		}
	}

	int sent() {
		return sent;
	}

	List<String> notFound() {
		return List.copyOf(notFound);
	}
}
