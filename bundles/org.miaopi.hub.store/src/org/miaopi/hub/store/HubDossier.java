package org.miaopi.hub.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dossier as the hub holds it: what the intake platform submitted, routed to a department.
 * Checked before it gets here (the hub's intake validates); the store keeps it as it is.
 *
 * @param id                the hub's id, growing with every import (0 before it is stored)
 * @param themeCode         the theme (一件事) this dossier is a member of, or null
 * @param themeSubmissionId the intake platform's id of the theme application, or null
 * @param applicantKind     'N' natural person (resident ID), 'L' legal person (credit code)
 * @param legalRepresentative for a legal person; null for a natural person
 */
public record HubDossier(long id, String submissionId, String departmentCode, String matterCode, String themeCode,
		String themeSubmissionId, char applicantKind, String subjectId, String applicantName, String legalRepresentative,
		Map<String, String> declared, List<HubMaterial> materials, Instant submittedAt, Instant receivedAt) {

	public HubDossier {
		declared = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(declared));
		materials = List.copyOf(materials);
	}

	public HubDossier withId(long newId, Instant received) {
		return new HubDossier(newId, submissionId, departmentCode, matterCode, themeCode, themeSubmissionId, applicantKind,
				subjectId, applicantName, legalRepresentative, declared, materials, submittedAt, received);
	}
}
