package org.miaopi.certificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.CertificateLog;

/**
 * Brings the file register and the desk's store back into agreement after a crash between the two
 * steps of issuing a dossier's certificate (register ISSUED, then the store's commit). Only
 * certificates issued for a dossier are looked at: the register's ISSUED line names the dossier
 * and the file ({@link FileCertificateRegistry#DOSSIER_NOTE}); demo and bench certificates have no
 * dossier and are never in the store.
 * <p>
 * The rules, applied in register order, each deterministic and safe to repeat:
 * <ol>
 * <li>ISSUED in the register, unknown to the store: the crash came before the store's commit, so
 * the dossier is still APPROVED and nobody was told of the certificate. The number is voided in
 * the register and the file deleted; the dossier is issued again under a new number. Recording it
 * in the store instead was rejected: the officer who issued it is not known any more, and a
 * voided number fails verification should a copy of the file exist. Numbers are never reused.</li>
 * <li>VOID in the register but recorded (and not revoked) in the store: the store committed but
 * the issuer saw a failure and voided the number (its file is gone). The store's certificate is
 * revoked by the system with that reason, so both say the certificate is not valid.</li>
 * </ol>
 */
final class Reconciliation {

	static final String VOIDED = "reconciled: the desk's store never recorded it (crash before the store's commit)"; //$NON-NLS-1$
	static final String REVOKED = "reconciled: the certificate was voided at issuance"; //$NON-NLS-1$

	private Reconciliation() {
	}

	/** Returns one line per certificate changed (empty when both agree). */
	static List<String> run(CertificateRegistry registry, CertificateLog store) {
		List<String> done = new ArrayList<>();
		if (store == null) {
			return done;
		}
		for (CertificateRegistry.Entry e : registry.entries()) {
			Optional<String> dossier = dossierOf(e.note());
			if (dossier.isEmpty()) {
				continue;
			}
			Optional<CertificateRecord> recorded = store.certificate(e.number());
			if (e.status() == CertificateRegistry.Status.ISSUED && recorded.isEmpty()) {
				registry.recordVoid(e.number(), FileCertificateRegistry.DOSSIER_NOTE + dossier.get() + "; " + VOIDED); //$NON-NLS-1$
				Optional<Path> file = fileOf(e.note());
				String deleted = ""; //$NON-NLS-1$
				if (file.isPresent()) {
					try {
						deleted = Files.deleteIfExists(file.get()) ? ", file deleted" : ", no file"; //$NON-NLS-1$ //$NON-NLS-2$
					} catch (IOException ex) {
						deleted = ", file not deleted: " + ex.getMessage(); //$NON-NLS-1$
					}
				}
				done.add(e.number() + " (dossier " + dossier.get() + "): not in the store; voided" + deleted //$NON-NLS-1$ //$NON-NLS-2$
						+ "; the dossier stays APPROVED for a new certificate"); //$NON-NLS-1$
			} else if (e.status() == CertificateRegistry.Status.VOID && recorded.isPresent() && !recorded.get().revoked()) {
				store.revoked(Officer.SYSTEM, e.number(), REVOKED);
				done.add(e.number() + " (dossier " + dossier.get() + "): void in the register; revoked in the store"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		return done;
	}

	/** The register note of a dossier's certificate: {@code dossier NO; file PATH}. */
	static String note(String dossierNo, Path file) {
		return FileCertificateRegistry.DOSSIER_NOTE + dossierNo + "; file " + file.toAbsolutePath(); //$NON-NLS-1$
	}

	static Optional<String> dossierOf(String note) {
		if (note == null || !note.startsWith(FileCertificateRegistry.DOSSIER_NOTE)) {
			return Optional.empty();
		}
		String rest = note.substring(FileCertificateRegistry.DOSSIER_NOTE.length());
		int end = rest.indexOf(';');
		return Optional.of((end < 0 ? rest : rest.substring(0, end)).strip()).filter(s -> !s.isEmpty());
	}

	private static Optional<Path> fileOf(String note) {
		int at = note.indexOf("; file "); //$NON-NLS-1$
		return at < 0 ? Optional.empty() : Optional.of(Path.of(note.substring(at + "; file ".length()).strip())); //$NON-NLS-1$
	}
}
