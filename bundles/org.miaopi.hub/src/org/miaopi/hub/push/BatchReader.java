package org.miaopi.hub.push;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.hub.store.Push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a desk's batch ({@code POST /v1/desks/me/batches}, docs/hub.md) into the store's terms:
 * every field checked, each outbox row's payload read, its audit event rebuilt and hashed again
 * with the core's {@link AuditChain} (an event that does not match its hash, or does not link to
 * the one before it, breaks the chain), and what each change does to its dossier's progress.
 */
public final class BatchReader {

	/** Outbox rows per batch at most. */
	public static final int MAX_EVENTS = 5_000;
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Set<String> OUTCOMES = Set.of("APPROVED", "REJECTED", "WITHDRAWN"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/** Why a batch is refused before the store sees it. */
	public static final class Refused extends Exception {
		private static final long serialVersionUID = 1L;

		/** True when the chain breaks inside the batch (409), false when the request is malformed (400). */
		public final boolean chain;

		Refused(boolean chain, String reason) {
			super(reason, null, false, false);
			this.chain = chain;
		}
	}

	private BatchReader() {
	}

	/** @param department the pushing desk's department (the store refuses dossiers of others) */
	public static Push.Batch read(JsonNode body, String department) throws Refused {
		if (body == null || !body.isObject()) {
			throw malformed("the body must be a JSON object {\"desk\", \"from\", \"to\", \"events\", \"ledgerHead\"}"); //$NON-NLS-1$
		}
		String desk = text(body, "desk", 64, false); //$NON-NLS-1$
		long from = number(body, "from"); //$NON-NLS-1$
		long to = number(body, "to"); //$NON-NLS-1$
		String head = hash(body, "ledgerHead"); //$NON-NLS-1$
		JsonNode events = body.get("events"); //$NON-NLS-1$
		if (events == null || !events.isArray() || events.isEmpty()) {
			throw malformed("'events' must be a non-empty array of outbox rows"); //$NON-NLS-1$
		}
		if (events.size() > MAX_EVENTS) {
			throw malformed("a batch carries at most " + MAX_EVENTS + " outbox rows, not " + events.size()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (from < 1 || to < from || to - from + 1 != events.size()) {
			throw malformed("'from' " + from + " and 'to' " + to + " must span exactly the " + events.size() + " rows sent, from 1 on"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		List<Push.Event> out = new ArrayList<>(events.size());
		for (int i = 0; i < events.size(); i++) {
			Push.Event e = event(events.get(i), from + i);
			if (!out.isEmpty()) {
				Push.Event prev = out.get(out.size() - 1);
				if (e.auditSeq() != prev.auditSeq() + 1 || !e.prevHash().equals(prev.hash())) {
					throw new Refused(true, "audit event " + e.auditSeq() + " (outbox row " + e.sequence() //$NON-NLS-1$ //$NON-NLS-2$
							+ ") does not follow audit event " + prev.auditSeq() + " before it"); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
			out.add(e);
		}
		if (!out.get(out.size() - 1).hash().equals(head)) {
			throw new Refused(true, "'ledgerHead' is not the hash of the batch's last audit event"); //$NON-NLS-1$
		}
		return new Push.Batch(desk, department, from, to, out, head);
	}

	private static Push.Event event(JsonNode row, long expected) throws Refused {
		if (row == null || !row.isObject()) {
			throw malformed("outbox row " + expected + " is not a JSON object"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		long sequence = number(row, "sequence"); //$NON-NLS-1$
		if (sequence != expected) {
			throw malformed("outbox row " + expected + " is missing or out of order (found " + sequence + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		String where = "outbox row " + sequence + ": "; //$NON-NLS-1$ //$NON-NLS-2$
		String kind = text(row, "kind", 64, false); //$NON-NLS-1$
		String dossierNo = text(row, "dossierNo", 80, true); //$NON-NLS-1$
		String payload = text(row, "payload", 64 * 1024, false); //$NON-NLS-1$
		long created = time(row.get("createdAt"), where + "'createdAt'"); //$NON-NLS-1$ //$NON-NLS-2$
		JsonNode p;
		try {
			p = JSON.readTree(payload);
		} catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw malformed(where + "'payload' is not JSON"); //$NON-NLS-1$
		}
		JsonNode ev = p == null ? null : p.get("event"); //$NON-NLS-1$
		if (ev == null || !ev.isObject()) {
			throw malformed(where + "the payload carries no audit event"); //$NON-NLS-1$
		}
		AuditEvent audit;
		try {
			Map<String, String> details = new LinkedHashMap<>();
			JsonNode d = ev.path("details"); //$NON-NLS-1$
			if (!d.isObject()) {
				throw malformed(where + "the audit event's details must be an object"); //$NON-NLS-1$
			}
			for (Map.Entry<String, JsonNode> f : d.properties()) {
				if (!f.getValue().isTextual()) {
					throw malformed(where + "the audit event's detail '" + f.getKey() + "' is not text"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				details.put(f.getKey(), f.getValue().asText());
			}
			audit = new AuditEvent(number(ev, "sequence"), Instant.parse(text(ev, "time", 40, false)), text(ev, "actor", 64, false), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					text(ev, "dossierNo", 80, true), text(ev, "type", 64, false), details, Sha256.parse(hash(ev, "prevHash")), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					Sha256.parse(hash(ev, "hash"))); //$NON-NLS-1$
		} catch (DateTimeParseException e) {
			throw malformed(where + "the audit event's time is not an ISO-8601 instant"); //$NON-NLS-1$
		} catch (IllegalArgumentException e) {
			throw malformed(where + "the audit event is not valid: " + e.getMessage()); //$NON-NLS-1$
		}
		if (!audit.type().equals(kind) || !java.util.Objects.equals(audit.dossierNo(), dossierNo)) {
			throw malformed(where + "'kind' and 'dossierNo' must be those of the audit event it carries"); //$NON-NLS-1$
		}
		if (!AuditChain.hashOf(audit).equals(audit.hash())) {
			throw new Refused(true, where + "audit event " + audit.sequence() + " does not match its hash"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Map<String, String> details = audit.details();
		String stage = dossierNo == null || (!kind.startsWith("dossier.") && !kind.startsWith("certificate.")) ? null //$NON-NLS-1$ //$NON-NLS-2$
				: details.get("to"); //$NON-NLS-1$
		String outcome = stage != null && OUTCOMES.contains(stage) ? stage : null;
		String reasons = details.get("reasons"); //$NON-NLS-1$
		List<String> reasonList = outcome == null ? null
				: reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")); //$NON-NLS-1$
		String certificate = "certificate.issued".equals(kind) ? details.get("certificate") : null; //$NON-NLS-1$ //$NON-NLS-2$
		Push.DecisionCheck decision = dossierNo == null ? null
				: DecisionChecks.check(p.get("decision"), audit.sequence(), dossierNo, stage, details); //$NON-NLS-1$
		Push.Issued issued = certificate == null ? null : issued(p.get("certificate"), certificate, where); //$NON-NLS-1$
		return new Push.Event(sequence, kind, dossierNo, payload, created, audit.sequence(), audit.prevHash().hex(),
				audit.hash().hex(), audit.time().toEpochMilli(), stage, outcome, reasonList, certificate, decision, issued);
	}

	/** The certificate record of a {@code certificate.issued} row (docs/hub.md, "Certificates at the hub"), or null when it carries none. */
	private static Push.Issued issued(JsonNode c, String number, String where) throws Refused {
		if (c == null || c.isNull()) {
			return null;
		}
		if (!c.isObject() || !number.equals(c.path("number").asText())) { //$NON-NLS-1$
			throw malformed(where + "the certificate record must be an object of certificate " + number); //$NON-NLS-1$
		}
		try {
			return new Push.Issued(number, text(c, "matter", 64, true), text(c, "holderKind", 16, true), text(c, "holderId", 40, true), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					text(c, "holderName", 200, true), Instant.parse(text(c, "issuedAt", 40, false)).toEpochMilli(), //$NON-NLS-1$ //$NON-NLS-2$
					day(c, "validFrom"), day(c, "validTo"), text(c, "department", 32, true), hash(c, "documentSha256")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		} catch (DateTimeParseException e) {
			throw malformed(where + "the certificate's 'issuedAt' is not an ISO-8601 instant"); //$NON-NLS-1$
		} catch (Refused e) {
			throw malformed(where + "certificate " + number + ": " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static String day(JsonNode o, String field) throws Refused {
		String v = text(o, field, 10, true);
		if (v != null && !v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) { //$NON-NLS-1$
			throw malformed("'" + field + "' must be an ISO date"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return v;
	}

	private static String text(JsonNode o, String field, int max, boolean nullable) throws Refused {
		JsonNode v = o.get(field);
		if (v == null || v.isNull()) {
			if (nullable) {
				return null;
			}
			throw malformed("'" + field + "' is missing"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (!v.isTextual() || v.asText().isEmpty() || v.asText().length() > max) {
			throw malformed("'" + field + "' must be text of 1 to " + max + " characters"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return v.asText();
	}

	private static long number(JsonNode o, String field) throws Refused {
		JsonNode v = o.get(field);
		if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1) {
			throw malformed("'" + field + "' must be a whole number from 1"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return v.asLong();
	}

	private static String hash(JsonNode o, String field) throws Refused {
		JsonNode v = o.get(field);
		if (v == null || !v.isTextual() || !v.asText().matches("[0-9a-f]{64}")) { //$NON-NLS-1$
			throw malformed("'" + field + "' must be a SHA-256 in 64 lower-case hex digits"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return v.asText();
	}

	/** Epoch milliseconds, or an ISO-8601 instant. */
	private static long time(JsonNode v, String what) throws Refused {
		if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
			return v.asLong();
		}
		if (v != null && v.isTextual()) {
			try {
				return Instant.parse(v.asText()).toEpochMilli();
			} catch (DateTimeParseException e) {
				// refused below
			}
		}
		throw malformed(what + " must be epoch milliseconds or an ISO-8601 instant"); //$NON-NLS-1$
	}

	private static Refused malformed(String reason) {
		return new Refused(false, reason);
	}
}
