package org.miaopi.seal;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.miaopi.core.audit.SignatureVerifier;
import org.miaopi.seal.internal.Ed25519Batch;
import org.miaopi.seal.internal.Pki;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Checks officers' decision signatures. What a certificate says is learnt once per certificate and
 * kept (issuer chain to the desk's root, officer id, validity, revocation): a ledger holds millions
 * of signatures by a few hundred officers. Ed25519 signatures are then checked with BouncyCastle's
 * low-level RFC 8032 code straight from the raw 32-byte key (no JCA objects per signature); other
 * algorithms through JCA. Safe for concurrent use.
 */
@Component(service = SignatureVerifier.class)
public class CachingSignatureVerifier implements SignatureVerifier {

	/** What a certificate tells, checked once. {@code problem} is null for a certificate of the root. */
	private record Signer(String officerId, byte[] rawEd25519, Ed25519.PublicPoint ed25519, PublicKey key, Instant notBefore, Instant notAfter,
			Optional<Instant> revokedAt, String problem, String revokedReason) {

		Signer(String officerId, byte[] rawEd25519, Ed25519.PublicPoint ed25519, PublicKey key, Instant notBefore, Instant notAfter,
				Optional<Instant> revokedAt, String problem) {
			this(officerId, rawEd25519, ed25519, key, notBefore, notAfter, revokedAt, problem, null);
		}
	}

	/** Below this many signatures a batch saves nothing. */
	private static final int MIN_BATCH = 8;
	/** One per thread: the batch keeps a digest and a random source. */
	private static final ThreadLocal<Ed25519Batch> BATCHES = ThreadLocal.withInitial(Ed25519Batch::new);

	@Reference
	private SealService seals;
	private final Map<ByteBuffer, Signer> signers = new ConcurrentHashMap<>();
	/** The Miaopi CA's CRL the desk pulled from the hub; absent on a desk that holds none. */
	@Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
			policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
	private volatile org.miaopi.core.audit.CaRevocations ca;
	private volatile long caVersion;

	/** For Declarative Services. */
	public CachingSignatureVerifier() {
	}

	public CachingSignatureVerifier(SealService seals) {
		this.seals = seals;
	}

	/** Also asks the CA's CRL the desk holds (tests; the DS runtime sets it itself). */
	public CachingSignatureVerifier(SealService seals, org.miaopi.core.audit.CaRevocations ca) {
		this.seals = seals;
		this.ca = ca;
	}

	/** A new CRL from the hub may revoke a certificate already learnt: learn them all again. */
	private void freshRevocations() {
		org.miaopi.core.audit.CaRevocations c = ca;
		if (c != null) {
			long v = c.version();
			if (v != caVersion) {
				signers.clear();
				caVersion = v;
			}
		}
	}

	@Override
	public Check verify(String algorithm, byte[] canonical, byte[] signature, byte[] certificate, String officerId,
			long decidedMs) {
		freshRevocations();
		Signer s = signer(certificate);
		Check refused = refusal(s, officerId, decidedMs);
		if (refused != null) {
			return refused;
		}
		return signatureHolds(s, algorithm, canonical, signature) ? valid(s) : changed(s);
	}

	/**
	 * The Ed25519 signatures of keys that passed the full check go into one batch equation; if it
	 * holds, all of them hold. If it fails (a bad signature among them), each is checked alone, so
	 * every answer is what {@link #verify} gives.
	 */
	@Override
	public List<Check> verifyAll(List<Item> items) {
		freshRevocations();
		Check[] answers = new Check[items.size()];
		List<Integer> batched = new ArrayList<>();
		List<Ed25519Batch.Item> batch = new ArrayList<>();
		Signer[] signers = new Signer[items.size()];
		for (int i = 0; i < answers.length; i++) {
			Item it = items.get(i);
			Signer s = signer(it.certificate());
			signers[i] = s;
			answers[i] = refusal(s, it.officerId(), it.decidedMs());
			if (answers[i] == null) {
				if ("Ed25519".equals(it.algorithm()) && s.ed25519() != null //$NON-NLS-1$
						&& Ed25519Batch.accepts(s.rawEd25519(), it.signature())) {
					batched.add(i);
					batch.add(new Ed25519Batch.Item(s.rawEd25519(), it.canonical(), it.signature()));
				} else {
					answers[i] = signatureHolds(s, it.algorithm(), it.canonical(), it.signature()) ? valid(s) : changed(s);
				}
			}
		}
		boolean allHold = batch.size() >= MIN_BATCH && BATCHES.get().verify(batch);
		for (int i : batched) {
			Item it = items.get(i);
			Signer s = signers[i];
			answers[i] = allHold || signatureHolds(s, it.algorithm(), it.canonical(), it.signature()) ? valid(s) : changed(s);
		}
		return Arrays.asList(answers);
	}

	private Signer signer(byte[] certificate) {
		return signers.computeIfAbsent(ByteBuffer.wrap(certificate.clone()), this::learn);
	}

	/** Why the signer cannot have signed this decision, whatever the signature: null if nothing stands against it. */
	private static Check refusal(Signer s, String officerId, long decidedMs) {
		if (s.problem() != null) {
			return new Check(false, s.officerId(), s.problem());
		}
		if (!s.officerId().equals(officerId)) {
			return new Check(false, s.officerId(), "signed by " + s.officerId() + ", but the decision names " + officerId); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Instant decided = Instant.ofEpochMilli(decidedMs);
		if (decided.isBefore(s.notBefore()) || decided.isAfter(s.notAfter())) {
			return new Check(false, s.officerId(), "the signer's certificate was not valid at the time of the decision"); //$NON-NLS-1$
		}
		if (s.revokedAt().isPresent() && !decided.isBefore(s.revokedAt().get())) {
			return new Check(false, s.officerId(), "the signer's certificate had been revoked on " + s.revokedAt().get() //$NON-NLS-1$
					+ (s.revokedReason() == null ? "" : " (" + s.revokedReason() + ")")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return null;
	}

	private static Check valid(Signer s) {
		return new Check(true, s.officerId(), "signed by " + s.officerId()); //$NON-NLS-1$
	}

	private static Check changed(Signer s) {
		return new Check(false, s.officerId(), "the decision was changed after it was signed, or the signature is damaged"); //$NON-NLS-1$
	}

	private static boolean signatureHolds(Signer s, String algorithm, byte[] canonical, byte[] signature) {
		if ("Ed25519".equals(algorithm) && s.rawEd25519() != null) { //$NON-NLS-1$
			if (signature.length != Ed25519.SIGNATURE_SIZE) {
				return false;
			}
			// the key decoded once per certificate (a verification decodes two points; this saves one)
			return s.ed25519() != null ? Ed25519.verify(signature, 0, s.ed25519(), canonical, 0, canonical.length)
					: Ed25519.verify(signature, 0, s.rawEd25519(), 0, canonical, 0, canonical.length);
		}
		try {
			Signature v = Signature.getInstance(algorithm, Pki.bc());
			v.initVerify(s.key());
			v.update(canonical);
			return v.verify(signature);
		} catch (Exception e) {
			return false;
		}
	}

	private Signer learn(ByteBuffer der) {
		X509Certificate cert;
		String officer = null;
		try {
			cert = (X509Certificate) CertificateFactory.getInstance("X.509", Pki.bc()) //$NON-NLS-1$
					.generateCertificate(new ByteArrayInputStream(der.array()));
			RDN[] cn = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
			officer = cn.length == 0 ? null : IETFUtils.valueToString(cn[0].getFirst().getValue());
		} catch (Exception e) {
			return new Signer(null, null, null, null, null, null, Optional.empty(), "the signer's certificate cannot be read"); //$NON-NLS-1$
		}
		X509Certificate root = seals.root();
		try {
			cert.verify(root.getPublicKey(), Pki.bc());
		} catch (Exception e) {
			return new Signer(officer, null, null, null, null, null, Optional.empty(),
					"the signer's certificate was not issued by this desk's root"); //$NON-NLS-1$
		}
		byte[] raw = null;
		Ed25519.PublicPoint point = null;
		if (KeyAlgorithm.of(cert.getPublicKey().getAlgorithm()) == KeyAlgorithm.ED25519) {
			raw = SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded()).getPublicKeyData().getBytes();
			// null for a key the full check refuses: then every signature goes the raw way, which refuses it as before
			point = raw.length == Ed25519.PUBLIC_KEY_SIZE ? Ed25519.validatePublicKeyFullExport(raw, 0) : null;
		}
		Optional<Instant> revokedAt = seals.revokedAt(cert);
		String reason = null;
		org.miaopi.core.audit.CaRevocations c = ca;
		if (revokedAt.isEmpty() && c != null) {
			// the CA's CRL from the hub: an officer's certificate revoked there, by the root that issued it
			Optional<org.miaopi.core.audit.CaRevocations.Revocation> r = c.revoked(cert);
			if (r.isPresent()) {
				revokedAt = Optional.of(r.get().at());
				reason = r.get().reason();
			}
		}
		return new Signer(officer, raw, point, cert.getPublicKey(), cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(),
				revokedAt, null, reason);
	}
}
