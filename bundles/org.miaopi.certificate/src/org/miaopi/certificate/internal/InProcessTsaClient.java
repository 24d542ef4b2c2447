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

	@Override
	public int getTokenSizeEstimate() {
		return 4096;
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
