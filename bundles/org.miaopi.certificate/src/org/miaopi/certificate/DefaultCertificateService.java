package org.miaopi.certificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.miaopi.certificate.internal.CertificateLayout;
import org.miaopi.certificate.internal.CertificateVerifier;
import org.miaopi.certificate.internal.Digests;
import org.miaopi.certificate.internal.InProcessTsaClient;
import org.miaopi.certificate.internal.PdfSealer;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.CertificateLog;
import org.miaopi.seal.Seal;
import org.miaopi.seal.SealService;
import org.miaopi.seal.TimestampEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.itextpdf.signatures.ITSAClient;

/**
 * Issuance: allocate a number, lay out, seal with timestamp and embedded CRL ({@link #seal}), then
 * write to a temporary file, fsync, rename atomically and record the file's digest in the register
 * ({@link DurableWrite}), one at a time or a batch's groups ({@link PipelinedBatch}). Any failure
 * deletes the temporary file and marks the number void, so it is never handed out again.
 */
@Component(service = { CertificateService.class, org.miaopi.core.service.ReportSealer.class })
public class DefaultCertificateService implements CertificateService, org.miaopi.core.service.ReportSealer {

	@Reference
	private SealService seals;
	@Reference
	private CertificateRegistry registry;
	/**
	 * The desk's store, when the product has one (the CLI's demo and the bench run without): the
	 * file register stays the allocator of numbers and the record of every number's fate; the
	 * store gets each certificate issued for a dossier, with the dossier's move and the audit event.
	 */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	private volatile CertificateLog log;
	/** The Miaopi CA's CRL the desk pulled from the hub, asked when a seal of that CA is verified. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	private volatile org.miaopi.core.audit.CaRevocations caRevocations;
	/**
	 * The desk's loopback HTTP timestamp authority (started by DS when this service binds it):
	 * issuance in the product asks it over HTTP; without it (tests, the bench) the in-process one.
	 */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	private volatile TimestampEndpoint timestampEndpoint;
	private volatile HttpTsa httpTsa;
	private Clock clock = Clock.systemUTC();
	private ITSAClient timestampClient;
	/**
	 * Issuances for a dossier hold it shared, reconciliation exclusively: it never sees one half done.
	 * Stamped, because a batch's issuance ends on another thread than the one that began it.
	 */
	final java.util.concurrent.locks.StampedLock inFlight = new java.util.concurrent.locks.StampedLock();
	private volatile boolean reconciled;
	/** Test hook: runs after the temporary file is written, before the rename. */
	Runnable beforeRename = () -> {
	};

	public DefaultCertificateService() {
	}

	public DefaultCertificateService(SealService seals, CertificateRegistry registry, Clock clock) {
		this.seals = seals;
		this.registry = registry;
		this.clock = clock;
	}

	@Activate
	void activate() {
		// nothing to open eagerly: the keystore and register open on first use
	}

	/** The desk's store's certificate log, or null for none (outside DS). */
	public void setCertificateLog(CertificateLog log) {
		this.log = log;
	}

	@Override
	public DossierCertificate issue(Officer actor, Dossier dossier, String matterZh, String matterEn, Path directory, Progress progress) {
		return DossierIssuance.issue(this, log, clock, actor, dossier, matterZh, matterEn, directory, progress == null ? Progress.NONE : progress);
	}

	@Override
	public void revoke(Officer actor, String number, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("a revocation needs a reason"); //$NON-NLS-1$
		}
		CertificateRegistry.Entry entry = registry.lookup(number).orElseThrow(() -> new CertificateException(CertificateException.Code.UNKNOWN_NUMBER,
				"no certificate " + number + " in the register")); //$NON-NLS-1$ //$NON-NLS-2$
		if (entry.status() != CertificateRegistry.Status.ISSUED) {
			throw new CertificateException(entry.status() == CertificateRegistry.Status.REVOKED ? CertificateException.Code.ALREADY_REVOKED
					: CertificateException.Code.NOT_ISSUED, "certificate " + number + " is " + entry.status()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		CertificateLog store = log;
		// the store first: it checks the actor; the verifier reads both, so a crash in between still fails the certificate
		if (store != null && store.certificate(number).isPresent()) {
			store.revoked(actor, number, reason);
		}
		registry.recordRevoked(number, reason, actor.id());
	}

	/**
	 * Brings the file register and the desk's store into agreement after a crash between them (see
	 * {@link Reconciliation} for the rules); returns one line per certificate changed. Runs by
	 * itself before this process's first issuance for a dossier, and from {@code ./miaopi certificate reconcile}.
	 */
	@Override
	public java.util.List<String> reconcile() {
		long stamp = inFlight.writeLock();
		try {
			java.util.List<String> done = Reconciliation.run(registry, log);
			reconciled = log != null;
			return done;
		} finally {
			inFlight.unlockWrite(stamp);
		}
	}

	/** Reconciles once per process, before the first issuance for a dossier. */
	void reconcileOnce() {
		if (!reconciled && log != null) {
			try {
				for (String line : reconcile()) {
					System.err.println("miaopi: certificate " + line); //$NON-NLS-1$
				}
			} catch (RuntimeException e) {
				// issuing stays possible; the next process (or ./miaopi certificate reconcile) tries again
				System.err.println("miaopi: certificate reconciliation failed: " + e.getMessage()); //$NON-NLS-1$
				reconciled = true;
			}
		}
	}

	private record HttpTsa(TimestampEndpoint endpoint, ITSAClient client) {
	}

	private ITSAClient timestampClient() {
		if (timestampClient != null) {
			return timestampClient;
		}
		TimestampEndpoint endpoint = timestampEndpoint;
		if (endpoint != null) {
			HttpTsa cached = httpTsa;
			if (cached == null || cached.endpoint() != endpoint) {
				// the desk's endpoint serves this desk's authority: reserve its measured token size and
				// a margin, not the client's 4 KB default (the reserved space is written as hex, twice)
				cached = new HttpTsa(endpoint, new com.itextpdf.signatures.TSAClientBouncyCastle(endpoint.uri().toString(), null, null,
						InProcessTsaClient.tokenSizeEstimate(seals.timestampAuthority(), 1024), "SHA-256")); //$NON-NLS-1$
				httpTsa = cached;
			}
			return cached.client();
		}
		org.miaopi.seal.TimestampAuthority authority = seals.timestampAuthority();
		InProcessTsaClient local = inProcessTsa;
		if (local == null || local.authority() != authority) {
			local = new InProcessTsaClient(authority);
			inProcessTsa = local;
		}
		return local;
	}

	private volatile InProcessTsaClient inProcessTsa;

	/** The desk's loopback timestamp service (outside DS), or null for the in-process authority. */
	public void setTimestampEndpoint(TimestampEndpoint endpoint) {
		this.timestampEndpoint = endpoint;
	}

	/** Use a remote (e.g. loopback HTTP) timestamp authority instead of the in-process one. */
	public void setTimestampClient(ITSAClient client) {
		this.timestampClient = client;
	}

	@Override
	public IssuedCertificate issue(CertificateRequest request, Path directory) {
		return issue(request, directory, null);
	}

	/** @param dossierNo the dossier it is issued for, noted in the register for reconciliation, or null */
	IssuedCertificate issue(CertificateRequest request, Path directory, String dossierNo) {
		return durableWrite().one(seal(request, directory, dossierNo));
	}

	/**
	 * Allocates the number and seals the certificate in memory; a failure after the number was
	 * allocated records it VOID. Refuses an expired or revoked seal before a number is used.
	 */
	Sealed seal(CertificateRequest request, Path directory, String dossierNo) {
		Seal seal = seals.seal(request.departmentCode());
		String number = registry.allocate(seal.departmentCode(), request.issueDate().getYear());
		try {
			CertificateContent content = new CertificateContent(number, request, seal.departmentName());
			ITSAClient tsa = timestampClient();
			// the matter's and department's page, filled with this certificate's layer in the seal's revision
			byte[] sealed = PdfSealer.seal(CertificateLayout.template(content), pdf -> CertificateLayout.fill(pdf, content), seal, tsa, seals.crl(),
					java.util.List.of(seals.timestampAuthority().certificate()), clock.instant(), CertificateLayout.SEAL_RECT);
			String note = dossierNo == null ? "" : Reconciliation.note(dossierNo, Sealed.file(directory, number)); //$NON-NLS-1$
			return new Sealed(seal.departmentCode(), content, sealed, Digests.sha256(sealed), directory, note);
		} catch (Exception e) {
			throw DurableWrite.voided(registry, number, e);
		}
	}

	/**
	 * A report sealed as certificates are (same seal code, timestamp authority, validation data and
	 * archive timestamp), with the department's seal: no number, no register; the report's id is in the file.
	 */
	@Override
	public byte[] seal(String departmentCode, org.miaopi.core.service.ReportSealer.Report report, java.time.Instant at) {
		Seal seal = seals.seal(departmentCode); // refuses a missing, expired or revoked seal in words
		try {
			byte[] pdf = org.miaopi.certificate.internal.ReportLayout.render(report, seal.departmentName());
			return PdfSealer.seal(pdf, null, seal, report.sealUse(), report.title() + " " + report.id(), timestampClient(), seals.crl(),
					java.util.List.of(seals.timestampAuthority().certificate()), at, org.miaopi.certificate.internal.ReportLayout.SEAL_RECT);
		} catch (Exception e) {
			throw new CertificateException(CertificateException.Code.ISSUANCE_FAILED, "the report could not be sealed: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	DurableWrite durableWrite() {
		return new DurableWrite(registry, beforeRename);
	}

	@Override
	public CertificateBatch batch(Path directory) {
		return new PipelinedBatch(this, directory);
	}

	@Override
	public void revoke(String number, String reason, String officerId) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("a revocation needs a reason"); //$NON-NLS-1$
		}
		registry.recordRevoked(number, reason, officerId);
	}

	@Override
	public Verdict verify(Path file) {
		return verify(file, clock.instant());
	}

	@Override
	public Verdict verify(Path file, java.time.Instant at) {
		byte[] bytes;
		try {
			if (Files.size(file) > 64L * 1024 * 1024) {
				return new Verdict(java.util.List.of(new Verdict.Check(CertificateVerifier.FILE, false, "the file is larger than 64 MB; not a Miaopi certificate"))); //$NON-NLS-1$
			}
			bytes = Files.readAllBytes(file);
		} catch (IOException e) {
			return new Verdict(java.util.List.of(new Verdict.Check(CertificateVerifier.FILE, false, "cannot read " + file + ": " + e.getMessage()))); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return verify(bytes, at);
	}

	public Verdict verify(byte[] bytes) {
		return verify(bytes, clock.instant());
	}

	public Verdict verify(byte[] bytes, java.time.Instant at) {
		CertificateLog store = log;
		return new CertificateVerifier(seals, registry, store == null ? number -> java.util.Optional.empty() : store::certificate)
				.withCaRevocations(caRevocations).verify(bytes, at);
	}

	@Override
	public java.util.List<ArchiveRenewal.Outcome> renewArchives(java.util.List<Path> places, java.time.Duration window, boolean dryRun)
			throws IOException {
		ArchiveRenewal renewal = new ArchiveRenewal(this, timestampClient());
		java.util.List<ArchiveRenewal.Outcome> done = new java.util.ArrayList<>();
		for (Path file : ArchiveRenewal.files(places)) {
			done.add(renewal.renew(file, window, dryRun));
		}
		return done;
	}

	CertificateLog log() {
		return log;
	}

	Clock clock() {
		return clock;
	}

	public SealService seals() {
		return seals;
	}

	public CertificateRegistry registry() {
		return registry;
	}
}
