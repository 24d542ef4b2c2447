package org.miaopi.certificate;

import java.nio.file.Path;

import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;

/** Issues, revokes and verifies electronic certificates (电子证照). The UI and the CLI use this. */
public interface CertificateService {

	/**
	 * Allocates a number, lays the certificate out, seals it with the department's seal (PAdES
	 * B-LTA: signature timestamp, then chain and CRL in a later revision and an archive timestamp) and writes it atomically into {@code directory} as
	 * {@code <number>.pdf}. On failure no file is left and the number is recorded as void.
	 */
	IssuedCertificate issue(CertificateRequest request, Path directory);

	/**
	 * Opens a batch for issuing many certificates into {@code directory}. This default issues them
	 * one at a time; the issuance service seals while earlier certificates are written to disk, in
	 * groups sharing their syncs.
	 */
	default CertificateBatch batch(Path directory) {
		return CertificateBatch.oneAtATime(this, directory);
	}

	/** Revokes an issued certificate; the registry records the reason and the officer. */
	void revoke(String number, String reason, String officerId);

	/**
	 * The workbench's entry point: issues the certificate of an APPROVED dossier (holder and
	 * department from the dossier, the matter's names as given, valid five years from today in
	 * Beijing), records it in the desk's store when there is one (dossier → CERTIFICATE_ISSUED,
	 * audit event {@code certificate.issued}) and verifies the written file. Safe to call from any
	 * thread (e.g. an Eclipse Job); takes a few tens of milliseconds.
	 *
	 * @throws CertificateException NOT_APPROVED or NOT_ALLOWED before any number is used;
	 *                              ISSUANCE_FAILED or REGISTRY_FAILED after (the number is then void)
	 */
	DossierCertificate issue(Officer actor, Dossier dossier, String matterZh, String matterEn, Path directory, Progress progress);

	/** Revokes, also in the desk's store when there is one (audit event {@code certificate.revoked}). */
	void revoke(Officer actor, String number, String reason);

	/**
	 * After a crash between the file register and the desk's store: resolves every dossier's
	 * certificate that one records and the other does not (voids an unrecorded one and deletes its
	 * file; revokes in the store one the register voided). One line per certificate changed.
	 */
	java.util.List<String> reconcile();

	/** Verifies any file; never throws for a bad file, the verdict says what is wrong. */
	Verdict verify(Path file);

	/**
	 * Verifies as at {@code at} (e.g. decades ahead) with the validation data and archive
	 * timestamps the file carries: INDETERMINATE, with the reason, when they no longer prove the seal then.
	 */
	default Verdict verify(Path file, java.time.Instant at) {
		throw new UnsupportedOperationException("verification at a given time"); //$NON-NLS-1$
	}

	/**
	 * Renews the archive timestamps of the issued certificates in {@code places} (directories'
	 * {@code *.pdf} files, or files): each whose latest timestamp's authority expires within
	 * {@code window} gets a new document security store and archive timestamp. One outcome per file.
	 */
	default java.util.List<ArchiveRenewal.Outcome> renewArchives(java.util.List<Path> places, java.time.Duration window, boolean dryRun)
			throws java.io.IOException {
		throw new UnsupportedOperationException("archive renewal"); //$NON-NLS-1$
	}
}
