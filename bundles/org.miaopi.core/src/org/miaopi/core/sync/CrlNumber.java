package org.miaopi.core.sync;

import java.math.BigInteger;
import java.security.cert.X509CRL;

/**
 * A CRL's number (RFC 5280 §5.2.3, the {@code cRLNumber} extension): what the hub and the desk
 * compare to tell a CRL the desk holds from a newer one without sending it again.
 */
public final class CrlNumber {

	private static final String OID = "2.5.29.20"; //$NON-NLS-1$

	private CrlNumber() {
	}

	/** The CRL's number; its this-update time in milliseconds for a CRL without one. */
	public static BigInteger of(X509CRL crl) {
		byte[] ext = crl.getExtensionValue(OID);
		// OCTET STRING { INTEGER }: 04 len 02 len value, short lengths (a number of at most 20 octets)
		if (ext != null && ext.length > 4 && ext[0] == 0x04 && ext[2] == 0x02 && ext[3] > 0 && ext.length == 4 + ext[3]) {
			return new BigInteger(java.util.Arrays.copyOfRange(ext, 4, ext.length));
		}
		return BigInteger.valueOf(crl.getThisUpdate().getTime());
	}
}
