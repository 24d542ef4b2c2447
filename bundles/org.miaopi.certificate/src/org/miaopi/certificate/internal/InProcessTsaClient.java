package org.miaopi.certificate.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import org.miaopi.seal.TimestampAuthority;

import com.itextpdf.signatures.ITSAClient;

/** iText's timestamp client talking to the desk's timestamp authority in the same process. */
public final class InProcessTsaClient implements ITSAClient {

	private final TimestampAuthority tsa;

	public InProcessTsaClient(TimestampAuthority tsa) {
		this.tsa = tsa;
	}

	public TimestampAuthority authority() {
		return tsa;
	}

	/**
	 * The authority's own token size and a margin (serial numbers and times grow by a few bytes):
	 * the signature's space is reserved from it, and every reserved byte is written out twice, as hex.
	 */
	@Override
	public int getTokenSizeEstimate() {
		return tokenSizeEstimate(tsa, 256);
	}

	/** {@code tsa}'s token size and {@code margin} bytes; 4 KB if it cannot stamp (the stamp itself will fail and say why). */
	public static int tokenSizeEstimate(TimestampAuthority tsa, int margin) {
		try {
			return tsa.tokenSize() + margin;
		} catch (java.io.IOException e) {
			return 4096;
		}
	}

	@Override
	public MessageDigest getMessageDigest() throws GeneralSecurityException {
		return MessageDigest.getInstance("SHA-256"); //$NON-NLS-1$
	}

	@Override
	public byte[] getTimeStampToken(byte[] imprint) throws Exception {
		return tsa.stamp(imprint).getEncoded();
	}
}
