package org.miaopi.core.model;

import org.miaopi.core.id.UnifiedSocialCreditCode;

/** An enterprise or organisation, represented by its legal representative (法定代表人). */
public record LegalPerson(UnifiedSocialCreditCode creditCode, String name, String legalRepresentative)
		implements Applicant {

	public LegalPerson {
		Checks.present(creditCode, "creditCode");
		Checks.text(name, "name");
		Checks.text(legalRepresentative, "legalRepresentative");
	}

	@Override
	public String subjectId() {
		return creditCode.value();
	}
}
