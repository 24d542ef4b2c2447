package org.miaopi.seal;

/** Key algorithms for seals, officers and the demo root. */
public enum KeyAlgorithm {
	EC_P256("EC", "SHA256withECDSA"), RSA_2048("RSA", "SHA256withRSA");

	private final String keyType;
	private final String signatureAlgorithm;

	KeyAlgorithm(String keyType, String signatureAlgorithm) {
		this.keyType = keyType;
		this.signatureAlgorithm = signatureAlgorithm;
	}

	public String keyType() {
		return keyType;
	}

	/** JCA name of the signature algorithm used with keys of this type. */
	public String signatureAlgorithm() {
		return signatureAlgorithm;
	}

	public static KeyAlgorithm of(String keyAlgorithmName) {
		return "RSA".equalsIgnoreCase(keyAlgorithmName) ? RSA_2048 : EC_P256;
	}
}
