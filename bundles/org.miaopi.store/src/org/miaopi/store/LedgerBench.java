package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.audit.LedgerRecords;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.OpenStore;
import org.miaopi.store.jpa.MapCodec;

/**
 * For {@code ./miaopi bench audit}: a scratch store's ledger of a given length, written straight by
 * JDBC in the shape the desk writes it (intake with the declared-data digest; for three dossiers in
 * five an officer assigns, reviews and signs the decision; the others are decided by 秒批; every
 * dossier gets its certificate; a sign-in now and then), and a plain read of the same rows that the
 * check reads, to set its time beside.
 */
public final class LedgerBench {

	private static final int BATCH = 2_000;

	private LedgerBench() {
	}

	/** The scratch ledger's figures. */
	public record Filled(long events, long signatures, long dossiers) {
	}

	/** Empties {@code open} (a scratch store) and writes a ledger of about {@code events} events. */
	public static Filled fill(OpenStore open, long events, List<DecisionSigner> officers, LongConsumer progress) {
		DeskStore store = (DeskStore) open;
		store.clear();
		long[] counts = new long[3];
		try (Connection c = store.connect()) {
			c.setAutoCommit(false);
			try (PreparedStatement ev = c.prepareStatement("INSERT INTO AUDIT_EVENT (SEQ, EVENT_MS, ACTOR, DOSSIER_NO, TYPE,"
					+ " DETAILS, PREV_HASH, HASH) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
					PreparedStatement dossier = c.prepareStatement("INSERT INTO DOSSIER (NUMBER, MATTER_CODE, APPLICANT_KIND,"
							+ " SUBJECT_ID, APPLICANT_NAME, DECLARED, RECEIVED_MS, DEADLINE, STATUS, DEPARTMENT_CODE, VERSION)"
							+ " VALUES (?, 'GRAD-HUKOU', 'N', ?, ?, ?, ?, ?, 'CERTIFICATE_ISSUED', 'PSB', 0)");
					PreparedStatement decision = c.prepareStatement("INSERT INTO DECISION (ID, DOSSIER_NO, KIND, REASON_CODES,"
							+ " LEGAL_BASIS, OFFICER_ID, DECIDED_MS, AUTOMATIC, JUSTIFICATION, POLICY_ID, POLICY_VERSION,"
							+ " INPUTS_DIGEST, SIG_ALGORITHM, SIGNATURE, SIGNER_CERT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
					PreparedStatement cert = c.prepareStatement("INSERT INTO SIGNER_CERTIFICATE (FINGERPRINT, DER) VALUES (?, ?)")) {
				for (DecisionSigner s : officers) {
					cert.setString(1, ContentHashing.sha256(s.certificate()).hex());
					cert.setString(2, Base64.getEncoder().encodeToString(s.certificate()));
					cert.executeUpdate();
				}
				Writer w = new Writer(ev);
				// one second per dossier, ending before now: within the bench officers' certificates (see CliActor)
				Instant t = Instant.now().minus(java.time.Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
				for (long n = 1; w.count < events; n++) {
					String no = String.format("BENCH-%09d", n);
					t = t.plusMillis(1_000);
					if (n % 40 == 1) {
						DecisionSigner s = officers.get((int) (n / 40 % officers.size()));
						w.add(t, s.officerId(), null, "session.signed-in", Map.of("method", "password"));
					}
					Map<String, String> declared = new LinkedHashMap<>();
					declared.put("name", "申请人" + n);
					declared.put("school", "示范大学");
					declared.put("degree", n % 3 == 0 ? "MASTER" : "BACHELOR");
					String subject = String.format("44030119900101%04d", n % 10_000);
					dossier.setString(1, no);
					dossier.setString(2, subject);
					dossier.setString(3, "申请人" + n);
					dossier.setString(4, MapCodec.encode(declared));
					dossier.setLong(5, t.toEpochMilli());
					dossier.setDate(6, java.sql.Date.valueOf(LocalDate.of(2026, 2, 1)));
					dossier.addBatch();
					counts[2]++;
					w.add(t, "intake", no, "dossier.imported", Map.of("status", "RECEIVED", "matter", "GRAD-HUKOU",
							LedgerRecords.DECLARED_DIGEST, ContentHashing.sha256(LedgerRecords.declared(no, "GRAD-HUKOU", null,
									subject, "申请人" + n, null, declared, t.toEpochMilli())).hex()));
					w.add(t, "SYSTEM", no, "dossier.pre-checked", Map.of("from", "RECEIVED", "to", "PRE_CHECKED"));
					Decision d;
					DecisionSigner signer = null;
					if (n % 5 < 3) {
						signer = officers.get((int) (n % officers.size()));
						w.add(t, signer.officerId(), no, "dossier.assigned", Map.of("from", "PRE_CHECKED", "to", "ASSIGNED",
								"assignee", signer.officerId()));
						w.add(t, signer.officerId(), no, "dossier.review-started", Map.of("from", "ASSIGNED", "to", "IN_REVIEW"));
						d = new Decision(no, DecisionKind.APPROVE, List.of(), "《户口登记条例》第十条", signer.officerId(), t, false,
								n % 7 == 0 ? "学历信息以毕业证书原件为准" : null, null, null, null);
					} else {
						d = new Decision(no, DecisionKind.APPROVE, List.of(), null, Officer.SYSTEM_ID, t, true, null,
								"GRAD-HUKOU-POLICY", "3", ContentHashing.sha256(no.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
					}
					long seq = w.count + 1;
					byte[] canonical = LedgerRecords.decision(seq, d);
					w.add(t, d.officerId(), no, d.automatic() ? "dossier.auto-approved" : "dossier.approved", Map.of("from", d.automatic() ? "PRE_CHECKED" : "IN_REVIEW",
							"to", "APPROVED", "decision", "APPROVE", "reasons", "", LedgerRecords.DECISION_DIGEST,
							ContentHashing.sha256(canonical).hex()));
					SettleWriter.bindDecision(decision, seq, d);
					decision.setString(13, signer == null ? null : signer.algorithm());
					decision.setString(14, signer == null ? null : Base64.getEncoder().encodeToString(signer.sign(canonical)));
					decision.setString(15, signer == null ? null : ContentHashing.sha256(signer.certificate()).hex());
					decision.addBatch();
					counts[1] += signer == null ? 0 : 1;
					w.add(t, "SYSTEM", no, "certificate.issued", Map.of("certificate", "C" + no));
					if (counts[2] % BATCH == 0) {
						dossier.executeBatch();
						decision.executeBatch();
						w.flush();
						c.commit();
						progress.accept(w.count);
					}
				}
				dossier.executeBatch();
				decision.executeBatch();
				w.flush();
				c.commit();
				counts[0] = w.count;
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "writing the bench ledger");
		}
		store.forgetLedgerHead(); // the ledger was written behind the writer's back
		return new Filled(counts[0], counts[1], counts[2]);
	}

	/** Reads every column the check reads, of every row, and does nothing with them; returns the rows read. */
	public static long plainRead(OpenStore open) {
		DeskStore store = (DeskStore) open;
		long rows = 0;
		long bytes = 0;
		try (Connection c = store.connect(); Statement s = c.createStatement()) {
			c.setReadOnly(true);
			c.setAutoCommit(false);
			s.setFetchSize(10_000);
			for (String sql : List.of(LedgerCheck.EVENTS, LedgerCheck.SIGNERS, LedgerCheck.DECISIONS, LedgerCheck.DOSSIERS)) {
				try (ResultSet r = s.executeQuery(sql)) {
					int columns = r.getMetaData().getColumnCount();
					while (r.next()) {
						for (int i = 1; i <= columns; i++) {
							Object o = r.getObject(i);
							bytes += o == null ? 0 : o.hashCode() & 1;
						}
						rows++;
					}
				}
			}
			c.commit();
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading the ledger");
		}
		return rows + (bytes & 0); // the sum keeps the reads from being optimised away
	}

	/** Appends chained events through one batch statement. */
	private static final class Writer {
		final PreparedStatement ev;
		AuditEvent head;
		long count;

		Writer(PreparedStatement ev) {
			this.ev = ev;
		}

		void add(Instant t, String actor, String no, String type, Map<String, String> details) throws SQLException {
			head = AuditChain.next(head, t, actor, no, type, details);
			count++;
			ev.setLong(1, head.sequence());
			ev.setLong(2, head.time().toEpochMilli());
			ev.setString(3, actor);
			ev.setString(4, no);
			ev.setString(5, type);
			ev.setString(6, MapCodec.encode(head.details()));
			ev.setString(7, head.prevHash().hex());
			ev.setString(8, head.hash().hex());
			ev.addBatch();
		}

		void flush() throws SQLException {
			ev.executeBatch();
		}
	}
}
