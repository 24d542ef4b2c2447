package org.miaopi.certificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.CertificateLog;

/**
 * Issuing the certificate of an approved dossier: the checks that must hold before a number is
 * used, the issuance itself, then the desk's store (row, dossier APPROVED → CERTIFICATE_ISSUED,
 * audit event) and a verification of the written file. If the store refuses, the file is deleted
 * and the number is voided in the file register, so the two registers never disagree on an
 * issued certificate.
 */
final class DossierIssuance {

	/** How long a certificate issued for a dossier is valid: five years, the usual term of a licence. */
	static final int VALID_YEARS = 5;
	private static final int STEPS = 4;

	private DossierIssuance() {
	}

	static DossierCertificate issue(DefaultCertificateService service, CertificateLog log, Clock clock, Officer actor, Dossier dossier,
			String matterZh, String matterEn, Path directory, Progress progress) {
		progress.step(1, STEPS, "checking dossier " + dossier.number(), "核对办件 " + dossier.number()); //$NON-NLS-1$ //$NON-NLS-2$
		CertificateRequest request = check(log, clock, actor, dossier, matterZh, matterEn);
		service.reconcileOnce();
		long stamp = service.inFlight.readLock();
		try {
			progress.step(2, STEPS, "laying out and sealing the certificate", "生成并加盖电子印章"); //$NON-NLS-1$ //$NON-NLS-2$
			IssuedCertificate issued = service.issue(request, directory, dossier.number());
			return record(service, log, clock, actor, dossier, request, issued, progress);
		} finally {
			service.inFlight.unlockRead(stamp);
		}
	}

	/** What must hold before a number is used; returns the certificate's request. */
	static CertificateRequest check(CertificateLog log, Clock clock, Officer actor, Dossier dossier, String matterZh, String matterEn) {
		if (dossier.status() != DossierStatus.APPROVED) {
			throw new CertificateException(CertificateException.Code.NOT_APPROVED, "dossier " + dossier.number() + " is " //$NON-NLS-1$ //$NON-NLS-2$
					+ dossier.status() + ", not APPROVED: no certificate can be issued for it"); //$NON-NLS-1$
		}
		if (dossier.isPartOfTheme() && log != null) {
			// a theme's certificates are issued together once every member is approved (一次出件)
			var outcome = log.themeOutcome(dossier.themeDossierNo());
			if (outcome.isPresent() && outcome.get() != org.miaopi.core.matter.ThemeOutcome.APPROVED) {
				throw new CertificateException(CertificateException.Code.NOT_APPROVED, "dossier " + dossier.number() //$NON-NLS-1$
						+ " belongs to theme " + dossier.themeDossierNo() + ", which is " + outcome.get() //$NON-NLS-1$ //$NON-NLS-2$
						+ ": its certificates are issued together once every member is approved"); //$NON-NLS-1$
			}
		}
		boolean system = actor.hasRole(Role.SYSTEM);
		if (!system && !(actor.hasRole(Role.OFFICER) && actor.departmentCode().equals(dossier.departmentCode()))) {
			throw new CertificateException(CertificateException.Code.NOT_ALLOWED, actor.id() + " may not issue certificates of department " //$NON-NLS-1$
					+ dossier.departmentCode() + " (only its officers may)"); //$NON-NLS-1$
		}
		LocalDate today = ChinaTime.today(clock);
		return new CertificateRequest(dossier.applicant().name(), dossier.applicant().subjectId(), matterZh, matterEn,
				dossier.departmentCode(), today, today.plusYears(VALID_YEARS).minusDays(1), today);
	}

	/** After the file is durable: the desk's store (withdrawing the certificate if it refuses), then a verification of the file. */
	static DossierCertificate record(DefaultCertificateService service, CertificateLog log, Clock clock, Officer actor, Dossier dossier,
			CertificateRequest request, IssuedCertificate issued, Progress progress) {
		String number = issued.content().number();
		progress.step(3, STEPS, "recording certificate " + number, "登记证照 " + number); //$NON-NLS-1$ //$NON-NLS-2$
		if (log != null) {
			CertificateRecord record = new CertificateRecord(number, dossier.number(), dossier.applicant(), dossier.matterCode(),
					clock.instant(), request.validFrom(), request.validUntil(), dossier.departmentCode(), Sha256.parse(issued.sha256()), false,
					null);
			try {
				log.issued(actor, record);
			} catch (RuntimeException e) {
				withdraw(service, issued.file(), number, dossier.number(), e);
				throw new CertificateException(CertificateException.Code.REGISTRY_FAILED, "certificate " + number //$NON-NLS-1$
						+ " was not issued (the number is void): the desk's store refused it: " + e.getMessage(), e); //$NON-NLS-1$
			}
		}

		progress.step(4, STEPS, "verifying " + issued.file().getFileName(), "核验 " + issued.file().getFileName()); //$NON-NLS-1$ //$NON-NLS-2$
		return new DossierCertificate(issued.file(), number, issued.sha256(), service.verify(issued.file()));
	}

	private static void withdraw(DefaultCertificateService service, Path file, String number, String dossierNo, RuntimeException why) {
		try {
			Files.deleteIfExists(file);
		} catch (IOException e) {
			why.addSuppressed(e);
		}
		try {
			// the note names the dossier: should the store have committed after all, reconciliation revokes it there
			service.registry().recordVoid(number, FileCertificateRegistry.DOSSIER_NOTE + dossierNo + "; the desk's store refused: " + why.getMessage()); //$NON-NLS-1$
		} catch (RuntimeException e) {
			why.addSuppressed(e);
		}
	}
}
