package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.miaopi.core.sync.LedgerCheckpoint;
import org.miaopi.core.sync.OutboxEntry;
import org.miaopi.core.sync.PushRefusal;

/**
 * {@link org.miaopi.core.sync.Outbox} on the desk's store: reads the rows {@link OutboxLog} wrote,
 * keeps them after the hub applied them (a hub restored from a backup needs them again) until the
 * retention rule of {@link #prune} lets them go, keeps the certificate documents still to send, keeps
 * the hub's latest checkpoint and the refusals. Plain JDBC,
 * one short transaction per call.
 */
final class DeskOutbox {

	@FunctionalInterface
	private interface Work<T> {
		T run(Connection c) throws SQLException;
	}

	private final DeskStore store;

	DeskOutbox(DeskStore store) {
		this.store = store;
	}

	long head() {
		return jdbc("reading the outbox", c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT HEAD FROM OUTBOX_STATE WHERE ID = 1");
					ResultSet r = ps.executeQuery()) {
				return r.next() ? r.getLong(1) : 0L;
			}
		});
	}

	List<OutboxEntry> after(long sequence, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("the outbox is read in pages of at least 1 entry, not " + limit);
		}
		return jdbc("reading the outbox", c -> {
			List<OutboxEntry> out = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement("SELECT SEQ, KIND, DOSSIER_NO, PAYLOAD, CREATED_MS FROM OUTBOX"
					+ " WHERE SEQ > ? ORDER BY SEQ FETCH FIRST ? ROWS ONLY")) {
				ps.setLong(1, sequence);
				ps.setInt(2, limit);
				try (ResultSet r = ps.executeQuery()) {
					while (r.next()) {
						out.add(new OutboxEntry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5)));
					}
				}
			}
			return out;
		});
	}

	long waitingAbove(long highWater) {
		return jdbc("counting the outbox", c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM OUTBOX WHERE SEQ > ?")) {
				ps.setLong(1, highWater);
				try (ResultSet r = ps.executeQuery()) {
					r.next();
					return r.getLong(1);
				}
			}
		});
	}

	/**
	 * Notes when the hub's mark first reached {@code highWater}; rows stay (the hub's mark is the
	 * truth, and a hub restored from a backup asks again for rows it had applied: docs/hub.md, "Sync
	 * protocol"). A mark lower than one noted before means the hub lost what lies above it: those
	 * notes go, so the retention of the rows above the mark starts again when the hub re-applies them.
	 */
	void acknowledge(long highWater) {
		if (highWater < 0) {
			throw new IllegalArgumentException("a high-water mark is never negative: " + highWater);
		}
		jdbc("noting the hub's mark", c -> {
			try (PreparedStatement back = c.prepareStatement("DELETE FROM OUTBOX_ACK WHERE TO_SEQ > ?")) {
				back.setLong(1, highWater);
				back.executeUpdate();
			}
			Long top = longOf(c, "SELECT MAX(TO_SEQ) FROM OUTBOX_ACK WHERE TO_SEQ >= ?", highWater);
			if (highWater > 0 && top == null) {
				try (PreparedStatement ins = c.prepareStatement("INSERT INTO OUTBOX_ACK (TO_SEQ, AT_MS) VALUES (?, ?)")) {
					ins.setLong(1, highWater);
					ins.setLong(2, System.currentTimeMillis());
					ins.executeUpdate();
				}
			}
			return null;
		});
	}

	/**
	 * The retention rule (docs/hub.md, "Outbox retention"): a row goes when its sequence lies below
	 * the hub's mark as last seen, below the hub's latest signed checkpoint, and below a mark the hub
	 * reached at least {@code retentionMillis} ago. The row at the checkpoint stays (the push compares
	 * the hub's head with it). Rows the hub has held that long are in any backup of the hub taken
	 * since; a hub restored from an older one is told what the desk can no longer give it.
	 */
	long prune(long retentionMillis, long nowMillis) {
		if (retentionMillis < 0) {
			throw new IllegalArgumentException("a retention is never negative: " + retentionMillis);
		}
		return jdbc("pruning the outbox", c -> {
			Optional<LedgerCheckpoint> cp = latest(c);
			Long mark = longOf(c, "SELECT MAX(TO_SEQ) FROM OUTBOX_ACK WHERE TO_SEQ >= ?", 0L);
			Long old = longOf(c, "SELECT MAX(TO_SEQ) FROM OUTBOX_ACK WHERE AT_MS <= ?", nowMillis - retentionMillis);
			if (cp.isEmpty() || mark == null || old == null) {
				return 0L;
			}
			long below = Math.min(Math.min(mark, old), cp.get().sequence());
			long pruned = prunedTo(c);
			if (below - 1 <= pruned) {
				return 0L;
			}
			int gone;
			try (PreparedStatement del = c.prepareStatement("DELETE FROM OUTBOX WHERE SEQ < ?");
					PreparedStatement up = c.prepareStatement("UPDATE OUTBOX_STATE SET PRUNED_TO = ? WHERE ID = 1");
					PreparedStatement acks = c.prepareStatement("DELETE FROM OUTBOX_ACK WHERE TO_SEQ < ?")) {
				del.setLong(1, below);
				gone = del.executeUpdate();
				up.setLong(1, below - 1);
				up.executeUpdate();
				// the acknowledgement that dated this prune stays: it dates the next one
				acks.setLong(1, Math.min(mark, old));
				acks.executeUpdate();
			}
			return (long) gone;
		});
	}

	long prunedTo() {
		return jdbc("reading the outbox", DeskOutbox::prunedTo);
	}

	private static long prunedTo(Connection c) throws SQLException {
		Long p = longOf(c, "SELECT PRUNED_TO FROM OUTBOX_STATE WHERE ID = ?", 1);
		return p == null ? 0 : p;
	}

	void documentPending(org.miaopi.core.sync.PendingDocument d) {
		jdbc("noting a certificate document to send", c -> {
			String problem = d.problem() == null || d.problem().length() <= 2000 ? d.problem() : d.problem().substring(0, 2000);
			try (PreparedStatement up = c.prepareStatement("UPDATE OUTBOX_DOCUMENT SET PROBLEM = ? WHERE SHA256 = ?")) {
				up.setString(1, problem);
				up.setString(2, d.sha256());
				if (up.executeUpdate() > 0) {
					return null;
				}
			}
			try (PreparedStatement ins = c.prepareStatement("INSERT INTO OUTBOX_DOCUMENT (SHA256, CERT_NUMBER, PROBLEM, NOTED_MS) VALUES (?, ?, ?, ?)")) {
				ins.setString(1, d.sha256());
				ins.setString(2, d.number());
				ins.setString(3, problem);
				ins.setLong(4, System.currentTimeMillis());
				ins.executeUpdate();
			}
			return null;
		});
	}

	void documentDelivered(String sha256) {
		jdbc("noting a certificate document sent", c -> {
			try (PreparedStatement del = c.prepareStatement("DELETE FROM OUTBOX_DOCUMENT WHERE SHA256 = ?")) {
				del.setString(1, sha256);
				return del.executeUpdate();
			}
		});
	}

	List<org.miaopi.core.sync.PendingDocument> pendingDocuments() {
		return jdbc("reading the certificate documents to send", c -> {
			List<org.miaopi.core.sync.PendingDocument> out = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement("SELECT SHA256, CERT_NUMBER, PROBLEM FROM OUTBOX_DOCUMENT ORDER BY NOTED_MS, SHA256");
					ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					out.add(new org.miaopi.core.sync.PendingDocument(r.getString(1).strip(), r.getString(2), r.getString(3)));
				}
			}
			return out;
		});
	}

	/**
	 * Forgets the outbox with the ledger it carried (the store was emptied, {@code demo --force}):
	 * sequences start at 1 again and the hub's checkpoints of the old ledger no longer apply.
	 */
	static void empty(Connection c) throws SQLException {
		try (java.sql.Statement s = c.createStatement()) {
			for (String table : new String[] { "OUTBOX", "OUTBOX_CHECKPOINT", "OUTBOX_REFUSAL", "OUTBOX_ACK", "OUTBOX_DOCUMENT" }) {
				s.execute("TRUNCATE TABLE " + table);
			}
			s.executeUpdate("UPDATE OUTBOX_STATE SET HEAD = 0, PRUNED_TO = 0 WHERE ID = 1");
		}
	}

	/**
	 * Keeps the checkpoint unless one at a higher sequence is kept already, and resolves the audit
	 * event it names: the event its outbox row carried, or (that row forgotten) the event with its hash.
	 */
	void keepCheckpoint(LedgerCheckpoint cp) {
		jdbc("keeping the hub's checkpoint", c -> {
			Optional<LedgerCheckpoint> kept = latest(c);
			if (kept.isPresent() && kept.get().sequence() > cp.sequence()) {
				return null;
			}
			Long auditSeq = longOf(c, "SELECT AUDIT_SEQ FROM OUTBOX WHERE SEQ = ?", cp.sequence());
			if (auditSeq == null) {
				auditSeq = longOf(c, "SELECT MAX(SEQ) FROM AUDIT_EVENT WHERE HASH = ?", cp.headHash());
			}
			try (PreparedStatement del = c.prepareStatement("DELETE FROM OUTBOX_CHECKPOINT");
					PreparedStatement ins = c.prepareStatement("INSERT INTO OUTBOX_CHECKPOINT (SEQ, DESK, HEAD_HASH, AUDIT_SEQ,"
							+ " SIGNATURE, HUB_CERT, SIGNED_MS) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
				del.executeUpdate();
				ins.setLong(1, cp.sequence());
				ins.setString(2, cp.desk());
				ins.setString(3, cp.headHash());
				if (auditSeq == null) {
					ins.setNull(4, Types.BIGINT);
				} else {
					ins.setLong(4, auditSeq);
				}
				ins.setString(5, Base64.getEncoder().encodeToString(cp.signature()));
				ins.setString(6, Base64.getEncoder().encodeToString(cp.hubCertificate()));
				ins.setLong(7, cp.signedAtMillis());
				ins.executeUpdate();
			}
			return null;
		});
	}

	Optional<LedgerCheckpoint> latestCheckpoint() {
		return jdbc("reading the hub's checkpoint", DeskOutbox::latest);
	}

	/** The kept checkpoint with the audit event it names (null when none of this ledger had its hash). */
	record Kept(LedgerCheckpoint checkpoint, Long auditSeq) {
	}

	static Optional<Kept> kept(Connection c) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("SELECT SEQ, DESK, HEAD_HASH, SIGNATURE, HUB_CERT, SIGNED_MS, AUDIT_SEQ"
				+ " FROM OUTBOX_CHECKPOINT ORDER BY SEQ DESC FETCH FIRST 1 ROWS ONLY"); ResultSet r = ps.executeQuery()) {
			if (!r.next()) {
				return Optional.empty();
			}
			LedgerCheckpoint cp = new LedgerCheckpoint(r.getString(2), r.getLong(1), r.getString(3).strip(),
					Base64.getDecoder().decode(r.getString(4)), Base64.getDecoder().decode(r.getString(5)), r.getLong(6));
			long audit = r.getLong(7);
			return Optional.of(new Kept(cp, r.wasNull() ? null : audit));
		}
	}

	private static Optional<LedgerCheckpoint> latest(Connection c) throws SQLException {
		return kept(c).map(Kept::checkpoint);
	}

	void recordRefusal(PushRefusal refusal) {
		jdbc("recording the hub's refusal", c -> {
			try (PreparedStatement del = c.prepareStatement("DELETE FROM OUTBOX_REFUSAL WHERE SEQ = ?");
					PreparedStatement ins = c.prepareStatement("INSERT INTO OUTBOX_REFUSAL (SEQ, DOSSIER_NO, REASON, HUB_STATE,"
							+ " AT_MS) VALUES (?, ?, ?, ?, ?)")) {
				del.setLong(1, refusal.sequence());
				del.executeUpdate();
				ins.setLong(1, refusal.sequence());
				ins.setString(2, refusal.dossierNo());
				ins.setString(3, refusal.reason());
				ins.setString(4, refusal.hubState());
				ins.setLong(5, refusal.atMillis());
				return ins.executeUpdate();
			}
		});
	}

	List<PushRefusal> refusals() {
		return jdbc("reading the hub's refusals", c -> {
			List<PushRefusal> out = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement("SELECT SEQ, DOSSIER_NO, REASON, HUB_STATE, AT_MS FROM OUTBOX_REFUSAL"
					+ " ORDER BY AT_MS DESC, SEQ DESC"); ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					out.add(new PushRefusal(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5)));
				}
			}
			return out;
		});
	}

	private static Long longOf(Connection c, String sql, Object key) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setObject(1, key);
			try (ResultSet r = ps.executeQuery()) {
				if (!r.next()) {
					return null;
				}
				long v = r.getLong(1);
				return r.wasNull() ? null : v;
			}
		}
	}

	private <T> T jdbc(String doing, Work<T> work) {
		try (Connection c = store.connect()) {
			c.setAutoCommit(false);
			try {
				T result = work.run(c);
				c.commit();
				return result;
			} catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), doing);
		}
	}
}
