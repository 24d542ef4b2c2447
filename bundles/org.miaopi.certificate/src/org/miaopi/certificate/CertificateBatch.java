package org.miaopi.certificate;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;

/**
 * Issuing many certificates into one directory (the system's runs, the bench), opened by
 * {@link CertificateService#batch(Path)}. A certificate may be finished after its {@code issue}
 * returns (the service's batch seals the next one while earlier ones are written to disk); each
 * keeps the guarantees of a single issuance: complete when its future completes, and on failure
 * no file left and its number VOID. {@link #close()} waits for every certificate issued through
 * the batch; close it after the last {@code issue} has returned.
 */
public interface CertificateBatch extends AutoCloseable {

	/**
	 * @return completes with the issued certificate once it is durable, or with the
	 *         {@link CertificateException} that voided it
	 * @throws CertificateException when sealing fails (the number, if one was used, is VOID) or the
	 *                              seal is expired or revoked (no number used)
	 * @throws IllegalStateException when the batch is closed
	 */
	CompletableFuture<IssuedCertificate> issue(CertificateRequest request);

	/**
	 * The batch form of {@link CertificateService#issue(Officer, Dossier, String, String, Path, Progress)}.
	 *
	 * @throws CertificateException NOT_APPROVED or NOT_ALLOWED before any number is used, or when sealing fails
	 */
	CompletableFuture<DossierCertificate> issue(Officer actor, Dossier dossier, String matterZh, String matterEn);

	/** Waits until every certificate issued through the batch is durable or void, and every dossier's last steps are done. */
	@Override
	void close();

	/** A batch issuing each certificate at once through {@code service}'s single issuance: for services without a batch of their own. */
	static CertificateBatch oneAtATime(CertificateService service, Path directory) {
		return new CertificateBatch() {
			private volatile boolean closed;

			private void requireOpen() {
				if (closed) {
					throw new IllegalStateException("the certificate batch for " + directory + " is closed"); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}

			@Override
			public CompletableFuture<IssuedCertificate> issue(CertificateRequest request) {
				requireOpen();
				return CompletableFuture.completedFuture(service.issue(request, directory));
			}

			@Override
			public CompletableFuture<DossierCertificate> issue(Officer actor, Dossier dossier, String matterZh, String matterEn) {
				requireOpen();
				return CompletableFuture.completedFuture(service.issue(actor, dossier, matterZh, matterEn, directory, Progress.NONE));
			}

			@Override
			public void close() {
				closed = true;
			}
		};
	}
}
