package org.miaopi.decision.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.swt.graphics.ImageData;
import org.miaopi.certificate.CertificateService;
import org.miaopi.certificate.DossierCertificate;
import org.miaopi.certificate.Progress;
import org.miaopi.certificate.Verdict;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.dossier.ui.PdfPages;
import org.miaopi.ui.api.MatterCatalog;

/**
 * After an approval: the certificate service issues, seals and records the certificate (the store
 * moves the dossier to CERTIFICATE_ISSUED with its audit event) and verifies the file; here only
 * the first page is drawn. Reopening a dossier shows the certificate it has the same way.
 * Runs in a background job; each step reports progress.
 */
public final class CertificateIssuance {

	/** What came out: the certificate's number, file and hash, the dossier as it now is, the verdict and first page. */
	public record Result(String number, Path file, String sha256, Dossier dossier, Verdict verdict, ImageData page) {
	}

	private static final float PREVIEW_DPI = 40f;

	private CertificateIssuance() {
	}

	/** Where the workbench keeps the sealed certificates it issued. */
	public static Path directory() {
		return MiaopiHome.current().resolve("certificates"); //$NON-NLS-1$
	}

	public static Result issue(CertificateService certificates, DossierService dossiers, MatterCatalog matters, Officer officer,
			Dossier approved, IProgressMonitor monitor) {
		SubMonitor sub = SubMonitor.convert(monitor, Messages.Issue_task, 5);
		boolean zh = Locale.getDefault().getLanguage().equals(Locale.CHINESE.getLanguage());
		Progress progress = (step, of, en, zhText) -> {
			sub.setWorkRemaining(of - step + 2);
			sub.subTask(zh ? zhText : en);
			sub.worked(1);
		};
		DossierCertificate issued = certificates.issue(officer, approved, matters.nameZh(approved.matterCode()),
				matters.nameEn(approved.matterCode()), directory(), progress);
		// the store moved the dossier when it recorded the certificate: read it back as it now is
		Dossier now = dossiers.find(officer, approved.number()).orElse(approved);
		ImageData page = firstPage(issued.file());
		sub.done();
		return new Result(issued.number(), issued.file(), issued.sha256(), now, issued.verdict(), page);
	}

	/** The dossier's latest certificate as recorded in the store, verified again, or empty when it has none. */
	public static Optional<Result> existing(CertificateService certificates, DossierService dossiers, Officer viewer, Dossier dossier) {
		Optional<CertificateRecord> latest = dossiers.certificates(viewer, dossier.number()).stream()
				.max(Comparator.comparing(CertificateRecord::issuedAt));
		return latest.map(c -> {
			Path file = directory().resolve(c.number() + ".pdf"); //$NON-NLS-1$
			return new Result(c.number(), file, c.documentSha256().hex(), dossier, certificates.verify(file), firstPage(file));
		});
	}

	private static ImageData firstPage(Path file) {
		try {
			return PdfPages.render(Files.readAllBytes(file), 0, PREVIEW_DPI).image();
		} catch (IOException | RuntimeException e) {
			return null; // the preview is a courtesy; the verdict is what counts
		}
	}
}
