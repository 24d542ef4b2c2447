package org.miaopi.seal;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.miaopi.seal.internal.Pki;

/**
 * An officer's decision signed with the officer's key: a detached CMS signature over the
 * decision's canonical bytes ({@link CanonicalRecord}), kept beside the record and verifiable later.
 */
public final class DecisionSignature {

	private DecisionSignature() {
	}

	/** The result of checking a decision's signature, in plain words. */
	public record Verification(boolean valid, String signer, String explanation) {
	}

	public static byte[] sign(Seal officer, byte[] canonical) {
		try {
			CMSSignedDataGenerator g = new CMSSignedDataGenerator();
			g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(Pki.bc()).build())
					.build(Pki.signer(officer.key()), officer.certificate()));
			g.addCertificates(new JcaCertStore(List.of(officer.chain())));
			return g.generate(new CMSProcessableByteArray(canonical), false).getEncoded();
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot sign the decision: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	/** Checks the signature over exactly these bytes and that the signer's certificate chains to {@code root}. */
	public static Verification verify(byte[] canonical, byte[] signature, X509Certificate root) {
		try {
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(canonical), signature);
			Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
			if (signers.size() != 1) {
				return new Verification(false, null, "expected one signer, found " + signers.size()); //$NON-NLS-1$
			}
			SignerInformation si = signers.iterator().next();
			@SuppressWarnings("unchecked")
			Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(si.getSID());
			if (matches.isEmpty()) {
				return new Verification(false, null, "the signer's certificate is not in the signature"); //$NON-NLS-1$
			}
			X509Certificate cert = new JcaX509CertificateConverter().setProvider(Pki.bc()).getCertificate(matches.iterator().next());
			String who = cert.getSubjectX500Principal().getName();
			if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Pki.bc()).build(cert))) {
				return new Verification(false, who, "the decision was changed after it was signed, or the signature is damaged"); //$NON-NLS-1$
			}
			try {
				cert.verify(root.getPublicKey());
			} catch (Exception e) {
				return new Verification(false, who, "the signer's certificate was not issued by the Miaopi root"); //$NON-NLS-1$
			}
			return new Verification(true, who, "signed by " + who + ", unchanged since"); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (Exception e) {
			// a wrong decision, a damaged signature: the officer reads why, no stack trace
			return new Verification(false, null, "the signature does not match this decision: " + e.getMessage()); //$NON-NLS-1$
		}
	}
}
