package org.miaopi.certificate.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.TimeZone;

import org.miaopi.seal.Seal;
import org.miaopi.seal.SealAppearance;

import com.itextpdf.forms.form.element.SignatureFieldAppearance;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.CompressionConstants;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Image;
import com.itextpdf.signatures.IExternalSignature;
import com.itextpdf.signatures.ITSAClient;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.PrivateKeySignature;
import com.itextpdf.signatures.ProviderDigest;
import com.itextpdf.signatures.SignerProperties;

/**
 * Seals a PDF: a PAdES (ETSI.CAdES.detached) signature with the department's key, an RFC 3161
 * signature timestamp and the red seal drawn as the signature field's appearance (B-T); then, when
 * a CRL is given, the validation data (the chain, the timestamp authority's certificate, the root's
 * CRL) in a document security store of a later revision (B-LT) and a document timestamp over it
 * (B-LTA), see {@link Archive}.
 * <p>
 * The store is not written in the seal's own revision: validators read validation data there as
 * part of the signed content, not as added for long-term validation, and call the file B-T.
 */
public final class PdfSealer {

	public static final String FIELD = "MiaopiSeal"; //$NON-NLS-1$
	public static final String SEAL_USE = "电子证照专用章"; //$NON-NLS-1$

	static {
		ITextSetup.install();
	}

	private PdfSealer() {
	}

	// the seal image of each department, drawn once as a one-page PDF: copying it into a document
	// copies its already-subset font, where drawing it anew would subset the CJK font again
	private static final Map<String, byte[]> TEMPLATES = new ConcurrentHashMap<>();

	private static byte[] template(String departmentName, String use, Rectangle rect) {
		return TEMPLATES.computeIfAbsent(departmentName + '|' + use + '|' + rect.getWidth(), k -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (PdfDocument doc = new PdfDocument(new PdfWriter(out, new WriterProperties().setCompressionLevel(CompressionConstants.BEST_SPEED)))) {
				PdfPage page = doc.addNewPage(new PageSize(rect.getWidth(), rect.getHeight()));
				SealAppearance.draw(new PdfCanvas(page), rect.getWidth() / 2, rect.getHeight() / 2, rect.getWidth(), departmentName, use,
						CjkFonts.create(doc, departmentName + use));
			}
			return out.toByteArray();
		});
	}

	/**
	 * Bytes reserved for the signature container: its certificates, the timestamp token's estimate
	 * and 2 KiB for the signed attributes, the signature value and the structure around them (an
	 * ECDSA seal's container is about 2.7 KB in all). iText's own guess without a size is 8 KiB plus
	 * the token's estimate, written as hex zeros: a ninth of every certificate file was padding.
	 */
	static int signatureSpace(java.security.cert.Certificate[] chain, ITSAClient tsa) throws java.security.cert.CertificateEncodingException {
		int size = 2048 + (tsa == null ? 0 : tsa.getTokenSizeEstimate() + 96);
		for (java.security.cert.Certificate c : chain) {
			size += c.getEncoded().length;
		}
		return size;
	}

	/**
	 * @param crl       the root's CRL for the DSS, or null for none (then no DSS and no archive timestamp: B-T only)
	 * @param tsaChain  the timestamp authority's certificate(s) for the DSS
	 * @param rect      where the seal goes on page 1, or null for an invisible signature
	 */
	public static byte[] seal(byte[] pdf, Seal seal, ITSAClient tsa, X509CRL crl, List<X509Certificate> tsaChain, Instant claimedTime,
			Rectangle rect) throws Exception {
		return seal(pdf, null, seal, tsa, crl, tsaChain, claimedTime, rect);
	}

	/**
	 * Seals {@code pdf} after {@code fill} (if any) has drawn into it, in the same revision as the
	 * signature: issuance passes a certificate's template and its own layer, so the file is read
	 * and written once.
	 */
	public static byte[] seal(byte[] pdf, Consumer<PdfDocument> fill, Seal seal, ITSAClient tsa, X509CRL crl, List<X509Certificate> tsaChain,
			Instant claimedTime, Rectangle rect) throws Exception {
		return seal(pdf, fill, seal, SEAL_USE, "电子证照签章 Certificate seal", tsa, crl, tsaChain, claimedTime, rect); //$NON-NLS-1$
	}

	/**
	 * The same seal for another kind of document (a supervision report): {@code use} is the seal's
	 * lower inscription, {@code reason} the signature's stated reason; the seal goes on page 1.
	 */
	public static byte[] seal(byte[] pdf, Consumer<PdfDocument> fill, Seal seal, String use, String reason, ITSAClient tsa, X509CRL crl,
			List<X509Certificate> tsaChain, Instant claimedTime, Rectangle rect) throws Exception {
		// the signer's revision adds the signature's space twice (hex), the appearance, the DSS and an own layer
		ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * signatureSpace(seal.chain(), tsa) + 32 * 1024);
		// append mode: the laid-out bytes stay as they are (PDF/A intact) and only the signature is written
		PdfSigner signer = new PdfSigner(new PdfReader(new ByteArrayInputStream(pdf)), out, new StampingProperties().useAppendMode());
		// what the signer writes (a certificate's own layer, the appearance, the DSS) is left
		// uncompressed: deflating it was a quarter of a certificate's sealing time (its own font
		// subset above all), for 12 KB less in an 80 KB file; the template's revision stays compressed
		signer.getDocument().getWriter().setCompressionLevel(CompressionConstants.NO_COMPRESSION);
		Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC")); //$NON-NLS-1$
		when.setTimeInMillis(claimedTime.toEpochMilli());
		SignerProperties props = new SignerProperties().setFieldName(FIELD).setReason(reason)
				.setLocation(seal.departmentName()).setClaimedSignDate(when).setSignatureCreator("Miaopi"); //$NON-NLS-1$
		if (rect != null) {
			props.setPageNumber(1).setPageRect(rect);
			PdfFormXObject image;
			try (PdfDocument template = new PdfDocument(new PdfReader(new ByteArrayInputStream(template(seal.departmentName(), use, rect))))) {
				image = template.getFirstPage().copyAsFormXObject(signer.getDocument());
			}
			Div content = new Div().add(new Image(image).setAutoScale(true)).setMargin(0).setPadding(0);
			props.setSignatureAppearance(new SignatureFieldAppearance(SignerProperties.IGNORED_ID).setContent(content));
		}
		if (fill != null) {
			fill.accept(signer.getDocument());
		}
		signer.setSignerProperties(props);
		IExternalSignature signature = new PrivateKeySignature(seal.key(), "SHA256", seal.provider()); //$NON-NLS-1$
		// the JDK's SHA-256 (CPU intrinsics) digests the document several times faster than BouncyCastle's;
		// no CRL inside the CMS (Adobe's revocation archival attribute): PAdES keeps validation data in the DSS
		signer.signDetached(new ProviderDigest(null), signature, seal.chain(), null, null, tsa, signatureSpace(seal.chain(), tsa),
				PdfSigner.CryptoStandard.CADES);
		if (crl == null) {
			return out.toByteArray();
		}
		List<X509Certificate> certs = new java.util.ArrayList<>(List.of(seal.chain()));
		if (tsaChain != null) {
			certs.addAll(tsaChain);
		}
		return Archive.extend(out.toByteArray(), certs, List.of(crl), tsa);
	}
}
