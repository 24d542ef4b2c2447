package org.miaopi.core.tests.model;

import java.time.LocalDate;

import org.miaopi.core.id.ResidentId;
import org.miaopi.core.id.UnifiedSocialCreditCode;
import org.miaopi.core.model.LegalPerson;
import org.miaopi.core.model.NaturalPerson;

/** Valid applicants for model tests. */
final class Samples {

	static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

	static final NaturalPerson PERSON =
			new NaturalPerson(ResidentId.parse("11010519491231002X", TODAY), "王芳");

	static final LegalPerson COMPANY = new LegalPerson(
			UnifiedSocialCreditCode.parse("91350100M000100Y43"), "福州示例药房有限公司", "李明");

	private Samples() {
	}
}
