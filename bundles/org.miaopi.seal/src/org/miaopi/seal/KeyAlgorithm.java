package org.miaopi.seal;

/**
 * Key algorithms for seals, officers and the demo root. Officers' decision keys are Ed25519: the
 * ledger check verifies every decision's signature, and Ed25519 verifies several times faster than
 * ECDSA P-256 on the JVM (docs/audit-ledger.md has the figures), with 64-byte signatures and
 * deterministic signing (no random number at signing time to get wrong).
 */
public enum KeyAlgorithm {
	EC_P256("EC", "SHA256withECDSA"), RSA_2048("RSA", "SHA256withRSA"), ED25519("Ed25519", "Ed25519");

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
		if ("Ed25519".equalsIgnoreCase(keyAlgorithmName) || "EdDSA".equalsIgnoreCase(keyAlgorithmName)) { //$NON-NLS-1$ //$NON-NLS-2$
			return ED25519;
		}
		return "RSA".equalsIgnoreCase(keyAlgorithmName) ? RSA_2048 : EC_P256;
	}
}
