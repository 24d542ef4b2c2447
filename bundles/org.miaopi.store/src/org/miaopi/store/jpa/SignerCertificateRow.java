package org.miaopi.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An officer's certificate, once, under its SHA-256: decisions' signatures refer to it. */
@Entity
@Table(name = "SIGNER_CERTIFICATE")
public class SignerCertificateRow {
	@Id
	@Column(name = "FINGERPRINT")
	String fingerprint;
	/** Base64 of the DER encoding. */
	@Column(name = "DER")
	String der;

	public static SignerCertificateRow of(String fingerprint, byte[] der) {
		SignerCertificateRow r = new SignerCertificateRow();
		r.fingerprint = fingerprint;
		r.der = java.util.Base64.getEncoder().encodeToString(der);
		return r;
	}
}
