package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.ChainHasher;
import org.miaopi.core.audit.LedgerRecords;
import org.miaopi.core.audit.SignatureVerifier;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.audit.Verification.Reason;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.store.jpa.MapCodec;

/**
 * Checks the whole audit ledger and the records it covers, streaming plain JDBC reads (never the
 * whole ledger in memory, no JPA objects). The reader thread checks what is sequential by nature —
 * every sequence present, each event pointing at the hash before it — while the hashes, the record
 * digests and the officers' signatures, independent of one another, are checked by every core in
 * batches. Then the decision rows and the dossiers' declared data are compared with the digests
 * their events recorded. The first problem reported is the one at the lowest sequence.
 */
final class LedgerCheck {

	static final int BATCH = 4_096;
	private static final int FETCH = 10_000;
	/** The queries of the check, which {@link LedgerBench#plainRead} times beside it. */
	static final String EVENTS = "SELECT SEQ, EVENT_MS, ACTOR, DOSSIER_NO, TYPE, DETAILS, PREV_HASH, HASH FROM AUDIT_EVENT ORDER BY SEQ";
	static final String SIGNERS = "SELECT FINGERPRINT, DER FROM SIGNER_CERTIFICATE";
	static final String DECISIONS = "SELECT ID, DOSSIER_NO, KIND, REASON_CODES, LEGAL_BASIS, OFFICER_ID, DECIDED_MS,"
			+ " AUTOMATIC, JUSTIFICATION, POLICY_ID, POLICY_VERSION, INPUTS_DIGEST, SIG_ALGORITHM, SIGNATURE, SIGNER_CERT"
			+ " FROM DECISION ORDER BY ID";
	static final String DOSSIERS = "SELECT NUMBER, MATTER_CODE, THEME_NO, SUBJECT_ID, APPLICANT_NAME, LEGAL_REP, DECLARED,"
			+ " RECEIVED_MS FROM DOSSIER";

	/** What an event expects of the decision row written with it. */
	private record Expected(String digest, String type, String kind, String reasons) {
	}

	/** What an intake event expects of its dossier. */
	private record Intake(long sequence, String digest) {
	}

	private final SignatureVerifier verifier;
	private final ExecutorService workers;
	private final Semaphore inFlight;
	private final AtomicReference<Verification.Broken> first = new AtomicReference<>();
	private final Map<Long, Expected> decisions = new ConcurrentHashMap<>();
	/** Sequences of decision events written before events carried digests. */
	private final Map<Long, Boolean> olderDecisions = new ConcurrentHashMap<>();
	private final Map<String, Intake> intakes = new ConcurrentHashMap<>();
	private final Map<Object, byte[]> certificates = new java.util.HashMap<>();
	private final AtomicLong signatures = new AtomicLong();
	private final AtomicLong decisionsCompared = new AtomicLong();
	private final AtomicLong dossiersCompared = new AtomicLong();
	private final AtomicLong decisionsBefore = new AtomicLong();
	private final AtomicLong dossiersBefore = new AtomicLong();
	private Sha256 head;

	private final int batch;
	/** One per worker thread. */
	private static final ThreadLocal<ChainHasher> HASHERS = ThreadLocal.withInitial(ChainHasher::new);

	private LedgerCheck(SignatureVerifier verifier, int threads, int batch) {
		this.verifier = verifier;
		this.batch = batch;
		this.workers = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "ledger-check");
			t.setDaemon(true);
			return t;
		});
		this.inFlight = new Semaphore(threads * 3);
	}

	/**
	 * @param verifier checks officers' signatures; null counts them without checking
	 * @param progress told the number of events checked so far after each batch
	 */
	static Verification run(DeskStore store, SignatureVerifier verifier, LongConsumer progress) {
		return run(store, verifier, BATCH, progress);
	}

	/** @param batchSize events (or rows) per unit of work; tests make it small to cross batch boundaries */
	static Verification run(DeskStore store, SignatureVerifier verifier, int batchSize, LongConsumer progress) {
		LedgerCheck check = new LedgerCheck(verifier, Math.max(1, Runtime.getRuntime().availableProcessors()), batchSize);
		try (Connection c = store.connect()) {
			c.setReadOnly(true);
			c.setAutoCommit(false);
			long[] chain = check.events(c, progress);
			check.drain();
			check.decisionRows(c);
			check.dossierRows(c);
			check.drain();
			LedgerWitness.check(c).ifPresent(b -> check.fail(b.sequence(), b.reason(), b.message()));
			c.commit();
			Verification.Broken broken = check.first.get();
			if (broken != null) {
				return broken;
			}
			return new Verification.Intact((int) Math.min(Integer.MAX_VALUE, chain[0]),
					chain[1] == 0 ? AuditChain.GENESIS : check.head, check.coverage());
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "checking the audit ledger");
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("the ledger check was interrupted", e);
		} finally {
			check.workers.shutdownNow();
		}
	}

	/** @return the number of events and 1 if there was any */
	private long[] events(Connection c, LongConsumer progress) throws SQLException, InterruptedException {
		long expected = 1;
		String prev = AuditChain.GENESIS.hex();
		List<String[]> rows = new ArrayList<>(batch);
		List<long[]> numbers = new ArrayList<>(batch);
		try (PreparedStatement p = c.prepareStatement(EVENTS)) {
			p.setFetchSize(FETCH);
			try (ResultSet r = p.executeQuery()) {
				while (r.next()) {
					long seq = r.getLong(1);
					String[] row = { r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8) };
					if (seq != expected) {
						fail(expected, Reason.SEQUENCE_GAP, "expected event " + expected + " but found " + seq);
						break;
					}
					if (!prev.equals(row[4])) {
						fail(expected, Reason.LINK_BROKEN, "event " + expected + " does not point at the hash of the event before it");
						break;
					}
					prev = row[5];
					rows.add(row);
					numbers.add(new long[] { seq, r.getLong(2) });
					expected++;
					if (rows.size() == batch) {
						submitEvents(rows, numbers);
						rows = new ArrayList<>(batch);
						numbers = new ArrayList<>(batch);
						progress.accept(expected - 1);
					}
				}
			}
		}
		submitEvents(rows, numbers);
		progress.accept(expected - 1);
		head = expected == 1 ? AuditChain.GENESIS : Sha256.parse(prev);
		return new long[] { expected - 1, expected == 1 ? 0 : 1 };
	}

	private void submitEvents(List<String[]> rows, List<long[]> numbers) throws InterruptedException {
		if (rows.isEmpty()) {
			return;
		}
		submit(() -> {
			for (int i = 0; i < rows.size(); i++) {
				event(numbers.get(i)[0], numbers.get(i)[1], rows.get(i));
			}
		});
	}

	private void event(long seq, long ms, String[] row) {
		String[] pairs = MapCodec.pairs(row[3]);
		int count = pairs == null ? 0 : pairs.length / 2;
		if (pairs != null && ChainHasher.accepts(seq, row[0], row[1], row[2], pairs, count, row[4], row[5])
				&& HASHERS.get().matches(seq, ms, row[0], row[1], row[2], pairs, count, row[4], row[5])) {
			remember(seq, row[1], row[2], detail(pairs, LedgerRecords.DECISION_DIGEST), detail(pairs, "decision"),
					detail(pairs, "reasons"), detail(pairs, LedgerRecords.DECLARED_DIGEST));
			return;
		}
		// not proven intact the fast way: the general way says what is wrong, in its words
		generalEvent(seq, ms, row);
	}

	/** Columns the fast way does not prove intact: through {@code AuditEvent}, which names what is wrong. */
	private void generalEvent(long seq, long ms, String[] row) {
		Map<String, String> details = MapCodec.decode(row[3]);
		AuditEvent e;
		try {
			e = new AuditEvent(seq, Instant.ofEpochMilli(ms), row[0], row[1], row[2], details, Sha256.parse(row[4]),
					Sha256.parse(row[5]));
		} catch (IllegalArgumentException damaged) {
			fail(seq, Reason.CONTENT_CHANGED, "event " + seq + " cannot be read: " + damaged.getMessage());
			return;
		}
		if (!AuditChain.hashOf(e).equals(e.hash())) {
			fail(seq, Reason.CONTENT_CHANGED, "event " + seq + " does not match its hash");
			return;
		}
		remember(seq, e.dossierNo(), e.type(), details.get(LedgerRecords.DECISION_DIGEST), details.get("decision"),
				details.get("reasons"), details.get(LedgerRecords.DECLARED_DIGEST));
	}

	private static String detail(String[] pairs, String key) {
		for (int i = 0; i < pairs.length; i += 2) {
			if (key.equals(pairs[i])) {
				return pairs[i + 1];
			}
		}
		return null;
	}

	/** What a checked event says its records hold, for comparing with the rows afterwards. */
	private void remember(long seq, String dossierNo, String type, String decisionDigest, String decision, String reasons,
			String declared) {
		if (decisionDigest != null) {
			decisions.put(seq, new Expected(decisionDigest, type, decision, reasons));
		} else if (decision != null) {
			olderDecisions.put(seq, Boolean.TRUE);
		}
		if (declared != null && dossierNo != null) {
			intakes.merge(dossierNo, new Intake(seq, declared), (a, b) -> a.sequence() < b.sequence() ? a : b);
		}
	}
	private void decisionRows(Connection c) throws SQLException, InterruptedException {
		// a few hundred officers sign hundreds of thousands of decisions: their certificates are read
		// (and decoded) once, not joined to every row
		try (PreparedStatement p = c.prepareStatement(SIGNERS); ResultSet r = p.executeQuery()) {
			while (r.next()) {
				certificates.put(r.getString(1), Base64.getDecoder().decode(r.getString(2)));
			}
		}
		List<Object[]> rows = new ArrayList<>(batch);
		try (PreparedStatement p = c.prepareStatement(DECISIONS)) {
			p.setFetchSize(FETCH);
			try (ResultSet r = p.executeQuery()) {
				while (r.next()) {
					Object[] row = new Object[15];
					for (int i = 0; i < row.length; i++) {
						row[i] = r.getObject(i + 1);
					}
					rows.add(row);
					if (rows.size() == batch) {
						List<Object[]> full = rows;
						submit(() -> decisions(full));
						rows = new ArrayList<>(batch);
					}
				}
			}
		}
		List<Object[]> rest = rows;
		submit(() -> decisions(rest));
		drain();
		for (Map.Entry<Long, Expected> missing : decisions.entrySet()) {
			fail(missing.getKey(), Reason.RECORD_CHANGED, "event " + missing.getKey() + " recorded a decision (" 
					+ missing.getValue().type() + ") whose row is gone");
		}
	}

	private void decision(Object[] row, Signed signed) {
		long id = ((Number) row[0]).longValue();
		boolean automatic = ((Number) row[7]).intValue() != 0;
		byte[] canonical = LedgerRecords.decision(id, (String) row[1], (String) row[2], (String) row[3], (String) row[4],
				(String) row[5], ((Number) row[6]).longValue(), automatic, (String) row[8], (String) row[9], (String) row[10],
				(String) row[11]);
		Expected expected = decisions.remove(id);
		if (expected == null) {
			if (olderDecisions.containsKey(id)) {
				decisionsBefore.incrementAndGet();
			} else {
				fail(id, Reason.RECORD_CHANGED, "decision row " + id + " (dossier " + row[1] + ") was recorded by no decision event");
			}
			return;
		}
		decisionsCompared.incrementAndGet();
		if (!ContentHashing.sha256(canonical).hex().equals(expected.digest())) {
			fail(id, Reason.RECORD_CHANGED, "event " + id + " (" + expected.type() + ", dossier " + row[1]
					+ "): the decision row differs from what the event recorded: " + Differences.of(expected, row));
			return;
		}
		String signature = (String) row[13];
		if (signature == null) {
			if (!automatic && !"decision.imported".equals(expected.type())) {
				fail(id, Reason.SIGNATURE_INVALID, "event " + id + ": the decision of " + row[5] + " on dossier " + row[1]
						+ " is not signed");
			}
			return;
		}
		signatures.incrementAndGet();
		if (verifier == null) {
			return;
		}
		byte[] certificate = row[14] == null ? null : certificates.get(row[14]);
		if (certificate == null) {
			signatureFails(row, "the signer's certificate is missing from the store");
			return;
		}
		signed.rows().add(row);
		signed.items().add(new SignatureVerifier.Item((String) row[12], canonical, Base64.getDecoder().decode(signature),
				certificate, (String) row[5], ((Number) row[6]).longValue()));
	}

	/** The signed decisions of one unit of work, checked together: a verifier may batch them. */
	private record Signed(List<Object[]> rows, List<SignatureVerifier.Item> items) {
		Signed() {
			this(new ArrayList<>(), new ArrayList<>());
		}
	}

	private void decisions(List<Object[]> rows) {
		Signed signed = new Signed();
		for (Object[] row : rows) {
			decision(row, signed);
		}
		if (signed.items().isEmpty()) {
			return;
		}
		List<SignatureVerifier.Check> checks = verifier.verifyAll(signed.items());
		for (int i = 0; i < checks.size(); i++) {
			if (!checks.get(i).valid()) {
				signatureFails(signed.rows().get(i), checks.get(i).why());
			}
		}
	}

	private void signatureFails(Object[] row, String why) {
		long id = ((Number) row[0]).longValue();
		fail(id, Reason.SIGNATURE_INVALID, "event " + id + ": the signature of " + row[5] + "'s decision on dossier "
				+ row[1] + " does not hold: " + why);
	}

	private void dossierRows(Connection c) throws SQLException, InterruptedException {
		List<Object[]> rows = new ArrayList<>(batch);
		try (PreparedStatement p = c.prepareStatement(DOSSIERS)) {
			p.setFetchSize(FETCH);
			try (ResultSet r = p.executeQuery()) {
				while (r.next()) {
					rows.add(new Object[] { r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
							r.getString(6), r.getString(7), r.getLong(8) });
					if (rows.size() == batch) {
						List<Object[]> full = rows;
						submit(() -> full.forEach(this::dossier));
						rows = new ArrayList<>(batch);
					}
				}
			}
		}
		List<Object[]> rest = rows;
		submit(() -> rest.forEach(this::dossier));
		drain();
		for (Map.Entry<String, Intake> missing : intakes.entrySet()) {
			fail(missing.getValue().sequence(), Reason.RECORD_CHANGED, "event " + missing.getValue().sequence()
					+ " took in dossier " + missing.getKey() + ", whose row is gone");
		}
	}

	private void dossier(Object[] row) {
		Intake intake = intakes.remove(row[0]);
		if (intake == null) {
			dossiersBefore.incrementAndGet();
			return;
		}
		dossiersCompared.incrementAndGet();
		byte[] canonical = LedgerRecords.declared((String) row[0], (String) row[1], (String) row[2], (String) row[3],
				(String) row[4], (String) row[5], MapCodec.decode((String) row[6]), (Long) row[7]);
		if (!ContentHashing.sha256(canonical).hex().equals(intake.digest())) {
			fail(intake.sequence(), Reason.RECORD_CHANGED, "event " + intake.sequence() + " (intake of dossier " + row[0]
					+ "): the dossier's applicant or declared data differ from what was taken in");
		}
	}

	private void submit(Runnable work) throws InterruptedException {
		inFlight.acquire();
		workers.execute(() -> {
			try {
				work.run();
			} catch (RuntimeException e) {
				fail(Long.MAX_VALUE, Reason.CONTENT_CHANGED, "a record cannot be read: " + e.getMessage());
			} finally {
				inFlight.release();
			}
		});
	}

	/** Waits until every submitted batch is done. */
	private void drain() throws InterruptedException {
		int all = ((java.util.concurrent.ThreadPoolExecutor) workers).getMaximumPoolSize() * 3;
		inFlight.acquire(all);
		inFlight.release(all);
	}

	private void fail(long sequence, Reason reason, String message) {
		Verification.Broken b = new Verification.Broken(sequence, reason, message);
		first.accumulateAndGet(b, (a, n) -> a == null || n.sequence() < a.sequence() ? n : a);
	}

	private Verification.Coverage coverage() {
		return new Verification.Coverage(decisionsCompared.get(), dossiersCompared.get(), signatures.get(), verifier != null,
				decisionsBefore.get(), dossiersBefore.get());
	}

	/** What can be said of a changed decision row: kind and reasons are in the event itself, the rest by digest only. */
	private static final class Differences {
		static String of(Expected expected, Object[] row) {
			if (expected.kind() != null && !expected.kind().equals(row[2])) {
				return "kind " + expected.kind() + " was recorded, the row now says " + row[2];
			}
			if (expected.reasons() != null && !expected.reasons().equals(row[3])) {
				return "reasons [" + expected.reasons() + "] were recorded, the row now says [" + row[3] + "]";
			}
			return "its legal basis, officer, time, justification or policy was changed; the row now reads: legal basis "
					+ quote(row[4]) + ", officer " + row[5] + ", justification " + quote(row[8]);
		}

		private static String quote(Object o) {
			return o == null ? "none" : "\"" + o + "\"";
		}
	}
}
