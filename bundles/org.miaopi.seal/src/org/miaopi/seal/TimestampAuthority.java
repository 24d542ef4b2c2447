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
import org.bouncycastle.tsp.TimeStampResponse;
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

	private final TimeStampResponseGenerator generator;
	private final X509Certificate certificate;
	private final Clock clock;
	private final AtomicLong serial = new AtomicLong(System.currentTimeMillis() * 1000);

	public TimestampAuthority(PrivateKey key, X509Certificate certificate, Clock clock) {
		this.certificate = certificate;
		this.clock = clock;
		try {
			SignerInfoGenerator sig = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(Pki.bc())
					.build(KeyAlgorithm.of(key.getAlgorithm()).signatureAlgorithm(), key, certificate);
			TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(sig,
					new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
					POLICY);
			tokens.addCertificates(new JcaCertStore(List.of(certificate)));
			generator = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot set up the timestamp authority: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	public X509Certificate certificate() {
		return certificate;
	}

	/** Answers a DER-encoded TimeStampReq with a DER-encoded TimeStampResp (RFC 3161 §2.4). */
	public byte[] respond(byte[] requestDer) throws IOException {
		try {
			TimeStampRequest request = new TimeStampRequest(requestDer);
			TimeStampResponse response;
			// the generator is not documented as thread-safe; a response takes well under a millisecond
			synchronized (generator) {
				response = generator.generate(request, BigInteger.valueOf(serial.incrementAndGet()), Date.from(clock.instant()));
			}
			return response.getEncoded();
		} catch (Exception e) {
			throw new IOException("bad timestamp request: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	/** A token over a SHA-256 imprint, without HTTP (what the issuer uses in process). */
	public TimeStampToken stamp(byte[] sha256Imprint) throws IOException {
		TimeStampRequestGenerator g = new TimeStampRequestGenerator();
		g.setCertReq(true);
		TimeStampRequest request = g.generate(TSPAlgorithms.SHA256, sha256Imprint, BigInteger.valueOf(serial.incrementAndGet()));
		try {
			TimeStampResponse response = new TimeStampResponse(respond(request.getEncoded()));
			response.validate(request);
			return response.getTimeStampToken();
		} catch (Exception e) {
			throw new IOException("the timestamp authority refused: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}
}
