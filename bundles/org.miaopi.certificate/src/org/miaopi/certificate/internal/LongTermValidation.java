package org.miaopi.certificate.internal;

import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.tsp.TimeStampToken;
import org.miaopi.certificate.Verdict.Check;
import org.miaopi.seal.internal.Pki;

/**
 * Validation at a given time with the validation data the file carries (ETSI EN 319 102-1's
 * long-term validation, in the shape Miaopi's files take). The latest archive (document)
 * timestamp must be verifiable at the validation time: its authority's certificate still valid
 * then. Each timestamp proves that everything it covers existed at its time, so the one before it
 * is validated at that time, its authority's certificate and a CRL for it having to be in the
 * document security store; and so on down to the signature timestamp, which in turn fixes the
 * time at which the seal certificate must have been valid (the chain check). Without an archive
 * timestamp the signature timestamp's authority must be valid at the validation time.
 * <p>
 * The Miaopi root is the trust anchor: as in RFC 5280 path validation, its own validity period is
 * not checked, only that it signed the certificates and CRLs.
 */
final class LongTermValidation {

	/** A document timestamp of the file, oldest first. */
	record Stamp(String field, TimeStampToken token, X509Certificate tsa, boolean intact) {
		Instant time() {
			return token.getTimeStampInfo().getGenTime().toInstant();
		}
	}

	/** The level as validators read it, and the verdict at the validation time. */
	record Result(String level, Check check) {
	}

	private LongTermValidation() {
	}

	/**
	 * @param sigTime      the signature timestamp's time, or null when it has none
	 * @param sigTsa       the signature timestamp authority's certificate, or null
	 * @param dssAfterSeal whether a document security store was added after the seal's revision
	 */
	static Result validate(Instant at, X509Certificate root, X509Certificate seal, Instant sigTime, X509Certificate sigTsa,
			List<Stamp> stamps, Dss.Content dss, boolean dssAfterSeal) {
		String level = sigTime == null ? "B-B" //$NON-NLS-1$
				: !dssAfterSeal ? "B-T" : stamps.isEmpty() ? "B-LT" : "B-LTA"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		String name = CertificateVerifier.LONG_TERM;
		String prefix = "PAdES " + level + ", validated at " + at + ": "; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		Instant poe = at;
		for (int i = stamps.size() - 1; i >= 0; i--) {
			Stamp s = stamps.get(i);
			String which = "the archive timestamp '" + s.field() + "' of " + s.time(); //$NON-NLS-1$ //$NON-NLS-2$
			if (!s.intact()) {
				return new Result(level, new Check(name, false, prefix + which + " does NOT match the document: a revision it covers was altered")); //$NON-NLS-1$
			}
			if (s.tsa() == null || !CertificateVerifier.issuedBy(s.tsa(), root)) {
				return new Result(level, new Check(name, false, prefix + which + " is not by a timestamp authority of the Miaopi root")); //$NON-NLS-1$
			}
			String invalid = validAt(s.tsa(), poe);
			if (invalid != null) {
				return new Result(level, Check.indeterminate(name, prefix + "INDETERMINATE: " + which + " is by an authority whose certificate " //$NON-NLS-1$ //$NON-NLS-2$
						+ invalid + (i == stamps.size() - 1 ? "; no later archive timestamp renews it (certificate renew-archive adds one)" : ""), //$NON-NLS-1$ //$NON-NLS-2$
						"无法确定：存档时间戳的签发机构证书在核验时间已失效（" + s.tsa().getNotAfter().toInstant() + "），之后没有续期的存档时间戳")); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (i < stamps.size() - 1) {
				String missing = dataFor(s.tsa(), root, s.time(), dss);
				if (missing != null) {
					return new Result(level, Check.indeterminate(name, prefix + "INDETERMINATE: the document security store lacks " + missing //$NON-NLS-1$
							+ " for " + which, "无法确定：文件缺少存档时间戳的验证数据")); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
			poe = s.time();
		}
		if (sigTime == null || sigTsa == null) {
			return new Result(level, new Check(name, false, prefix + "the seal has no trusted timestamp: nothing fixes when it was made")); //$NON-NLS-1$
		}
		String invalid = validAt(sigTsa, poe);
		if (invalid != null) {
			return new Result(level, Check.indeterminate(name, prefix + "INDETERMINATE: the signature timestamp's authority certificate " + invalid //$NON-NLS-1$
					+ (stamps.isEmpty() ? "; the file has no archive timestamp (certificate renew-archive adds one)" : ""), //$NON-NLS-1$ //$NON-NLS-2$
					"无法确定：签名时间戳的签发机构证书在核验时间已失效（" + sigTsa.getNotAfter().toInstant() + "）" //$NON-NLS-1$ //$NON-NLS-2$
							+ (stamps.isEmpty() ? "，文件没有存档时间戳" : ""))); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (!dssAfterSeal) {
			boolean inside = dss.present();
			return new Result(level, new Check(name, inside, prefix + (inside
					? "the validation data lie inside the signed revision, where validators do not read them as long-term data; verifiable while the timestamp authority's certificate lasts (until " //$NON-NLS-1$
							+ sigTsa.getNotAfter().toInstant() + ")" //$NON-NLS-1$
					: "the document has no document security store (not B-LT)"))); //$NON-NLS-1$
		}
		List<String> missing = new ArrayList<>();
		addIfMissing(missing, seal == null || !dss.certificates().contains(seal), "the seal certificate"); //$NON-NLS-1$
		String tsaData = dataFor(sigTsa, root, null, dss);
		if (tsaData != null) {
			missing.add(tsaData + " of the signature timestamp"); //$NON-NLS-1$
		}
		if (seal != null && revokedBefore(seal, sigTime, dss)) {
			return new Result(level, new Check(name, false, prefix + "the seal certificate was revoked before it sealed, by the CRL the document carries")); //$NON-NLS-1$
		}
		for (String u : dss.unreadable()) {
			missing.add("readable " + u); //$NON-NLS-1$
		}
		if (!missing.isEmpty()) {
			return new Result(level, Check.indeterminate(name, prefix + "INDETERMINATE: the document security store lacks " + String.join(", ", missing), //$NON-NLS-1$ //$NON-NLS-2$
					"无法确定：文件缺少长期验证数据")); //$NON-NLS-1$
		}
		String how = stamps.isEmpty() ? "the timestamp authority's certificate is valid until " + sigTsa.getNotAfter().toInstant() //$NON-NLS-1$
				: stamps.size() + " archive timestamp(s), the latest of " + stamps.get(stamps.size() - 1).time() //$NON-NLS-1$
						+ " by an authority whose certificate is valid until " + stamps.get(stamps.size() - 1).tsa().getNotAfter().toInstant(); //$NON-NLS-1$
		return new Result(level, new Check(name, true, prefix + "verifiable with the validation data in the file (" //$NON-NLS-1$
				+ dss.certificates().size() + " certificates, " + dss.crls().size() + " CRL(s)); " + how, //$NON-NLS-1$ //$NON-NLS-2$
				"PAdES " + level + "，以文件内含的验证数据可在 " + at + " 核验通过")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** Null when {@code cert} is valid at {@code t}, else why not, in words. */
	private static String validAt(X509Certificate cert, Instant t) {
		if (t.isAfter(cert.getNotAfter().toInstant())) {
			return "expired at " + cert.getNotAfter().toInstant() + ", before " + t; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (t.isBefore(cert.getNotBefore().toInstant())) {
			return "was not yet valid at " + t; //$NON-NLS-1$
		}
		return null;
	}

	/** Null when the store holds {@code tsa} and a CRL by the root not revoking it before {@code when}; else what lacks. */
	private static String dataFor(X509Certificate tsa, X509Certificate root, Instant when, Dss.Content dss) {
		if (!dss.certificates().contains(tsa)) {
			return "the timestamp authority's certificate"; //$NON-NLS-1$
		}
		if (dss.crls().stream().noneMatch(c -> signedBy(c, root))) {
			return "a CRL signed by the root"; //$NON-NLS-1$
		}
		return when != null && revokedBefore(tsa, when, dss) ? "an unrevoked timestamp authority" : null; //$NON-NLS-1$
	}

	private static boolean revokedBefore(X509Certificate cert, Instant when, Dss.Content dss) {
		for (X509CRL crl : dss.crls()) {
			X509CRLEntry e = crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal()) ? crl.getRevokedCertificate(cert.getSerialNumber())
					: null;
			if (e != null && (when == null || !e.getRevocationDate().toInstant().isAfter(when))) {
				return true;
			}
		}
		return false;
	}

	static boolean signedBy(X509CRL crl, X509Certificate root) {
		try {
			crl.verify(root.getPublicKey(), Pki.bc());
			return crl.getIssuerX500Principal().equals(root.getSubjectX500Principal());
		} catch (Exception e) {
			return false;
		}
	}

	private static void addIfMissing(List<String> missing, boolean absent, String what) {
		if (absent) {
			missing.add(what);
		}
	}
}
