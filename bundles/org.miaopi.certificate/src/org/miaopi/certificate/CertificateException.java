package org.miaopi.certificate;

/** Issuance or revocation refused; the code lets the UI explain it in the officer's language. */
public class CertificateException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public enum Code {
		UNKNOWN_NUMBER, ALREADY_REVOKED, NOT_ISSUED, ISSUANCE_FAILED, REGISTRY_FAILED, NOT_APPROVED, NOT_ALLOWED
	}

	private final Code code;

	public CertificateException(Code code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	public CertificateException(Code code, String message) {
		this(code, message, null);
	}

	public Code code() {
		return code;
	}
}
