package org.miaopi.certificate.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.miaopi.certificate.CertificateRegistry;
import org.miaopi.certificate.CertificateRegistry.Entry;
import org.miaopi.certificate.Verdict;
import org.miaopi.certificate.Verdict.Check;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.seal.SealException;
import org.miaopi.seal.SealService;
import org.miaopi.seal.internal.Pki;

import com.itextpdf.kernel.exceptions.BadPasswordException;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;

/**
 * Checks a sealed certificate PDF and says in plain words what holds: signature intact, document
 * unchanged since sealing, who sealed it, chain to the Miaopi root, timestamp, revocation, and the
 * register. Never throws for a bad file: a broken file is a failed check.
 */
public final class CertificateVerifier {

	public static final String FILE = "file"; //$NON-NLS-1$
	public static final String INTACT = "signature intact"; //$NON-NLS-1$
	public static final String UNCHANGED = "unchanged since sealing"; //$NON-NLS-1$
	public static final String SEALED_BY = "sealed by"; //$NON-NLS-1$
	public static final String CHAIN = "chain to the Miaopi root"; //$NON-NLS-1$
	public static final String TIMESTAMP = "timestamp"; //$NON-NLS-1$
	public static final String REVOCATION = "seal not revoked"; //$NON-NLS-1$
	public static final String REGISTER = "certificate register"; //$NON-NLS-1$
	public static final String LONG_TERM = "long-term validation data"; //$NON-NLS-1$
	/** In place of the register for a sealed supervision report. */
	public static final String REPORT = "supervision report"; //$NON-NLS-1$
	/** Shown only when the desk's store could not be read: its record of the certificate was not compared. */
	public static final String STORE_RECORD = "desk's store record"; //$NON-NLS-1$

	private static final System.Logger LOG = System.getLogger(CertificateVerifier.class.getName());

	static {
		ITextSetup.install();
	}

	private final SealService seals;
	private final CertificateRegistry registry;

	private final Function<String, Optional<CertificateRecord>> store;
	private org.miaopi.core.audit.CaRevocations ca;

	/** @param store the desk's store's record of a certificate number (empty when there is no store) */
	public CertificateVerifier(SealService seals, CertificateRegistry registry, Function<String, Optional<CertificateRecord>> store) {
		this.seals = seals;
		this.registry = registry;
		this.store = store;
	}

	/** Also asks the Miaopi CA's CRL the desk pulled from the hub (null: none held). */
	public CertificateVerifier withCaRevocations(org.miaopi.core.audit.CaRevocations revocations) {
		this.ca = revocations;
		return this;
	}

	public Verdict verify(byte[] bytes) {
		return verify(bytes, Instant.now());
	}

	/**
	 * Verifies as at {@code at}: the signature and timestamps as found, and whether the validation
	 * data and archive timestamps the file carries still prove its seal at that time.
	 */
	public Verdict verify(byte[] bytes, Instant at) {
		if (bytes.length < 8 || !new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) { //$NON-NLS-1$
			return new Verdict(List.of(FileFindings.notAPdf()));
		}
		if (!FileFindings.endsLikeAPdf(bytes, bytes.length)) {
			// said here rather than by iText, which would log a stack of "startxref not found" and
			// rebuild the cross-reference table of what is left before failing anyway
			int sealed = FileFindings.sealedLength(bytes);
			if (sealed < 0) {
				return new Verdict(List.of(FileFindings.truncated()));
			}
			// the sealed file is whole, with other bytes after it: say so, and check the sealed part
			List<Check> checks = new ArrayList<>(List.of(FileFindings.appended(sealed, bytes.length - sealed)));
			verifySealed(java.util.Arrays.copyOf(bytes, sealed), at).checks().stream().filter(c -> !(c.name().equals(FILE) && c.ok()))
					.forEach(checks::add);
			return new Verdict(checks);
		}
		return verifySealed(bytes, at);
	}

	private Verdict verifySealed(byte[] bytes, Instant at) {
		String[] level = { null };
		List<Check> checks = new ArrayList<>();
		try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(bytes)))) {
			if (pdf.getReader().isEncrypted()) {
				checks.add(FileFindings.encrypted());
				return new Verdict(checks);
			}
			SignatureUtil util = new SignatureUtil(pdf);
			List<String> all = util.getSignatureNames();
			// the seal is the last signature that is not a document timestamp; those after it are archive timestamps
			List<String> names = all.stream().filter(n -> !Archive.isDocumentTimestamp(util, n)).toList();
			if (names.isEmpty()) {
				checks.add(FileFindings.noSeal(pdf.getDocumentInfo().getMoreInfo(CertificateLayout.NUMBER_KEY)));
				return new Verdict(checks);
			}
			String name = names.get(names.size() - 1);
			List<String> archives = all.subList(all.indexOf(name) + 1, all.size()).stream().filter(n -> Archive.isDocumentTimestamp(util, n)).toList();
			checks.add(new Check(FILE, true, "a PDF with " + names.size() + " signature(s) and " + archives.size() + " archive timestamp(s); checking '" + name + "'", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					"是带签章的 PDF 文件，共 " + names.size() + " 个签名、" + archives.size() + " 个存档时间戳；核验“" + name + "”")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-3$
			PdfPKCS7 pkcs7 = util.readSignatureData(name);
			boolean intact = safe(pkcs7::verifySignatureIntegrityAndAuthenticity);
			checks.add(new Check(INTACT, intact, intact ? "the signature matches the signed bytes and the signer's key" //$NON-NLS-1$
					: "the signature does NOT match: the signed bytes were altered or the signature is damaged")); //$NON-NLS-1$
			boolean whole = util.signatureCoversWholeDocument(name);
			String later = whole ? null : Revisions.laterChanges(pdf);
			boolean unchanged = intact && (whole || later == null);
			checks.add(new Check(UNCHANGED, unchanged, whole ? (intact ? "nothing was added or changed after sealing" //$NON-NLS-1$
					: "the seal covers the whole file, but the content does not match it") //$NON-NLS-1$
					: later == null ? (intact ? "only validation data and archive timestamps were added after sealing" //$NON-NLS-1$
							: "the content does not match the seal") //$NON-NLS-1$
							: "the file was changed after it was sealed: " + later)); //$NON-NLS-1$

			PdfDictionary sigDict = util.getSignatureDictionary(name);
			// /Contents is zero-padded after the DER structure: read exactly one object
			CMSSignedData cms;
			try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(
					sigDict.getAsString(PdfName.Contents).getValueBytes())) {
				cms = new CMSSignedData(org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject()));
			}
			SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
			X509Certificate cert = certificate(cms, signer);
			checks.add(new Check(SEALED_BY, cert != null, cert == null ? "the signer's certificate is missing" : department(cert))); //$NON-NLS-1$

			X509Certificate root = seals.root();
			boolean chained = cert != null && issuedBy(cert, root);
			Optional<TimeStampToken> token = timestamp(signer);
			Date sealedAt = token.map(t -> t.getTimeStampInfo().getGenTime()).orElse(null);
			String validity = ""; //$NON-NLS-1$
			if (chained && sealedAt != null && (sealedAt.before(cert.getNotBefore()) || sealedAt.after(cert.getNotAfter()))) {
				chained = false;
				validity = "; but the seal certificate was not valid when it was sealed"; //$NON-NLS-1$
			}
			checks.add(new Check(CHAIN, chained, chained ? "issued by " + cn(root.getSubjectX500Principal()) //$NON-NLS-1$
					: (cert != null && issuedBy(cert, root) ? "issued by the Miaopi root" + validity //$NON-NLS-1$
							: "NOT issued by this desk's Miaopi root (" + (cert == null ? "no certificate" //$NON-NLS-1$ //$NON-NLS-2$
									: "issuer: " + cn(cert.getIssuerX500Principal())) + ")"))); //$NON-NLS-1$ //$NON-NLS-2$

			checks.add(timestampCheck(pkcs7, token, root));
			Dss.Content dss = Dss.read(pdf);
			checks.add(LongTermChecks.revocation(seals, cert, dss, ca));
			List<LongTermValidation.Stamp> stamps = new ArrayList<>();
			for (String a : archives) {
				stamps.add(stamp(util, a));
			}
			LongTermValidation.Result lt = LongTermValidation.validate(at, root, cert, sealedAt == null ? null : sealedAt.toInstant(),
					tsaCertificate(token), stamps, dss, !whole && Revisions.dssAdded(pdf, util, name));
			level[0] = lt.level();
			checks.add(lt.check());
			checks.addAll(registerChecks(pdf, bytes));
		} catch (BadPasswordException e) {
			checks.add(FileFindings.encrypted());
		} catch (SealException e) {
			// the desk's seal hierarchy, not the file; without the root nothing shows the seal genuine
			checks.add(new Check(CHAIN, false, "could not be checked: this desk's seals cannot be read: " + e.getMessage(), //$NON-NLS-1$
					"无法核验：读不到本机的印章（" + e.getMessage() + "）")); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (Exception e) {
			// iText's exceptions name classes ("PdfNull cannot be cast...", "Unknown PdfException"):
			// the reader is told what is wrong with the file, support finds the rest in the log
			LOG.log(System.Logger.Level.DEBUG, "a PDF could not be read", e); //$NON-NLS-1$
			checks.removeIf(c -> c.name().equals(FILE));
			checks.add(0, FileFindings.damaged());
		}
		return new Verdict(checks, level[0]);
	}

	private static LongTermValidation.Stamp stamp(SignatureUtil util, String name) {
		boolean intact = safe(() -> util.readSignatureData(name).verifySignatureIntegrityAndAuthenticity());
		try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(
				util.getSignatureDictionary(name).getAsString(PdfName.Contents).getValueBytes())) {
			TimeStampToken t = new TimeStampToken(new CMSSignedData(org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject())));
			X509Certificate tsa = tsaCertificate(Optional.of(t));
			boolean signed = tsa != null && safe(() -> {
				t.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Pki.bc()).build(tsa));
				return true;
			});
			return new LongTermValidation.Stamp(name, t, tsa, intact && signed);
		} catch (Exception e) {
			throw new IllegalStateException("unreadable archive timestamp " + name, e); //$NON-NLS-1$
		}
	}

	private Check timestampCheck(PdfPKCS7 pkcs7, Optional<TimeStampToken> token, X509Certificate root) {
		if (token.isEmpty()) {
			return new Check(TIMESTAMP, false, "the seal has no trusted timestamp (only the signer's own clock)"); //$NON-NLS-1$
		}
		TimeStampToken t = token.get();
		boolean imprint = safe(pkcs7::verifyTimestampImprint);
		@SuppressWarnings("unchecked")
		Collection<X509CertificateHolder> tsaCerts = t.getCertificates().getMatches(t.getSID());
		X509Certificate tsaCert = tsaCerts.isEmpty() ? null : convert(tsaCerts.iterator().next());
		boolean tsaOk = tsaCert != null && issuedBy(tsaCert, root) && safe(() -> {
			t.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Pki.bc()).build(tsaCert));
			return true;
		});
		String when = t.getTimeStampInfo().getGenTime().toInstant().toString();
		String who = tsaCert == null ? "an unknown authority" : cn(tsaCert.getSubjectX500Principal()); //$NON-NLS-1$
		return new Check(TIMESTAMP, imprint && tsaOk, "sealed at " + when + " by " + who //$NON-NLS-1$ //$NON-NLS-2$
				+ (imprint ? "" : "; the timestamp does NOT match the signature") //$NON-NLS-1$ //$NON-NLS-2$
				+ (tsaOk ? "" : "; the timestamp authority is not trusted by the Miaopi root")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * The register file's entry for the certificate's number, and the desk's store's record of it
	 * when the store can be read. Neither needs the store's lock: a store open in another Miaopi
	 * (the workbench, most often) is a check that could not be made, said on a line of its own,
	 * never a reason to call the certificate invalid or damaged.
	 */
	private List<Check> registerChecks(PdfDocument pdf, byte[] bytes) {
		String report = pdf.getDocumentInfo().getMoreInfo(ReportLayout.REPORT_KEY);
		if (report != null && pdf.getDocumentInfo().getMoreInfo(CertificateLayout.NUMBER_KEY) == null) {
			// a sealed report is no certificate: there is no number to register; the seal above proves it,
			// and the desk that exported it has its SHA-256 in the audit event supervision.exported
			return List.of(new Check(REPORT, true, "supervision report " + report + " (" + pdf.getDocumentInfo().getTitle() //$NON-NLS-1$ //$NON-NLS-2$
					+ "): not a certificate, so not in the certificate register; the exporting desk's audit ledger holds its SHA-256", //$NON-NLS-1$
					"监察报告 " + report + "（" + pdf.getDocumentInfo().getTitle() + "）：不是证照，不在证照库登记；导出该报告的终端在审计日志中记录了其 SHA-256 摘要")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		String number = pdf.getDocumentInfo().getMoreInfo(CertificateLayout.NUMBER_KEY);
		if (number == null) {
			return List.of(new Check(REGISTER, false, "the PDF carries no Miaopi certificate number")); //$NON-NLS-1$
		}
		Optional<Entry> entry;
		try {
			entry = registry.lookup(number);
		} catch (RuntimeException e) {
			// the register's own message names the directory and what went wrong; another's is not shown
			String why = e instanceof org.miaopi.certificate.CertificateException ? e.getMessage() : "the certificate register cannot be read"; //$NON-NLS-1$
			return List.of(Check.notMade(REGISTER, why, "无法读取证照库（" + why + "）")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (entry.isEmpty()) {
			return List.of(new Check(REGISTER, false, "certificate " + number + " is NOT in this desk's register")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Entry e = entry.get();
		return switch (e.status()) {
		case REVOKED -> List.of(new Check(REGISTER, false, "certificate " + number + " was REVOKED at " + e.when() + ": " + e.note())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		case VOID -> List.of(new Check(REGISTER, false, "certificate number " + number + " was never issued (void)")); //$NON-NLS-1$ //$NON-NLS-2$
		case ISSUED -> {
			Optional<CertificateRecord> record;
			Check storeNotRead = null;
			try {
				record = store.apply(number);
			} catch (RuntimeException unreadable) {
				record = Optional.empty();
				storeNotRead = StoreFindings.notRead(unreadable);
			}
			if (record.isPresent() && record.get().revoked()) {
				yield List.of(new Check(REGISTER, false, "certificate " + number + " was REVOKED in the desk's store: " + record.get().revocationReason())); //$NON-NLS-1$ //$NON-NLS-2$
			}
			// a renewed certificate is the file as issued with validation data and archive timestamps
			// appended: the register's digest names that first part (the revisions check says what was added)
			boolean same = Revisions.hasRevisionDigest(bytes, e.sha256())
					&& record.map(r -> r.documentSha256().hex().equals(e.sha256())).orElse(true);
			Check register = new Check(REGISTER, same, same ? "certificate " + number + " is registered as issued at " + e.when() + ", not revoked" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					: "certificate " + number + " is registered, but with a different file (digest mismatch)"); //$NON-NLS-1$ //$NON-NLS-2$
			yield storeNotRead == null ? List.of(register) : List.of(register, storeNotRead);
		}
		};
	}

	static X509Certificate tsaCertificate(Optional<TimeStampToken> token) {
		if (token.isEmpty()) {
			return null;
		}
		@SuppressWarnings("unchecked")
		Collection<X509CertificateHolder> m = token.get().getCertificates().getMatches(token.get().getSID());
		return m.isEmpty() ? null : convert(m.iterator().next());
	}

	static X509Certificate certificate(CMSSignedData cms, SignerInformation signer) {
		@SuppressWarnings("unchecked")
		Collection<X509CertificateHolder> m = cms.getCertificates().getMatches(signer.getSID());
		return m.isEmpty() ? null : convert(m.iterator().next());
	}

	static Optional<TimeStampToken> timestamp(SignerInformation signer) {
		AttributeTable unsigned = signer.getUnsignedAttributes();
		if (unsigned == null) {
			return Optional.empty();
		}
		Attribute a = unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
		if (a == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(new TimeStampToken(new CMSSignedData(a.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER))));
		} catch (Exception e) {
			return Optional.empty();
		}
	}

	static boolean issuedBy(X509Certificate cert, X509Certificate root) {
		if (!cert.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
			return false;
		}
		try {
			cert.verify(root.getPublicKey(), Pki.bc());
			return true;
		} catch (Exception e) {
			return false;
		}
	}

	private static X509Certificate convert(X509CertificateHolder h) {
		try {
			return new JcaX509CertificateConverter().setProvider(Pki.bc()).getCertificate(h);
		} catch (Exception e) {
			return null;
		}
	}

	static String department(X509Certificate cert) {
		X500Name n = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
		String cn = first(n, BCStyle.CN);
		String ou = first(n, BCStyle.OU);
		return cn + (ou.isEmpty() ? "" : " (" + ou + ")") + ", seal certificate serial " + cert.getSerialNumber().toString(16); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	static String cn(X500Principal p) {
		return first(X500Name.getInstance(p.getEncoded()), BCStyle.CN);
	}

	private static String first(X500Name n, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
		RDN[] rdns = n.getRDNs(type);
		return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue()); //$NON-NLS-1$
	}

	private interface Risky {
		boolean get() throws Exception;
	}

	private static boolean safe(Risky r) {
		try {
			return r.get();
		} catch (Exception e) {
			return false;
		}
	}
}
