package org.miaopi.sync.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.sync.Outbox;
import org.miaopi.core.sync.OutboxEntry;
import org.miaopi.core.sync.PendingDocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sealed PDFs of the certificates a batch of outbox entries issued (docs/hub.md, "Certificates
 * at the hub"): the desk asks which the hub lacks and uploads only those, from
 * {@code <certificates>/<number>.pdf}, each checked against the record's SHA-256 first. A file not
 * found (not written yet, moved away, or changed since it was sealed) or refused is named, not sent:
 * the record still goes, and the document is noted in the outbox ({@link Outbox#documentPending}),
 * so that every later push asks the hub for it again ({@link #retry}) until the hub holds it.
 */
final class Documents {

	private final HubTransport hub;
	private final Path dir;
	private final Outbox outbox;
	private int sent;
	private final List<String> notFound = new ArrayList<>();

	Documents(HubTransport hub, Path dir, Outbox outbox) {
		this.hub = hub;
		this.dir = dir;
		this.outbox = outbox;
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
		send(numbers, false);
	}

	/** The documents earlier pushes could not send: asked for again, sent if the hub still lacks them. */
	void retry() throws IOException, InterruptedException {
		Map<String, String> numbers = new LinkedHashMap<>();
		for (PendingDocument d : outbox.pendingDocuments()) {
			numbers.putIfAbsent(d.sha256(), d.number());
		}
		send(numbers, true);
	}

	private void send(Map<String, String> numbers, boolean pending) throws IOException, InterruptedException {
		if (numbers.isEmpty()) {
			return;
		}
		ObjectNode ask = HubTransport.JSON.createObjectNode();
		ArrayNode hashes = ask.putArray("sha256"); //$NON-NLS-1$
		numbers.keySet().forEach(hashes::add);
		HubTransport.Reply missing = hub.post("/v1/desks/me/documents/missing", ask); //$NON-NLS-1$
		if (!missing.ok()) {
			// the records still go; the files wait for a later round (a hub of before schema 4 answers 404)
			String why = "the hub did not say which certificate documents it lacks: " + missing.reason(); //$NON-NLS-1$
			note(why);
			numbers.forEach((sha, number) -> outbox.documentPending(new PendingDocument(sha, number, why)));
			return;
		}
		Set<String> lacking = new HashSet<>();
		missing.json().path("missing").forEach(h -> lacking.add(h.asText())); //$NON-NLS-1$
		for (Map.Entry<String, String> d : numbers.entrySet()) {
			if (!lacking.contains(d.getKey())) {
				if (pending) {
					outbox.documentDelivered(d.getKey()); // the hub holds it (from this desk's earlier try, or another)
				}
				continue;
			}
			String problem = upload(d.getKey(), d.getValue());
			if (problem == null) {
				outbox.documentDelivered(d.getKey());
			} else {
				note(problem);
				outbox.documentPending(new PendingDocument(d.getKey(), d.getValue(), problem));
			}
		}
	}

	/** @return null when the hub took the file, else why it was not sent */
	private String upload(String sha, String number) throws IOException, InterruptedException {
		Path file = dir.resolve(number + ".pdf"); //$NON-NLS-1$
		byte[] bytes = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
		if (bytes == null || !ContentHashing.sha256(bytes).hex().equals(sha)) {
			return "certificate " + number + "'s document is not in " + dir //$NON-NLS-1$ //$NON-NLS-2$
					+ (bytes == null ? "" : " as it was sealed (its SHA-256 differs)"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		HubTransport.Reply r = hub.post("/v1/desks/me/documents", bytes, "application/pdf"); //$NON-NLS-1$ //$NON-NLS-2$
		if (!r.ok()) {
			return "the hub refused certificate " + number + "'s document: " + r.reason(); //$NON-NLS-1$ //$NON-NLS-2$
		}
		sent++;
		return null;
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
