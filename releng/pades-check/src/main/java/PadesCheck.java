import java.io.File;
import java.time.Instant;
import java.util.Date;

import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

/**
 * {@code PadesCheck FILE.pdf ROOT.der [VALIDATION-TIME]}: what the EU's DSS reads in a Miaopi
 * certificate, trusting only the desk's root and fetching nothing: per signature and timestamp,
 * the format (PAdES-BASELINE-B/T/LT/LTA), the indication and sub-indication.
 */
public final class PadesCheck {

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: PadesCheck FILE.pdf ROOT.der [2040-01-01T00:00:00Z]");
			System.exit(2);
		}
		CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
		trusted.addCertificate(DSSUtils.loadCertificate(new File(args[1])));
		CommonCertificateVerifier verifier = new CommonCertificateVerifier();
		verifier.setTrustedCertSources(trusted);
		verifier.setCrlSource(null);
		verifier.setOcspSource(null);
		verifier.setAIASource(null);
		SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new FileDocument(args[0]));
		validator.setCertificateVerifier(verifier);
		if (args.length > 2) {
			validator.setValidationTime(Date.from(Instant.parse(args[2])));
		}
		Reports reports = validator.validateDocument();
		SimpleReport simple = reports.getSimpleReport();
		System.out.println(args[0] + " at " + simple.getValidationTime().toInstant() + ":");
		for (String id : simple.getSignatureIdList()) {
			System.out.println("  signature " + id + ": " + simple.getSignatureFormat(id) + " " + simple.getIndication(id)
					+ (simple.getSubIndication(id) == null ? "" : " / " + simple.getSubIndication(id)));
			simple.getAdESValidationErrors(id).forEach(e -> System.out.println("    error: " + e.getValue()));
			simple.getAdESValidationWarnings(id).forEach(e -> System.out.println("    warning: " + e.getValue()));
		}
		for (String id : simple.getTimestampIdList()) {
			System.out.println("  timestamp " + id + ": " + simple.getIndication(id)
					+ (simple.getSubIndication(id) == null ? "" : " / " + simple.getSubIndication(id)));
		}
	}
}
