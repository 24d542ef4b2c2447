package org.miaopi.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The register of certificate numbers (证照库): allocates numbers that are never handed out twice,
 * even across a crash, and records what became of each one. The file-based implementation lives in
 * the Miaopi home; the store can provide a database-backed one behind the same interface.
 */
public interface CertificateRegistry {

	enum Status {
		/** Sealed, written and valid. */
		ISSUED,
		/** Revoked by an officer, with a reason. */
		REVOKED,
		/** Allocated but the issuance failed; the number stays used, so it is never given again. */
		VOID
	}

	/** One number's current state. {@code sha256} is the digest of the issued PDF file. */
	record Entry(String number, Status status, Instant when, String sha256, String departmentCode, String note) {
	}

	/** A new number for the department; durable before it is returned. */
	String allocate(String departmentCode, int year);

	void recordIssued(String number, String departmentCode, String sha256);

	void recordVoid(String number, String why);

	void recordRevoked(String number, String reason, String officerId);

	Optional<Entry> lookup(String number);

	List<Entry> entries();
}
