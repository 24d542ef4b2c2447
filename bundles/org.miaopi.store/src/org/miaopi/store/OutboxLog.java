package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;

import org.miaopi.core.model.AuditEvent;
import org.miaopi.store.jpa.MapCodec;

/**
 * Writes the outbox rows of the audit events a ledger transaction appended, inside that same
 * transaction (the ledger's one writer calls it just before commit): one row per event, so that
 * everything the hub must learn reaches it with the chain hashes it witnesses. Sequences are drawn
 * from OUTBOX_STATE by an UPDATE, like the hub's HUB_SEQUENCE: gapless, since a rollback returns them.
 *
 * <p>Payload (JSON, {@link JsonText}): {@code {"event": {sequence, time, actor, dossierNo, type,
 * details, prevHash, hash}, "decision": {…}?, "certificate": {…}?, "password": {user, passwordHash}?}},
 * documented in docs/hub.md.
 */
final class OutboxLog {

	private OutboxLog() {
	}

	/** Writes the rows of the events after {@code before} up to {@code after} (either may be null). */
	static void record(EntityManager em, AuditEvent before, AuditEvent after) {
		long from = before == null ? 0 : before.sequence();
		long to = after == null ? 0 : after.sequence();
		if (to <= from) {
			return;
		}
		try {
			record(em.unwrap(Connection.class), from, to, System.currentTimeMillis());
		} catch (SQLException e) {
			throw new IllegalStateException("cannot write the outbox rows of audit events " + (from + 1) + " to " + to, e);
		}
	}

	static void record(Connection c, long fromExclusive, long toInclusive, long nowMs) throws SQLException {
		int n = Math.toIntExact(toInclusive - fromExclusive);
		long first = reserve(c, n);
		Map<Long, String> decisions = decisions(c, fromExclusive, toInclusive);
		try (PreparedStatement events = c.prepareStatement("SELECT SEQ, EVENT_MS, ACTOR, DOSSIER_NO, TYPE, DETAILS,"
				+ " PREV_HASH, HASH FROM AUDIT_EVENT WHERE SEQ > ? AND SEQ <= ? ORDER BY SEQ");
				PreparedStatement insert = c.prepareStatement("INSERT INTO OUTBOX (SEQ, KIND, DOSSIER_NO, AUDIT_SEQ, PAYLOAD,"
						+ " CREATED_MS) VALUES (?, ?, ?, ?, ?, ?)")) {
			events.setLong(1, fromExclusive);
			events.setLong(2, toInclusive);
			long seq = first;
			try (ResultSet r = events.executeQuery()) {
				while (r.next()) {
					long auditSeq = r.getLong(1);
					String type = r.getString(5);
					Map<String, String> details = new TreeMap<>(MapCodec.decode(r.getString(6)));
					JsonText json = new JsonText().begin().object("event").put("sequence", auditSeq)
							.put("time", Instant.ofEpochMilli(r.getLong(2)).toString()).put("actor", r.getString(3))
							.put("dossierNo", r.getString(4)).put("type", type).put("details", details)
							.put("prevHash", r.getString(7).strip()).put("hash", r.getString(8).strip()).end();
					String decision = decisions.get(auditSeq);
					if (decision != null) {
						json.key("decision");
						jsonRaw(json, decision);
					}
					if (CertificateRegister.ISSUED_EVENT.equals(type) && details.containsKey("certificate")) {
						certificate(c, json, details.get("certificate"));
					}
					if (org.miaopi.core.service.UserAccounts.PASSWORD_CHANGED.equals(type) && details.containsKey("user")) {
						password(c, json, details.get("user"));
					}
					insert.setLong(1, seq++);
					insert.setString(2, type);
					insert.setString(3, r.getString(4));
					insert.setLong(4, auditSeq);
					insert.setString(5, json.end().toString());
					insert.setLong(6, nowMs);
					insert.addBatch();
				}
			}
			if (seq - first != n) {
				throw new IllegalStateException("the ledger has " + (seq - first) + " events from " + (fromExclusive + 1)
						+ " to " + toInclusive + ", not " + n);
			}
			insert.executeBatch();
		}
	}

	/** Reserves {@code n} outbox sequences; the row stays locked until commit. @return the first */
	private static long reserve(Connection c, int n) throws SQLException {
		try (PreparedStatement up = c.prepareStatement("UPDATE OUTBOX_STATE SET HEAD = HEAD + ? WHERE ID = 1");
				PreparedStatement get = c.prepareStatement("SELECT HEAD FROM OUTBOX_STATE WHERE ID = 1")) {
			up.setInt(1, n);
			if (up.executeUpdate() != 1) {
				throw new IllegalStateException("the store's outbox has no sequence row (schema 16)");
			}
			try (ResultSet r = get.executeQuery()) {
				r.next();
				return r.getLong(1) - n + 1;
			}
		}
	}

	/** The decision rows written with these events, as JSON objects by event sequence. */
	private static Map<Long, String> decisions(Connection c, long from, long to) throws SQLException {
		Map<Long, String> out = new HashMap<>();
		try (PreparedStatement ps = c.prepareStatement("SELECT d.ID, d.KIND, d.REASON_CODES, d.LEGAL_BASIS, d.OFFICER_ID,"
				+ " d.DECIDED_MS, d.AUTOMATIC, d.JUSTIFICATION, d.POLICY_ID, d.POLICY_VERSION, d.INPUTS_DIGEST,"
				+ " d.SIG_ALGORITHM, d.SIGNATURE, s.DER FROM DECISION d LEFT JOIN SIGNER_CERTIFICATE s"
				+ " ON s.FINGERPRINT = d.SIGNER_CERT WHERE d.ID > ? AND d.ID <= ?")) {
			ps.setLong(1, from);
			ps.setLong(2, to);
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					String reasons = r.getString(3);
					JsonText j = new JsonText().begin().put("kind", r.getString(2))
							.put("reasons", reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")))
							.put("legalBasis", r.getString(4)).put("officer", r.getString(5))
							.put("decidedAt", Instant.ofEpochMilli(r.getLong(6)).toString()).put("automatic", r.getShort(7) != 0)
							.put("justification", r.getString(8)).put("policyId", r.getString(9))
							.put("policyVersion", r.getString(10)).put("inputsDigest", trim(r.getString(11)));
					if (r.getString(13) != null) {
						j.object("signature").put("algorithm", r.getString(12)).put("value", r.getString(13))
								.put("certificate", r.getString(14)).end();
					} else {
						j.key("signature");
						jsonRaw(j, "null");
					}
					out.put(r.getLong(1), j.end().toString());
				}
			}
		}
		return out;
	}

	private static void certificate(Connection c, JsonText json, String number) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("SELECT NUMBER, DOSSIER_NO, HOLDER_KIND, HOLDER_ID, HOLDER_NAME,"
				+ " MATTER_CODE, ISSUED_MS, VALID_FROM, VALID_TO, DEPARTMENT_CODE, DOCUMENT_SHA256 FROM CERTIFICATE WHERE NUMBER = ?")) {
			ps.setString(1, number);
			try (ResultSet r = ps.executeQuery()) {
				if (r.next()) {
					java.sql.Date to = r.getDate(9);
					json.object("certificate").put("number", r.getString(1)).put("dossierNo", r.getString(2))
							.put("holderKind", r.getString(3)).put("holderId", r.getString(4)).put("holderName", r.getString(5))
							.put("matter", r.getString(6)).put("issuedAt", Instant.ofEpochMilli(r.getLong(7)).toString())
							.put("validFrom", day(r.getDate(8))).put("validTo", to == null ? null : day(to))
							.put("department", r.getString(10)).put("documentSha256", trim(r.getString(11))).end();
				}
			}
		}
	}

	/**
	 * The new verifier of a password changed at this desk (never the password), so the hub takes it
	 * for the user and the department's other desks pull it (docs/hub.md, "Passwords changed at a desk").
	 */
	private static void password(Connection c, JsonText json, String user) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("SELECT PASSWORD_HASH FROM OFFICER WHERE ID = ?")) {
			ps.setString(1, user);
			try (ResultSet r = ps.executeQuery()) {
				if (r.next() && r.getString(1) != null) {
					json.object("password").put("user", user).put("passwordHash", r.getString(1)).end();
				}
			}
		}
	}

	private static String day(java.sql.Date d) {
		return LocalDate.parse(d.toString()).toString();
	}

	private static String trim(String s) {
		return s == null ? null : s.strip();
	}

	/** Appends text that is already JSON as the value of the key just written. */
	private static void jsonRaw(JsonText json, String raw) {
		json.raw(raw);
	}
}
