package org.miaopi.certificate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a certificate says, before it has a number: the holder, the matter, the issuing department
 * and the validity. (The core domain's CertificateRecord can map onto this later.)
 *
 * @param holderName     持证人, person or organisation
 * @param holderId       18-digit resident ID or 18-character unified social credit code
 * @param matterZh       事项 in Chinese, e.g. 食品经营许可证
 * @param matterEn       the matter in English
 * @param departmentCode code of the issuing department's seal, e.g. MKT
 * @param validFrom      first day of validity
 * @param validUntil     last day of validity
 * @param issueDate      发证日期
 */
public record CertificateRequest(String holderName, String holderId, String matterZh, String matterEn, String departmentCode,
		LocalDate validFrom, LocalDate validUntil, LocalDate issueDate) {

	public CertificateRequest {
		Objects.requireNonNull(holderName, "holderName"); //$NON-NLS-1$
		Objects.requireNonNull(holderId, "holderId"); //$NON-NLS-1$
		Objects.requireNonNull(matterZh, "matterZh"); //$NON-NLS-1$
		Objects.requireNonNull(departmentCode, "departmentCode"); //$NON-NLS-1$
		Objects.requireNonNull(validFrom, "validFrom"); //$NON-NLS-1$
		Objects.requireNonNull(validUntil, "validUntil"); //$NON-NLS-1$
		Objects.requireNonNull(issueDate, "issueDate"); //$NON-NLS-1$
		if (validUntil.isBefore(validFrom)) {
			throw new IllegalArgumentException("validity ends before it starts"); //$NON-NLS-1$
		}
	}
}
