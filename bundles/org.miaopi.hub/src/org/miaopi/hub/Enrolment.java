package org.miaopi.hub;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.miaopi.hub.store.Desk;
import org.miaopi.hub.store.Desks.EnrolRefused;
import org.miaopi.hub.store.HubStore;
import org.miaopi.seal.SealService;

/**
 * A desk (or intake platform) enrols with a one-time code and a certificate request for a key it
 * made itself: the hub checks the request's signature (the desk holds the key), redeems the code
 * and has the Miaopi CA certify the key for the code's department, all or nothing.
 */
public final class Enrolment {

	/** How long a client certificate is valid. */
	public static final Duration VALIDITY = Duration.ofDays(2 * 365);
	private static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}"; //$NON-NLS-1$

	/** The client's certificate and the hub's trust anchor. */
	public record Issued(Desk desk, X509Certificate certificate, X509Certificate root) {
	}

	private final HubStore store;
	private final SealService seals;

	public Enrolment(HubStore store, SealService seals) {
		this.store = store;
		this.seals = seals;
	}

	/**
	 * @param csrDer the desk's PKCS#10 request (DER), its CN the desk's name
	 * @throws EnrolRefused with the reason, for a bad request or code
	 */
	public Issued enrol(String code, String deskName, byte[] csrDer) {
		String name = deskName == null ? "" : deskName.strip().toLowerCase(Locale.ROOT); //$NON-NLS-1$
		if (!name.matches(NAME_PATTERN)) {
			throw new EnrolRefused("a desk name is 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"); //$NON-NLS-1$
		}
		PublicKey key = checkedKey(csrDer, name);
		X509Certificate[] issued = new X509Certificate[1];
		Desk desk = store.desks().enrol(code, name, grant -> {
			String unit = grant.role() == Desk.Role.INTAKE ? "INTAKE" : grant.departmentCode(); //$NON-NLS-1$
			issued[0] = seals.certifyClient(key, name, unit, VALIDITY);
			return issued[0].getSerialNumber().toString(16);
		});
		return new Issued(desk, issued[0], seals.root());
	}

	private static PublicKey checkedKey(byte[] der, String name) {
		try {
			PKCS10CertificationRequest csr = new PKCS10CertificationRequest(der);
			PublicKey key = new JcaPEMKeyConverter().getPublicKey(csr.getSubjectPublicKeyInfo());
			if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()))) {
				throw new EnrolRefused("the certificate request's signature does not verify"); //$NON-NLS-1$
			}
			RDN[] cn = csr.getSubject().getRDNs(BCStyle.CN);
			if (cn.length != 1 || !IETFUtils.valueToString(cn[0].getFirst().getValue()).equalsIgnoreCase(name)) {
				throw new EnrolRefused("the certificate request must name the desk (CN=" + name + ")"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return key;
		} catch (EnrolRefused e) {
			throw e;
		} catch (Exception e) {
			throw new EnrolRefused("'csr' is not a PKCS#10 certificate request in Base64 DER"); //$NON-NLS-1$
		}
	}
}
