package org.miaopi.certificate.internal;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.stream.Collectors;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.SignatureUtil;
import com.itextpdf.signatures.validation.ValidatorChainBuilder;
import com.itextpdf.signatures.validation.context.CertificateSource;
import com.itextpdf.signatures.validation.context.TimeBasedContext;
import com.itextpdf.signatures.validation.context.ValidationContext;
import com.itextpdf.signatures.validation.context.ValidatorContext;
import com.itextpdf.signatures.validation.report.ReportItem;
import com.itextpdf.signatures.validation.report.ValidationReport;

/**
 * The revisions after the seal: what they changed (only validation data and document timestamps
 * may be added), whether they added a document security store, and which revision of the file
 * the register's digest names.
 */
final class Revisions {

	private Revisions() {
	}

	/**
	 * Null when every revision after a signature changes only what PAdES allows (a document
	 * security store, document timestamps), as iText's revisions validator reads them; else what
	 * it found, in its words.
	 */
	static String laterChanges(PdfDocument pdf) {
		ValidationReport report = new ValidatorChainBuilder().buildDocumentRevisionsValidator().validateAllDocumentRevisions(
				new ValidationContext(ValidatorContext.DOCUMENT_REVISIONS_VALIDATOR, CertificateSource.SIGNER_CERT, TimeBasedContext.PRESENT), pdf);
		if (report.getValidationResult() == ValidationReport.ValidationResult.VALID) {
			return null;
		}
		return report.getFailures().stream().map(ReportItem::getMessage).distinct().collect(Collectors.joining("; ")); //$NON-NLS-1$
	}

	/** Whether a revision after the seal's added or grew the document security store. */
	static boolean dssAdded(PdfDocument pdf, SignatureUtil util, String seal) {
		PdfDictionary now = pdf.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
		try (InputStream in = util.extractRevision(seal); PdfDocument signed = new PdfDocument(new PdfReader(in))) {
			return size(signed.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS)) < size(now);
		} catch (Exception e) {
			return false;
		}
	}

	private static int size(PdfDictionary dss) {
		if (dss == null) {
			return 0;
		}
		int n = 1;
		for (PdfName key : new PdfName[] { PdfName.Certs, PdfName.CRLs, PdfName.OCSPs }) {
			PdfArray a = dss.getAsArray(key);
			n += a == null ? 0 : a.size();
		}
		PdfDictionary vri = dss.getAsDictionary(PdfName.VRI);
		return n + (vri == null ? 0 : vri.size());
	}

	/**
	 * Whether the file, or one of its earlier revisions (a prefix ending at an {@code %%EOF}), has
	 * the SHA-256 digest {@code hex}: a renewed certificate is the file as issued with revisions added.
	 */
	static boolean hasRevisionDigest(byte[] bytes, String hex) {
		if (Digests.sha256(bytes).equals(hex)) {
			return true;
		}
		for (int i = indexOf(bytes, 0); i >= 0; i = indexOf(bytes, i + 5)) {
			int end = i + 5;
			for (int len = end; len <= Math.min(bytes.length, end + 2); len++) {
				if (len < bytes.length && digest(bytes, len).equals(hex)) {
					return true;
				}
			}
		}
		return false;
	}

	private static String digest(byte[] bytes, int len) {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256"); //$NON-NLS-1$
			md.update(bytes, 0, len);
			return java.util.HexFormat.of().formatHex(md.digest());
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static int indexOf(byte[] b, int from) {
		outer: for (int i = from; i <= b.length - 5; i++) {
			for (int k = 0; k < 5; k++) {
				if (b[i + k] != "%%EOF".charAt(k)) { //$NON-NLS-1$
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
