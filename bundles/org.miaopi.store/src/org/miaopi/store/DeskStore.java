package org.miaopi.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.eclipse.persistence.jpa.PersistenceProvider;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.lifecycle.IllegalTransitionException;
import org.miaopi.core.matter.ThemeOutcome;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.SecretPrompt;
import org.miaopi.core.service.SettleResult;
import org.miaopi.core.service.SourceState;
import org.miaopi.core.service.ThemeState;
import org.miaopi.core.service.Settlement;
import org.miaopi.core.service.StoreInfo;
import org.miaopi.core.service.TransitionRequest;

/**
 * The desk's store: an embedded, encrypted Derby database under {@code <dir>/db} with its boot
 * key in {@code <dir>/boot.key}, read and written through EclipseLink. Only one JVM can have
 * it open (Derby's lock); within the JVM it is thread-safe.
 */
public final class DeskStore implements OpenStore, org.miaopi.core.supervision.SupervisionRecords, org.miaopi.core.sync.HubMatterVersions {

	public static final String DATABASE_DIR = "db";
	public static final String KEY_FILE = "boot.key";
	/** Environment variable and system property with the officer's store password. */
	public static final String PASSWORD_ENV = "MIAOPI_STORE_PASSWORD";
	public static final String PASSWORD_PROPERTY = "miaopi.store.password";

	private final Path dir;
	private final BootSecret secret;
	private final DerbyDatabase db;
	private final EntityManagerFactory emf;
	/** The audit chain's head and its one writer at a time: transitions and every bulk append. */
	private final Ledger ledger = new Ledger(this);
	private final Reads reads = new Reads(this);
	private final Loading loading = new Loading(this);
	private final Intake intake = new Intake(this);
	private final Pulls pulls = new Pulls(this);
	private final CertificateRegister register = new CertificateRegister(this);
	private final ThemeBook themes = new ThemeBook(this);
	private final SystemApprovals systemApprovals = new SystemApprovals(this);
	private final Sources sources = new Sources(this);
	private final SupervisionReads supervisionReads = new SupervisionReads(this);
	/** Loading writes that change what supervision reads with no step in the ledger (comparison results). */
	private final java.util.concurrent.atomic.AtomicLong unledgered = new java.util.concurrent.atomic.AtomicLong();
	private final SupervisionBook supervision = new SupervisionBook(this);
	private final Accounts accounts = new Accounts(this);
	private final Sessions sessions = new Sessions(this);
	/** The time of sign-ins and account locks; tests move it to see a lock expire. */
	volatile java.time.Clock clock = java.time.Clock.systemUTC();
	private final DeskOutbox outbox = new DeskOutbox(this);
	private final HubMatterList hubMatters = new HubMatterList(this);
	/**
	 * The installed matters, by code, so that an officer's decision gives only reason codes that fit
	 * its kind; a store with no matters (tests, a bare hub) checks none.
	 */
	volatile java.util.function.Function<String, java.util.Optional<org.miaopi.core.matter.MatterDefinition>> matters =
			code -> java.util.Optional.empty();
	/** Runs just before a transition commits; failure tests use it to break a transaction midway. */
	volatile Runnable beforeCommit = () -> {
	};

	private DeskStore(Path dir, BootSecret secret, DerbyDatabase db) {
		this.dir = dir;
		this.secret = secret;
		this.db = db;
		Map<String, Object> p = new HashMap<>();
		p.put("jakarta.persistence.jdbc.driver", "org.apache.derby.iapi.jdbc.AutoloadedDriver");
		p.put("jakarta.persistence.jdbc.url", db.url());
		p.put("eclipselink.classloader", DeskStore.class.getClassLoader());
		p.put("eclipselink.weaving", "false");
		p.put("eclipselink.ddl-generation", "none");
		p.put("eclipselink.target-database", "org.eclipse.persistence.platform.database.DerbyPlatform");
		p.put("eclipselink.logging.level", "OFF"); // failures reach the user as StoreException, once
		p.put("eclipselink.cache.shared.default", "false");
		p.put("eclipselink.jdbc.batch-writing", "JDBC");
		p.put("eclipselink.jdbc.batch-writing.size", "500");
		try {
			this.emf = new PersistenceProvider().createEntityManagerFactory("miaopi", p);
			if (emf == null) {
				throw new IllegalStateException("EclipseLink found no persistence unit 'miaopi' in org.miaopi.store");
			}
			emf.createEntityManager().close(); // log in now, so that failures show at open
		} catch (RuntimeException e) {
			db.close();
			throw StoreErrors.map(e, dir, "opening it");
		}
	}

	/** Opens or creates the store in {@code dir} with the given secret. */
	public static DeskStore open(Path dir, BootSecret secret) {
		return new DeskStore(dir, secret, DerbyDatabase.open(dir.resolve(DATABASE_DIR), secret));
	}

	/**
	 * Opens the desk's store the way the desk does: with the password from
	 * {@value #PASSWORD_ENV} / {@code -D}{@value #PASSWORD_PROPERTY} if one is set, otherwise
	 * with the key file {@code dir/boot.key}, created on first run.
	 */
	public static DeskStore openDesk(Path dir) {
		return open(dir, deskSecret(dir));
	}

	/**
	 * Opens the desk's store as {@link #openDesk(Path)} does, but when the store needs a password
	 * that no setting gives, asks {@code asker} for it, up to {@value #PASSWORD_TRIES} times. The
	 * password stays in memory only.
	 */
	public static DeskStore openDesk(Path dir, SecretPrompt asker) {
		if (asker == null || !BootSecret.needsPassword(dir)) {
			return openDesk(dir);
		}
		return org.miaopi.core.service.SecretTries
				.ask(asker, SecretPrompt.Secret.STORE, dir.toString(), "wrong password",
						e -> e instanceof StoreException s && s.problem() == StoreException.Problem.WRONG_KEY,
						given -> open(dir, BootSecret.typed(dir, given)))
				.orElseThrow(() -> new StoreException(StoreException.Problem.KEY_MISSING, "the store at " + dir
						+ " stays closed: its password was not given (a job with no one to ask takes it from " + PASSWORD_ENV + ")"));
	}

	/** How many passwords a person may type before opening the store fails. */
	public static final int PASSWORD_TRIES = org.miaopi.core.service.SecretTries.TRIES;

	/**
	 * Locks the clear boot key of the store in {@code dir} with a password: the store then opens
	 * only with {@value #PASSWORD_ENV}, and no key lies in clear beside it.
	 */
	public static void lockBootKey(Path dir, char[] password) {
		BootSecret.lockKeyFile(dir, password);
	}

	public static BootSecret deskSecret(Path dir) {
		return BootSecret.desk(dir);
	}

	@Override
	public Path location() {
		return dir;
	}

	/** The schema version found before this open upgraded it (0 for a new store). */
	public int previousSchemaVersion() {
		return db.previousVersion();
	}

	/** The underlying database, for tests that need to reach past the mapping (package-private). */
	DerbyDatabase databaseForTests() {
		return db;
	}

	BootSecret secret() {
		return secret;
	}

	DerbyDatabase database() {
		return db;
	}

	Connection connect() throws SQLException {
		return db.connect();
	}

	@Override
	public void close() {
		emf.close();
		db.close();
	}

	// ---------------------------------------------------------------- reading (Reads)

	@Override
	public Optional<Dossier> find(Officer viewer, String dossierNo) {
		return reads.find(viewer, dossierNo);
	}

	@Override
	public QueuePage queue(Officer viewer, QueueQuery q) {
		return reads.queue(viewer, q);
	}

	@Override
	public List<Dossier> themeMembers(Officer viewer, String themeNo) {
		return reads.themeMembers(viewer, themeNo);
	}

	@Override
	public List<AuditEvent> history(Officer viewer, String dossierNo) {
		return reads.history(viewer, dossierNo);
	}

	/** The whole ledger, oldest first, for verification with {@code AuditChain.verify}. */
	public List<AuditEvent> ledger() {
		return reads.ledger();
	}

	@Override
	public org.miaopi.core.audit.Verification verifyLedger(java.util.function.LongConsumer progress) {
		return LedgerCheck.run(this, null, progress);
	}

	@Override
	public org.miaopi.core.audit.Verification verifyLedger(org.miaopi.core.audit.SignatureVerifier signatures,
			java.util.function.LongConsumer progress) {
		return LedgerCheck.run(this, signatures, progress);
	}

	@Override
	public List<org.miaopi.core.audit.SignedDecision> signedDecisions(Officer viewer, String dossierNo) {
		return reads.signedDecisions(viewer, dossierNo);
	}

	@Override
	public List<Decision> decisions(Officer viewer, String dossierNo) {
		return reads.decisions(viewer, dossierNo);
	}

	@Override
	public List<ComparisonResult> comparisons(Officer viewer, String dossierNo) {
		return reads.comparisons(viewer, dossierNo);
	}

	@Override
	public Map<String, Long> attentionCounts(Officer viewer, java.util.Collection<String> dossierNos) {
		return reads.attentionCounts(viewer, dossierNos);
	}

	@Override
	public List<CertificateRecord> certificates(Officer viewer, String dossierNo) {
		return reads.certificates(viewer, dossierNo);
	}

	@Override
	public List<SharedRecord> sharedRecords(Officer viewer, String subjectId, SharedSource source) {
		return reads.sharedRecords(viewer, subjectId, source);
	}

	@Override
	public byte[] content(Officer viewer, String dossierNo, Sha256 hash) {
		return reads.content(viewer, dossierNo, hash);
	}

	// ---------------------------------------------------------------- the one transition (Ledger)

	@Override
	public Dossier transition(Officer actor, TransitionRequest req, org.miaopi.core.audit.DecisionSigner signer) {
		return ledger.transition(actor, req, signer);
	}

	// ---------------------------------------------------------------- who holds a dossier (Assignments)

	@Override
	public Dossier claim(Officer officer, String dossierNo) {
		return ledger.hold(officer, dossierNo, Assignments.claim(officer));
	}

	@Override
	public Dossier handBack(Officer officer, String dossierNo) {
		return ledger.hold(officer, dossierNo, Assignments.handBack(officer));
	}

	@Override
	public Dossier reassign(Officer supervisor, String dossierNo, String officerId) {
		return ledger.hold(supervisor, dossierNo, Assignments.reassign(supervisor, officerId));
	}

	// ---------------------------------------------------------------- intake (秒批) and certificates

	@Override
	public List<Dossier> received(Officer actor, int limit, String afterNumber) {
		return intake.received(actor, limit, afterNumber);
	}

	@Override
	public Map<String, List<SharedRecord>> sharedRecords(Officer actor, java.util.Collection<String> subjectIds) {
		return intake.sharedRecords(actor, subjectIds);
	}

	@Override
	public List<SettleResult> settle(Officer actor, List<Settlement> settlements) {
		return intake.settle(actor, settlements);
	}

	@Override
	public void issued(Officer actor, CertificateRecord record) {
		register.issued(actor, record);
	}

	@Override
	public void revoked(Officer actor, String certificateNumber, String reason) {
		register.revoked(actor, certificateNumber, reason);
	}

	@Override
	public Optional<CertificateRecord> certificate(String number) {
		return register.certificate(number);
	}

	// ---------------------------------------------------------------- themes and shared sources

	@Override
	public Optional<ThemeState> theme(String themeNo) {
		return themes.theme(themeNo);
	}

	@Override
	public Optional<ThemeOutcome> themeOutcome(String themeNo) {
		return themes.theme(themeNo).map(ThemeState::outcome);
	}

	@Override
	public List<Dossier> waitingForTheme(Officer viewer, int limit) {
		return themes.waitingForTheme(viewer, limit);
	}

	@Override
	public Map<String, List<Dossier>> readyForIssuance(Officer actor, int limit) {
		return themes.readyForIssuance(actor, limit);
	}

	@Override
	public List<Dossier> approvedWithoutOfficer(Officer actor, int limit) {
		return systemApprovals.waitingForCertificates(actor, limit);
	}

	@Override
	public List<SourceState> sources() {
		return sources.sources();
	}

	@Override
	public java.util.Set<SharedSource> unavailableSources() {
		return sources.unavailableSources();
	}

	@Override
	public boolean setAvailable(Officer actor, SharedSource source, boolean available, String note) {
		return sources.setAvailable(actor, source, available, note);
	}

	// ---------------------------------------------------------------- supervision (SupervisionReads, SupervisionBook)

	@Override
	public List<org.miaopi.core.supervision.CaseRecord> cases(Officer viewer, org.miaopi.core.supervision.CaseQuery query) {
		return supervisionReads.cases(viewer, query);
	}

	@Override
	public List<org.miaopi.core.supervision.CaseRecord> cases(Officer viewer, String department,
			java.util.Collection<String> numbers) {
		return supervisionReads.cases(viewer, department, numbers);
	}

	@Override
	public org.miaopi.core.supervision.SupervisionRecords.Changes changesSince(long since) {
		return supervisionReads.changesSince(since, unledgered.get());
	}

	/** The case read of schema 18, every dossier's steps from the ledger: what tests hold the step columns to. */
	List<org.miaopi.core.supervision.CaseRecord> casesFromLedger(Officer viewer, org.miaopi.core.supervision.CaseQuery query) {
		return supervisionReads.cases(viewer, query, true);
	}

	@Override
	public List<org.miaopi.core.supervision.DecisionRecord> decisions(Officer viewer, String department,
			java.time.LocalDate from, java.time.LocalDate to) {
		return supervisionReads.decisions(viewer, department, from, to);
	}

	@Override
	public List<org.miaopi.core.supervision.DecisionRecord> searchDecisions(Officer viewer,
			org.miaopi.core.supervision.DecisionQuery query) {
		return supervisionReads.search(viewer, query);
	}

	@Override
	public List<org.miaopi.core.supervision.Card> recordCards(Officer viewer, List<org.miaopi.core.supervision.Card> cards) {
		return supervision.recordCards(viewer, cards);
	}

	@Override
	public List<org.miaopi.core.supervision.Card> cards(Officer viewer, String department, java.time.LocalDate from,
			java.time.LocalDate to) {
		return supervision.cards(viewer, department, from, to);
	}

	@Override
	public org.miaopi.core.supervision.Sample recordSample(Officer viewer, org.miaopi.core.supervision.Sample sample) {
		return supervision.recordSample(viewer, sample);
	}

	@Override
	public List<org.miaopi.core.supervision.Sample> samples(Officer viewer) {
		return supervision.samples(viewer);
	}

	@Override
	public org.miaopi.core.supervision.Review review(Officer viewer, long sampleId, String dossierNo,
			org.miaopi.core.supervision.ReviewOutcome outcome, String note) {
		return supervision.review(viewer, sampleId, dossierNo, outcome, note);
	}

	@Override
	public List<org.miaopi.core.supervision.Review> reviews(Officer viewer, long sampleId) {
		return supervision.reviews(viewer, sampleId);
	}

	@Override
	public void recordAction(Officer viewer, String type, Map<String, String> details) {
		supervision.recordAction(viewer, type, details);
	}

	// ---------------------------------------------------------------- users, sign-in, demo mode (Accounts, Sessions)

	/** The users as an admin manages them. */
	public org.miaopi.core.service.UserAccounts accounts() {
		return accounts;
	}

	/** Sign-in with the account's lock rules, in the audit ledger. */
	public org.miaopi.core.service.SignInService sessions() {
		return sessions;
	}

	/** Whether passwordless sign-in for automated runs is allowed: the DESK_SETTING row DEMO_MODE (V15.sql). */
	public boolean demoMode() {
		try (Connection c = connect(); java.sql.PreparedStatement ps = c.prepareStatement("SELECT VAL FROM DESK_SETTING WHERE NAME = 'DEMO_MODE'");
				java.sql.ResultSet r = ps.executeQuery()) {
			return r.next() && "on".equals(r.getString(1));
		} catch (SQLException e) {
			throw StoreErrors.map(e, dir, "reading the desk's settings");
		}
	}

	/** Sets demo mode, with an audit event when it changes. */
	public void setDemoMode(boolean on) {
		if (demoMode() == on) {
			return;
		}
		appendToLedger("setting demo mode " + (on ? "on" : "off"), (em, head) -> {
			Connection c = em.unwrap(Connection.class);
			try {
				Accounts.update(c, "DELETE FROM DESK_SETTING WHERE NAME = 'DEMO_MODE'");
				Accounts.update(c, "INSERT INTO DESK_SETTING (NAME, VAL) VALUES ('DEMO_MODE', ?)", on ? "on" : "off");
			} catch (SQLException e) {
				throw new IllegalStateException("cannot store the demo mode: " + e.getMessage(), e);
			}
			AuditEvent event = org.miaopi.core.audit.AuditChain.next(head, clock.instant(), Officer.SYSTEM_ID, null, DEMO_MODE_EVENT,
					Map.of("mode", on ? "on" : "off", "by", System.getProperty("user.name", "?")));
			em.persist(org.miaopi.store.jpa.Rows.row(event));
			return event;
		});
	}

	/** An admin action done outside the store (see {@link org.miaopi.core.service.AdminLedger}), as one audit event. */
	public void recordAdminAction(Officer admin, String type, Map<String, String> details) {
		if (admin == null || !admin.hasRole(org.miaopi.core.model.Role.SYSTEM)) {
			Accounts.requireAdmin(admin, "record admin actions");
		}
		if (!org.miaopi.core.service.AdminLedger.takes(type)) {
			throw new IllegalArgumentException("not an admin event type: " + type);
		}
		appendToLedger("recording " + type, (em, head) -> {
			AuditEvent event = org.miaopi.core.audit.AuditChain.next(head, clock.instant(), admin.id(), null, type, new java.util.LinkedHashMap<>(details));
			em.persist(org.miaopi.store.jpa.Rows.row(event));
			return event;
		});
	}

	/** The audit event of a change of demo mode. */
	public static final String DEMO_MODE_EVENT = "desk.demo-mode";


	// ---------------------------------------------------------------- the outbox (DeskOutbox)

	@Override
	public long head() {
		return outbox.head();
	}

	@Override
	public List<org.miaopi.core.sync.OutboxEntry> after(long sequence, int limit) {
		return outbox.after(sequence, limit);
	}

	@Override
	public long waitingAbove(long highWater) {
		return outbox.waitingAbove(highWater);
	}

	@Override
	public void acknowledge(long highWater) {
		outbox.acknowledge(highWater);
	}

	@Override
	public void keepCheckpoint(org.miaopi.core.sync.LedgerCheckpoint checkpoint) {
		outbox.keepCheckpoint(checkpoint);
	}

	@Override
	public Optional<org.miaopi.core.sync.LedgerCheckpoint> latestCheckpoint() {
		return outbox.latestCheckpoint();
	}

	@Override
	public void recordRefusal(org.miaopi.core.sync.PushRefusal refusal) {
		outbox.recordRefusal(refusal);
	}

	@Override
	public List<org.miaopi.core.sync.PushRefusal> refusals() {
		return outbox.refusals();
	}

	@Override
	public long prune(long retentionMillis, long nowMillis) {
		return outbox.prune(retentionMillis, nowMillis);
	}

	@Override
	public long prunedTo() {
		return outbox.prunedTo();
	}

	@Override
	public void documentPending(org.miaopi.core.sync.PendingDocument document) {
		outbox.documentPending(document);
	}

	@Override
	public void documentDelivered(String sha256) {
		outbox.documentDelivered(sha256);
	}

	@Override
	public List<org.miaopi.core.sync.PendingDocument> pendingDocuments() {
		return outbox.pendingDocuments();
	}

	@Override
	public List<org.miaopi.core.sync.HubMatterVersions.Entry> hubMatterVersions() {
		return hubMatters.all();
	}

	@Override
	public void keepHubMatterVersions(java.util.Collection<org.miaopi.core.sync.HubMatterVersions.Entry> changes) {
		hubMatters.keep(changes);
	}

	// ---------------------------------------------------------------- admin and bulk loading

	@Override
	public StoreInfo info() {
		return loading.info();
	}

	@Override
	public StoreInfo.Schema schema() {
		return loading.schema();
	}

	public long sizeOnDisk() {
		return loading.sizeOnDisk();
	}

	@Override
	public void putDepartments(List<Department> departments) {
		loading.putDepartments(departments);
	}

	@Override
	public void putOfficers(List<Officer> officers, Map<String, String> passwordHashes) {
		loading.putOfficers(officers, passwordHashes);
	}

	/** The stored password hash of an officer, for sign-in; empty if none. */
	public Optional<String> passwordHash(String officerId) {
		return loading.passwordHash(officerId);
	}

	public List<Officer> officers() {
		return loading.officers();
	}

	public List<Department> departments() {
		return loading.departments();
	}

	@Override
	public Sha256 putContent(byte[] content, String mimeType) {
		return loading.putContent(content, mimeType);
	}

	@Override
	public List<Sha256> putContents(List<byte[]> contents, String mimeType) {
		return loading.putContents(contents, mimeType);
	}

	@Override
	public void putSharedRecords(List<SharedRecord> records) {
		loading.putSharedRecords(records);
	}

	@Override
	public void putComparisons(String dossierNo, List<ComparisonResult> results) {
		loading.putComparisons(dossierNo, results);
		unledgered.incrementAndGet();
	}

	@Override
	public void putComparisons(Map<String, List<ComparisonResult>> byDossier) {
		loading.putComparisons(byDossier);
		unledgered.incrementAndGet();
	}

	@Override
	public void putCertificates(List<CertificateRecord> certificates) {
		loading.putCertificates(certificates);
	}

	@Override
	public void putThemeApplications(List<org.miaopi.core.model.ThemeApplication> themes, String actor) {
		loading.putThemeApplications(themes, actor);
	}

	@Override
	public void putDossiers(List<Dossier> dossiers, String actor) {
		loading.putDossiers(dossiers, actor);
	}

	@Override
	public void putDecisions(List<Decision> decisions, String actor) {
		loading.putDecisions(decisions, actor);
	}

	// ---------------------------------------------------------------- pulled from the hub

	@Override
	public long cursor(String feed) {
		return pulls.cursor(feed);
	}

	@Override
	public org.miaopi.core.sync.PageTaken takeIn(String feed, long next, org.miaopi.core.sync.PulledPage page, String actor) {
		return pulls.takeIn(feed, next, page, actor);
	}

	@Override
	public java.util.Set<Sha256> lacking(java.util.Collection<Sha256> hashes) {
		return pulls.lacking(hashes);
	}

	@Override
	public void clear() {
		ledger.reset(loading::emptyTables);
	}

	/** After a bulk write that went around the ledger's writer (the bench's): its head is read afresh. */
	void forgetLedgerHead() {
		ledger.reset(() -> {
		});
	}

	/**
	 * A bulk write that appends audit events: {@code work} gets the ledger's head and returns the
	 * new one. The cached head moves only when the transaction committed.
	 */
	void appendToLedger(String doing, java.util.function.BiFunction<EntityManager, AuditEvent, AuditEvent> work) {
		ledger.append(doing, work);
	}

	EntityManager entityManager() {
		return emf.createEntityManager();
	}

	// ---------------------------------------------------------------- plumbing

	<T> T read(java.util.function.Function<EntityManager, T> work) {
		EntityManager em = emf.createEntityManager();
		try {
			return work.apply(em);
		} catch (AccessDeniedException | StoreException e) {
			throw e;
		} catch (RuntimeException e) {
			throw StoreErrors.map(e, dir, "reading");
		} finally {
			em.close();
		}
	}

	void write(java.util.function.Consumer<EntityManager> work, String doing) {
		EntityManager em = emf.createEntityManager();
		try {
			em.getTransaction().begin();
			work.accept(em);
			em.getTransaction().commit();
		} catch (StoreException | AccessDeniedException | IllegalTransitionException | IllegalArgumentException e) {
			throw e; // refused before anything was written: rolled back below, reported as it is
		} catch (RuntimeException e) {
			throw StoreErrors.map(e, dir, doing);
		} finally {
			rollbackQuietly(em);
		}
	}

	/**
	 * Ends a transaction that did not commit. When the database itself failed (disk full) the
	 * rollback can fail too; that must not hide the first error, and Derby undoes the
	 * uncommitted work from its log anyway.
	 */
	static void rollbackQuietly(EntityManager em) {
		try {
			if (em.getTransaction().isActive()) {
				em.getTransaction().rollback();
			}
		} catch (RuntimeException secondary) {
			// the original failure is already on its way to the caller
		} finally {
			try {
				em.close();
			} catch (RuntimeException ignored) {
				// as above
			}
		}
	}
}
