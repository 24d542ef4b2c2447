package org.miaopi.core.model;

import java.time.Instant;
import java.time.LocalDate;

import org.miaopi.core.content.Sha256;

/**
 * The register entry of an issued electronic licence (电子证照); the sealed PDF itself is
 * identified by {@code documentSha256}.
 *
 * @param validTo last day of validity, inclusive; null for a licence without expiry (长期有效)
 * @param revocationReason required exactly when {@code revoked}
 */
public record CertificateRecord(String number, String dossierNo, Applicant holder, String matterCode,
		Instant issuedAt, LocalDate validFrom, LocalDate validTo, String departmentCode, Sha256 documentSha256,
		boolean revoked, String revocationReason) {

	public CertificateRecord {
		Checks.text(number, "number");
		Checks.text(dossierNo, "dossierNo");
		Checks.present(holder, "holder");
		Checks.text(matterCode, "matterCode");
		Checks.present(issuedAt, "issuedAt");
		Checks.present(validFrom, "validFrom");
		if (validTo != null && validTo.isBefore(validFrom)) {
			throw new IllegalArgumentException("valid to " + validTo + " is before valid from " + validFrom);
		}
		Checks.text(departmentCode, "departmentCode");
		Checks.present(documentSha256, "documentSha256");
		Checks.optionalText(revocationReason, "revocationReason");
		if (revoked != (revocationReason != null)) {
			throw new IllegalArgumentException(revoked ? "a revocation needs a reason" : "only a revoked certificate has a revocation reason");
		}
	}

	public CertificateRecord revoke(String reason) {
		if (revoked) {
			throw new IllegalStateException("certificate " + number + " is already revoked: " + revocationReason);
		}
		return new CertificateRecord(number, dossierNo, holder, matterCode, issuedAt, validFrom, validTo,
				departmentCode, documentSha256, true, Checks.text(reason, "reason"));
	}

	/** Whether the licence is in force on {@code date} (a Beijing date). */
	public boolean isValidOn(LocalDate date) {
		return !revoked && !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
	}
}
