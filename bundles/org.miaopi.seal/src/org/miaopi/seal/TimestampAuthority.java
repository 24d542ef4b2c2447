package org.miaopi.seal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.miaopi.seal.internal.Pki;

/**
 * An RFC 3161 timestamp authority in the process (BouncyCastle's TimeStampResponseGenerator).
 * {@link TimestampHttpServer} puts it on loopback for desks and tools that speak HTTP.
 */
public final class TimestampAuthority {

	/** The policy under which Miaopi's demo TSA issues tokens (a private, demo-only arc). */
	public static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.59999.1.1"); //$NON-NLS-1$

	private final PrivateKey key;
	private final X509Certificate certificate;
	private final Clock clock;
	private final AtomicLong serial = new AtomicLong(System.currentTimeMillis() * 1000);
	// BouncyCastle's generators hold a Signature object and are not thread-safe: one per thread,
	// so that two issuing threads do not queue for the timestamp authority
	private final ThreadLocal<TimeStampTokenGenerator> tokens;

	public TimestampAuthority(PrivateKey key, X509Certificate certificate, Clock clock) {
		this.key = key;
		this.certificate = certificate;
		this.clock = clock;
		this.tokens = ThreadLocal.withInitial(this::newGenerator);
		tokens.get(); // fail now, not at the first stamp, if the key does not fit
	}

	private TimeStampTokenGenerator newGenerator() {
		try {
			SignerInfoGenerator sig = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(Pki.bc())
					.build(KeyAlgorithm.of(key.getAlgorithm()).signatureAlgorithm(), key, certificate);
			TimeStampTokenGenerator g = new TimeStampTokenGenerator(sig,
					new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
					POLICY);
			g.addCertificates(new JcaCertStore(List.of(certificate)));
			return g;
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot set up the timestamp authority: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	public X509Certificate certificate() {
		return certificate;
	}

	private volatile int tokenSize;

	/**
	 * The DER size of one of this authority's tokens (measured once on a token of its own): what a
	 * signature must leave room for. Tokens differ by a few bytes (serial number, time, signature).
	 */
	public int tokenSize() throws IOException {
		int size = tokenSize;
		if (size == 0) {
			size = stamp(new byte[32]).getEncoded().length;
			tokenSize = size;
		}
		return size;
	}

	/** Answers a DER-encoded TimeStampReq with a DER-encoded TimeStampResp (RFC 3161 §2.4). */
	public byte[] respond(byte[] requestDer) throws IOException {
		try {
			TimeStampRequest request = new TimeStampRequest(requestDer);
			TimeStampResponseGenerator generator = new TimeStampResponseGenerator(tokens.get(), TSPAlgorithms.ALLOWED);
			return generator.generate(request, BigInteger.valueOf(serial.incrementAndGet()), Date.from(clock.instant())).getEncoded();
		} catch (Exception e) {
			throw new IOException("bad timestamp request: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	/**
	 * A token over a SHA-256 imprint, without HTTP (what the issuer uses in process): the token is
	 * generated directly, without encoding a request and a response only to parse them again.
	 */
	public TimeStampToken stamp(byte[] sha256Imprint) throws IOException {
		TimeStampRequestGenerator g = new TimeStampRequestGenerator();
		g.setCertReq(true);
		TimeStampRequest request = g.generate(TSPAlgorithms.SHA256, sha256Imprint);
		try {
			return tokens.get().generate(request, BigInteger.valueOf(serial.incrementAndGet()), Date.from(clock.instant()));
		} catch (Exception e) {
			throw new IOException("the timestamp authority refused: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}
}
