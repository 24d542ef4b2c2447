package org.miaopi.certificate.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.miaopi.seal.internal.Pki;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.ITSAClient;
import com.itextpdf.signatures.LtvVerification;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.SignatureUtil;
import com.itextpdf.signatures.SignerProperties;

/**
 * PAdES B-LT and B-LTA as validators read them: the validation data go into a document security
 * store in an incremental revision after the seal (iText's {@link LtvVerification}, one VRI entry
 * per signature and timestamp), then a document timestamp covers that revision. Renewal repeats
 * both: the new store adds the earlier archive timestamp's authority and a fresh CRL, and the new
 * timestamp, by an authority whose certificate is fresh, vouches for all that came before.
 */
public final class Archive {

	/** Field names of document (archive) timestamps: {@code MiaopiArchive1}, {@code MiaopiArchive2}, … */
	public static final String FIELD_PREFIX = "MiaopiArchive"; //$NON-NLS-1$

	static {
		ITextSetup.install();
	}

	private Archive() {
	}

	/**
	 * Adds a DSS revision with {@code certificates} and {@code crls} for every signature and
	 * timestamp of {@code pdf}; then, when {@code tsa} is given, a document timestamp revision.
	 */
	public static byte[] extend(byte[] pdf, List<X509Certificate> certificates, List<X509CRL> crls, ITSAClient tsa) throws Exception {
		byte[] withDss = addValidationData(pdf, certificates, crls);
		return tsa == null ? withDss : timestamp(withDss, tsa);
	}

	static byte[] addValidationData(byte[] pdf, List<X509Certificate> certificates, List<X509CRL> crls) throws Exception {
		List<byte[]> certs = new ArrayList<>();
		for (X509Certificate c : new LinkedHashSet<>(certificates)) {
			certs.add(c.getEncoded());
		}
		List<byte[]> crlBytes = new ArrayList<>();
		for (X509CRL c : crls) {
			crlBytes.add(c.getEncoded());
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 8 * 1024);
		try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)), new PdfWriter(out),
				new StampingProperties().useAppendMode())) {
			// one VRI entry for the newest signature or timestamp: the earlier ones got theirs in the
			// revision that followed them, and LtvVerification keeps those entries and their data
			List<String> names = new SignatureUtil(doc).getSignatureNames();
			LtvVerification ltv = new LtvVerification(doc);
			ltv.addVerification(names.get(names.size() - 1), List.of(), crlBytes, certs);
			ltv.merge();
		}
		return out.toByteArray();
	}

	static byte[] timestamp(byte[] pdf, ITSAClient tsa) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * tsa.getTokenSizeEstimate() + 8 * 1024);
		PdfSigner signer = new PdfSigner(new PdfReader(new ByteArrayInputStream(pdf)), out, new StampingProperties().useAppendMode());
		String name = FIELD_PREFIX + (count(signer.getDocument()) + 1);
		signer.setSignerProperties(new SignerProperties().setFieldName(name));
		signer.timestamp(tsa, name);
		return out.toByteArray();
	}

	/** What renewal needs to know of a sealed file: its certificates, and the latest timestamp's authority. */
	public record Found(String number, List<X509Certificate> certificates, X509Certificate latestAuthority, boolean hasVri) {
	}

	/**
	 * The certificates of the seal's signature and of every timestamp (to go into the next store),
	 * and the certificate of the authority of the latest timestamp (archive, else the signature's).
	 */
	public static Found read(byte[] pdf) throws Exception {
		try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
			SignatureUtil util = new SignatureUtil(doc);
			List<X509Certificate> certs = new ArrayList<>();
			X509Certificate latest = null;
			for (String name : util.getSignatureNames()) {
				CMSSignedData cms = cms(util, name);
				if (isDocumentTimestamp(util, name)) {
					latest = CertificateVerifier.tsaCertificate(java.util.Optional.of(new TimeStampToken(cms)));
				} else {
					SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
					latest = CertificateVerifier.tsaCertificate(CertificateVerifier.timestamp(signer));
					@SuppressWarnings("unchecked")
					java.util.Collection<X509CertificateHolder> all = cms.getCertificates().getMatches(null);
					for (X509CertificateHolder h : all) {
						certs.add(new JcaX509CertificateConverter().setProvider(Pki.bc()).getCertificate(h));
					}
				}
				if (latest != null) {
					certs.add(latest);
				}
			}
			com.itextpdf.kernel.pdf.PdfDictionary dss = doc.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
			return new Found(doc.getDocumentInfo().getMoreInfo(CertificateLayout.NUMBER_KEY), certs, latest,
					dss != null && dss.getAsDictionary(PdfName.VRI) != null);
		}
	}

	private static CMSSignedData cms(SignatureUtil util, String name) throws Exception {
		// /Contents is zero-padded after the DER structure: read exactly one object
		try (ASN1InputStream in = new ASN1InputStream(util.getSignatureDictionary(name).getAsString(PdfName.Contents).getValueBytes())) {
			return new CMSSignedData(ContentInfo.getInstance(in.readObject()));
		}
	}

	/** How many document timestamps {@code doc} has. */
	static int count(PdfDocument doc) {
		SignatureUtil util = new SignatureUtil(doc);
		int n = 0;
		for (String name : util.getSignatureNames()) {
			if (isDocumentTimestamp(util, name)) {
				n++;
			}
		}
		return n;
	}

	static boolean isDocumentTimestamp(SignatureUtil util, String name) {
		return PdfName.ETSI_RFC3161.equals(util.getSignatureDictionary(name).getAsName(PdfName.SubFilter));
	}
}
