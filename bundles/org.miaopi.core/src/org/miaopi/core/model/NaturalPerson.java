package org.miaopi.core.model;

import org.miaopi.core.id.ResidentId;

public record NaturalPerson(ResidentId residentId, String name) implements Applicant {

	public NaturalPerson {
		Checks.present(residentId, "residentId");
		Checks.text(name, "name");
	}

	@Override
	public String subjectId() {
		return residentId.value();
	}
}
