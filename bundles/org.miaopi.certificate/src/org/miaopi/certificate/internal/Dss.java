package org.miaopi.certificate.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;

/**
 * Reads the document security store (PAdES B-LT, ISO 32000-2 §12.8.4.3): {@code /DSS} in the
 * catalog with {@code /Certs} and {@code /CRLs}, each a stream of DER bytes; {@link Archive}
 * writes it.
 */
public final class Dss {

	/** What a document's DSS holds; both lists empty if it has none. */
	public record Content(List<X509Certificate> certificates, List<X509CRL> crls, List<String> unreadable) {
		public boolean present() {
			return !certificates.isEmpty() || !crls.isEmpty();
		}
	}

	private Dss() {
	}

	public static Content read(PdfDocument doc) {
		List<X509Certificate> certs = new ArrayList<>();
		List<X509CRL> crls = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		PdfDictionary dss = doc.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
		if (dss == null) {
			return new Content(certs, crls, unreadable);
		}
		try {
			CertificateFactory cf = CertificateFactory.getInstance("X.509"); //$NON-NLS-1$
			PdfArray a = dss.getAsArray(PdfName.Certs);
			for (int i = 0; a != null && i < a.size(); i++) {
				try {
					certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(a.getAsStream(i).getBytes())));
				} catch (Exception e) {
					unreadable.add("certificate " + (i + 1)); //$NON-NLS-1$
				}
			}
			a = dss.getAsArray(PdfName.CRLs);
			for (int i = 0; a != null && i < a.size(); i++) {
				try {
					crls.add((X509CRL) cf.generateCRL(new ByteArrayInputStream(a.getAsStream(i).getBytes())));
				} catch (Exception e) {
					unreadable.add("CRL " + (i + 1)); //$NON-NLS-1$
				}
			}
		} catch (Exception e) {
			unreadable.add("the store itself (" + e.getMessage() + ")"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return new Content(certs, crls, unreadable);
	}
}
