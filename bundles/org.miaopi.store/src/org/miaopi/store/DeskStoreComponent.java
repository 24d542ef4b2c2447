package org.miaopi.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.miaopi.core.MiaopiHome;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.matter.ThemeOutcome;
import org.miaopi.core.service.AdminLedger;
import org.miaopi.core.service.CertificateLog;
import org.miaopi.core.service.SharedSourceService;
import org.miaopi.core.service.SourceState;
import org.miaopi.core.service.ThemeService;
import org.miaopi.core.service.ThemeState;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.IntakeService;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.SettleResult;
import org.miaopi.core.service.SignInResult;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.UserAccount;
import org.miaopi.core.service.UserAccounts;
import org.miaopi.core.service.Settlement;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.service.StoreInfo;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CaseQuery;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.DecisionRecord;
import org.miaopi.core.supervision.Review;
import org.miaopi.core.supervision.ReviewOutcome;
import org.miaopi.core.supervision.Sample;
import org.miaopi.core.supervision.SupervisionRecords;
import org.miaopi.core.sync.PageTaken;
import org.miaopi.core.sync.PullCache;
import org.miaopi.core.sync.PulledPage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The desk's own store in {@code <MiaopiHome>/store}, as services. It opens on first use, not
 * at activation, so that merely starting a bundle never takes Derby's lock.
 */
@Component(service = { DossierService.class, StoreAdmin.class, IntakeService.class, CertificateLog.class, ThemeService.class,
		SharedSourceService.class, SignInService.class, SupervisionRecords.class,
		PullCache.class, UserAccounts.class, AdminLedger.class, org.miaopi.core.sync.Outbox.class,
		org.miaopi.core.sync.HubMatterVersions.class })
public class DeskStoreComponent implements DossierService, StoreAdmin, IntakeService, CertificateLog, ThemeService,
		SharedSourceService, SignInService, SupervisionRecords, PullCache, UserAccounts,
		AdminLedger, org.miaopi.core.sync.Outbox, org.miaopi.core.sync.HubMatterVersions {

	private DeskStore store;

	/** The matter plugins' registry: decisions are checked against their matter's reason codes. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile MatterRegistry matters;

	/**
	 * Who asks for the store's password when it is locked and no setting gives it: the
	 * workbench's dialog, or the console of a command run by hand.
	 */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile org.miaopi.core.service.SecretPrompt prompt;

	/** The desk's store directory: {@code <MiaopiHome>/store}. */
	public static Path deskStoreDir() {
		try {
			return MiaopiHome.current().ensureExists().resolve("store");
		} catch (IOException e) {
			throw new UncheckedIOException("cannot create the Miaopi home " + MiaopiHome.current(), e);
		}
	}

	synchronized DeskStore store() {
		if (store == null) {
			store = DeskStore.openDesk(deskStoreDir(), prompt);
			store.matters = code -> {
				MatterRegistry r = matters;
				return r == null ? Optional.empty() : r.find(code);
			};
		}
		return store;
	}

	@Deactivate
	synchronized void deactivate() {
		if (store != null) {
			store.close();
			store = null;
		}
	}

	@Override
	public Optional<Dossier> find(Officer viewer, String dossierNo) {
		return store().find(viewer, dossierNo);
	}

	@Override
	public QueuePage queue(Officer viewer, QueueQuery query) {
		return store().queue(viewer, query);
	}

	@Override
	public Dossier transition(Officer actor, TransitionRequest request, org.miaopi.core.audit.DecisionSigner signer) {
		return store().transition(actor, request, signer);
	}

	@Override
	public List<org.miaopi.core.audit.SignedDecision> signedDecisions(Officer viewer, String dossierNo) {
		return store().signedDecisions(viewer, dossierNo);
	}

	@Override
	public List<Dossier> themeMembers(Officer viewer, String themeNo) {
		return store().themeMembers(viewer, themeNo);
	}

	@Override
	public List<AuditEvent> history(Officer viewer, String dossierNo) {
		return store().history(viewer, dossierNo);
	}

	@Override
	public List<Decision> decisions(Officer viewer, String dossierNo) {
		return store().decisions(viewer, dossierNo);
	}

	@Override
	public List<ComparisonResult> comparisons(Officer viewer, String dossierNo) {
		return store().comparisons(viewer, dossierNo);
	}

	@Override
	public java.util.Map<String, Long> attentionCounts(Officer viewer, java.util.Collection<String> dossierNos) {
		return store().attentionCounts(viewer, dossierNos);
	}

	@Override
	public List<CertificateRecord> certificates(Officer viewer, String dossierNo) {
		return store().certificates(viewer, dossierNo);
	}

	@Override
	public List<SharedRecord> sharedRecords(Officer viewer, String subjectId, SharedSource source) {
		return store().sharedRecords(viewer, subjectId, source);
	}

	@Override
	public byte[] content(Officer viewer, String dossierNo, Sha256 hash) {
		return store().content(viewer, dossierNo, hash);
	}

	@Override
	public Dossier claim(Officer officer, String dossierNo) {
		return store().claim(officer, dossierNo);
	}

	@Override
	public Dossier handBack(Officer officer, String dossierNo) {
		return store().handBack(officer, dossierNo);
	}

	@Override
	public Dossier reassign(Officer supervisor, String dossierNo, String officerId) {
		return store().reassign(supervisor, dossierNo, officerId);
	}

	@Override
	public StoreInfo info() {
		return store().info();
	}

	@Override
	public StoreInfo.Schema schema() {
		return store().schema();
	}

	@Override
	public void clear() {
		store().clear();
	}

	@Override
	public void putDepartments(List<Department> departments) {
		store().putDepartments(departments);
	}

	@Override
	public void putOfficers(List<Officer> officers, Map<String, String> passwordHashes) {
		store().putOfficers(officers, passwordHashes);
	}

	@Override
	public Sha256 putContent(byte[] content, String mimeType) {
		return store().putContent(content, mimeType);
	}

	@Override
	public List<Sha256> putContents(List<byte[]> contents, String mimeType) {
		return store().putContents(contents, mimeType);
	}

	@Override
	public void putSharedRecords(List<SharedRecord> records) {
		store().putSharedRecords(records);
	}

	@Override
	public void putComparisons(String dossierNo, List<ComparisonResult> results) {
		store().putComparisons(dossierNo, results);
	}

	@Override
	public void putComparisons(java.util.Map<String, List<ComparisonResult>> byDossier) {
		store().putComparisons(byDossier);
	}

	@Override
	public void putCertificates(List<CertificateRecord> certificates) {
		store().putCertificates(certificates);
	}

	@Override
	public void putThemeApplications(List<org.miaopi.core.model.ThemeApplication> themes, String actor) {
		store().putThemeApplications(themes, actor);
	}

	@Override
	public void putDossiers(List<Dossier> dossiers, String actor) {
		store().putDossiers(dossiers, actor);
	}

	@Override
	public void putDecisions(List<Decision> decisions, String actor) {
		store().putDecisions(decisions, actor);
	}

	@Override
	public List<Dossier> received(Officer actor, int limit, String afterNumber) {
		return store().received(actor, limit, afterNumber);
	}

	@Override
	public Map<String, List<SharedRecord>> sharedRecords(Officer actor, Collection<String> subjectIds) {
		return store().sharedRecords(actor, subjectIds);
	}

	@Override
	public List<SettleResult> settle(Officer actor, List<Settlement> settlements) {
		return store().settle(actor, settlements);
	}

	@Override
	public void issued(Officer actor, CertificateRecord record) {
		store().issued(actor, record);
	}

	@Override
	public void revoked(Officer actor, String certificateNumber, String reason) {
		store().revoked(actor, certificateNumber, reason);
	}

	@Override
	public Optional<CertificateRecord> certificate(String number) {
		synchronized (this) {
			// verifying a file never creates a store: a desk without one has no record of any certificate
			if (store == null && !java.nio.file.Files.isDirectory(MiaopiHome.current().resolve("store").resolve(DeskStore.DATABASE_DIR))) {
				return Optional.empty();
			}
		}
		return store().certificate(number);
	}

	@Override
	public Optional<ThemeOutcome> themeOutcome(String themeNo) {
		return store().themeOutcome(themeNo);
	}

	@Override
	public Optional<ThemeState> theme(String themeNo) {
		return store().theme(themeNo);
	}

	@Override
	public List<Dossier> waitingForTheme(Officer viewer, int limit) {
		return store().waitingForTheme(viewer, limit);
	}

	@Override
	public Map<String, List<Dossier>> readyForIssuance(Officer actor, int limit) {
		return store().readyForIssuance(actor, limit);
	}

	@Override
	public List<Dossier> approvedWithoutOfficer(Officer actor, int limit) {
		return store().approvedWithoutOfficer(actor, limit);
	}

	@Override
	public List<SourceState> sources() {
		return store().sources();
	}

	@Override
	public Set<SharedSource> unavailableSources() {
		return store().unavailableSources();
	}

	@Override
	public boolean setAvailable(Officer actor, SharedSource source, boolean available, String note) {
		return store().setAvailable(actor, source, available, note);
	}

	@Override
	public List<Officer> officers() {
		return store().officers();
	}

	@Override
	public List<Department> departments() {
		return store().departments();
	}

	@Override
	public Optional<String> passwordHash(String officerId) {
		return store().passwordHash(officerId);
	}

	@Override
	public org.miaopi.core.audit.Verification verifyLedger(java.util.function.LongConsumer progress) {
		return store().verifyLedger(progress);
	}

	@Override
	public org.miaopi.core.audit.Verification verifyLedger(org.miaopi.core.audit.SignatureVerifier signatures,
			java.util.function.LongConsumer progress) {
		return store().verifyLedger(signatures, progress);
	}

	@Override
	public List<AuditEvent> ledger() {
		return store().ledger();
	}

	// ---------------------------------------------------------------- sign-in, in the audit ledger

	@Override
	public SignInResult attempt(String officerId, char[] password) {
		return store().sessions().attempt(officerId, password);
	}

	@Override
	public SignInResult changePassword(String officerId, char[] oneTimePassword, char[] newPassword) {
		return store().sessions().changePassword(officerId, oneTimePassword, newPassword);
	}

	@Override
	public Optional<Officer> signInOnDemoStore(String officerId) {
		return store().sessions().signInOnDemoStore(officerId);
	}

	@Override
	public void signOut(Officer officer) {
		store().sessions().signOut(officer);
	}

	@Override
	public boolean demoMode() {
		return store().demoMode();
	}

	@Override
	public void setDemoMode(boolean on) {
		store().setDemoMode(on);
	}

	// ---------------------------------------------------------------- users (admin)

	@Override
	public List<UserAccount> accounts(Officer admin) {
		return store().accounts().accounts(admin);
	}

	@Override
	public void create(Officer admin, Officer user, char[] oneTimePassword) {
		store().accounts().create(admin, user, oneTimePassword);
	}

	@Override
	public boolean change(Officer admin, String userId, String departmentCode, Set<Role> roles) {
		return store().accounts().change(admin, userId, departmentCode, roles);
	}

	@Override
	public boolean lock(Officer admin, String userId, String reason) {
		return store().accounts().lock(admin, userId, reason);
	}

	@Override
	public boolean unlock(Officer admin, String userId) {
		return store().accounts().unlock(admin, userId);
	}

	@Override
	public void resetPassword(Officer admin, String userId, char[] oneTimePassword) {
		store().accounts().resetPassword(admin, userId, oneTimePassword);
	}

	@Override
	public void record(Officer admin, String type, Map<String, String> details) {
		store().recordAdminAction(admin, type, details);
	}

	// ---------------------------------------------------------------- supervision

	@Override
	public List<CaseRecord> cases(Officer viewer, CaseQuery query) {
		return store().cases(viewer, query);
	}

	// without these two the workbench's supervision service kept nothing (the interface's defaults: "cannot
	// tell what changed"), and every opening of the dashboard read and computed every case again
	@Override
	public org.miaopi.core.supervision.SupervisionRecords.Changes changesSince(long since) {
		return store().changesSince(since);
	}

	@Override
	public List<CaseRecord> cases(Officer viewer, String department, java.util.Collection<String> numbers) {
		return store().cases(viewer, department, numbers);
	}

	@Override
	public List<DecisionRecord> decisions(Officer viewer, String department, java.time.LocalDate from,
			java.time.LocalDate to) {
		return store().decisions(viewer, department, from, to);
	}

	@Override
	public List<DecisionRecord> searchDecisions(Officer viewer, org.miaopi.core.supervision.DecisionQuery query) {
		return store().searchDecisions(viewer, query);
	}

	@Override
	public List<Card> recordCards(Officer viewer, List<Card> cards) {
		return store().recordCards(viewer, cards);
	}

	@Override
	public List<Card> cards(Officer viewer, String department, java.time.LocalDate from, java.time.LocalDate to) {
		return store().cards(viewer, department, from, to);
	}

	@Override
	public Sample recordSample(Officer viewer, Sample sample) {
		return store().recordSample(viewer, sample);
	}

	@Override
	public List<Sample> samples(Officer viewer) {
		return store().samples(viewer);
	}

	@Override
	public Review review(Officer viewer, long sampleId, String dossierNo, ReviewOutcome outcome, String note) {
		return store().review(viewer, sampleId, dossierNo, outcome, note);
	}

	@Override
	public List<Review> reviews(Officer viewer, long sampleId) {
		return store().reviews(viewer, sampleId);
	}

	@Override
	public void recordAction(Officer viewer, String type, Map<String, String> details) {
		store().recordAction(viewer, type, details);
	}

	@Override
	public long cursor(String feed) {
		return store().cursor(feed);
	}

	@Override
	public PageTaken takeIn(String feed, long next, PulledPage page, String actor) {
		return store().takeIn(feed, next, page, actor);
	}

	@Override
	public Set<Sha256> lacking(Collection<Sha256> hashes) {
		return store().lacking(hashes);
	}

	// the outbox (docs/hub.md "Sync protocol"): the sync client reads and acknowledges it

	@Override
	public long head() {
		return store().head();
	}

	@Override
	public List<org.miaopi.core.sync.OutboxEntry> after(long sequence, int limit) {
		return store().after(sequence, limit);
	}

	@Override
	public long waitingAbove(long highWater) {
		return store().waitingAbove(highWater);
	}

	@Override
	public void acknowledge(long highWater) {
		store().acknowledge(highWater);
	}

	@Override
	public void keepCheckpoint(org.miaopi.core.sync.LedgerCheckpoint checkpoint) {
		store().keepCheckpoint(checkpoint);
	}

	@Override
	public Optional<org.miaopi.core.sync.LedgerCheckpoint> latestCheckpoint() {
		return store().latestCheckpoint();
	}

	@Override
	public void recordRefusal(org.miaopi.core.sync.PushRefusal refusal) {
		store().recordRefusal(refusal);
	}

	@Override
	public List<org.miaopi.core.sync.PushRefusal> refusals() {
		return store().refusals();
	}

	@Override
	public long prune(long retentionMillis, long nowMillis) {
		return store().prune(retentionMillis, nowMillis);
	}

	@Override
	public long prunedTo() {
		return store().prunedTo();
	}

	@Override
	public void documentPending(org.miaopi.core.sync.PendingDocument document) {
		store().documentPending(document);
	}

	@Override
	public void documentDelivered(String sha256) {
		store().documentDelivered(sha256);
	}

	@Override
	public List<org.miaopi.core.sync.PendingDocument> pendingDocuments() {
		return store().pendingDocuments();
	}

	@Override
	public List<org.miaopi.core.sync.HubMatterVersions.Entry> hubMatterVersions() {
		return store().hubMatterVersions();
	}

	@Override
	public void keepHubMatterVersions(java.util.Collection<org.miaopi.core.sync.HubMatterVersions.Entry> changes) {
		store().keepHubMatterVersions(changes);
	}
}
