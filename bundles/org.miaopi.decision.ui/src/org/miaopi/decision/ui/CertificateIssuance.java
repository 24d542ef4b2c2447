package org.miaopi.decision.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.swt.graphics.ImageData;
import org.miaopi.certificate.CertificateRequest;
import org.miaopi.certificate.CertificateService;
import org.miaopi.certificate.IssuedCertificate;
import org.miaopi.certificate.Verdict;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.dossier.ui.PdfPages;
import org.miaopi.ui.api.MatterCatalog;

/**
 * After an approval: lay out and seal the certificate (certificate service), enter it in the
 * store's register, move the dossier to CERTIFICATE_ISSUED, and verify the file as anyone would.
 * Runs in a background job; each step reports progress.
 */
public final class CertificateIssuance {

	/** What came out: the certificate, the dossier as it now is, and the verification verdict. */
	public record Result(IssuedCertificate certificate, Dossier dossier, Verdict verdict, ImageData page) {
	}

	/** Certificates are valid for five years unless a matter says otherwise (matter plugins will). */
	private static final int VALID_YEARS = 5;
	private static final float PREVIEW_DPI = 40f;

	private CertificateIssuance() {
	}

	public static Result issue(CertificateService certificates, DossierService dossiers, StoreAdmin register,
			MatterCatalog matters, Officer officer, Dossier approved, IProgressMonitor monitor) {
		SubMonitor sub = SubMonitor.convert(monitor, Messages.Issue_task, 5);
		LocalDate today = ChinaTime.today();
		CertificateRequest request = new CertificateRequest(approved.applicant().name(), approved.applicant().subjectId(),
				matters.nameZh(approved.matterCode()), matters.nameEn(approved.matterCode()), approved.departmentCode(),
				today, today.plusYears(VALID_YEARS).minusDays(1), today);
		sub.subTask(Messages.Issue_sealing);
		Path dir = MiaopiHome.current().resolve("certificates"); //$NON-NLS-1$
		IssuedCertificate issued = certificates.issue(request, dir);
		sub.worked(2);
		sub.subTask(Messages.Issue_registering);
		register.putCertificates(List.of(new CertificateRecord(issued.content().number(), approved.number(),
				approved.applicant(), approved.matterCode(), Instant.now(), request.validFrom(), request.validUntil(),
				approved.departmentCode(), Sha256.parse(issued.sha256()), false, null)));
		Dossier done = dossiers.transition(officer, new TransitionRequest(approved.number(), DossierStatus.CERTIFICATE_ISSUED,
				null, null, Map.of("certificate", issued.content().number()))); //$NON-NLS-1$
		sub.worked(1);
		sub.subTask(Messages.Issue_verifying);
		Verdict verdict = certificates.verify(issued.file());
		sub.worked(1);
		ImageData page = null;
		try {
			page = PdfPages.render(java.nio.file.Files.readAllBytes(issued.file()), 0, PREVIEW_DPI).image();
		} catch (java.io.IOException | RuntimeException e) {
			// the preview is a courtesy; the verdict above is what counts
		}
		sub.worked(1);
		return new Result(issued, done, verdict, page);
	}
}
