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
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.matter.ThemeOutcome;
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
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.Settlement;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.service.StoreInfo;
import org.miaopi.core.service.TransitionRequest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The desk's own store in {@code <MiaopiHome>/store}, as services. It opens on first use, not
 * at activation, so that merely starting a bundle never takes Derby's lock.
 */
@Component(service = { DossierService.class, StoreAdmin.class, IntakeService.class, CertificateLog.class, ThemeService.class,
		SharedSourceService.class, SignInService.class, org.miaopi.core.sync.Outbox.class })
public class DeskStoreComponent implements DossierService, StoreAdmin, IntakeService, CertificateLog, ThemeService,
		SharedSourceService, SignInService, org.miaopi.core.sync.Outbox {

	/** Written by {@code ./miaopi demo} beside the store it fills: its presence marks a demo store. */
	static final String DEMO_LOGINS = "demo-officers.txt";

	private DeskStore store;

	/** The matter plugins' registry: decisions are checked against their matter's reason codes. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile MatterRegistry matters;

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
			store = DeskStore.openDesk(deskStoreDir());
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

	private Sessions sessions() {
		return new Sessions(store(), () -> java.nio.file.Files.isRegularFile(MiaopiHome.current().resolve(DEMO_LOGINS)));
	}

	@Override
	public Optional<Officer> signIn(String officerId, char[] password) {
		return sessions().signIn(officerId, password);
	}

	@Override
	public Optional<Officer> signInOnDemoStore(String officerId) {
		return sessions().signInOnDemoStore(officerId);
	}

	@Override
	public void signOut(Officer officer) {
		sessions().signOut(officer);
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
}
