package org.miaopi.core.model;

import java.time.Instant;

/** Points at the shared record a decision or a replaced material relied on, as of when. */
public record SharedRecordRef(SharedSource source, String subjectId, Instant asOf) {

	public SharedRecordRef {
		Checks.present(source, "source");
		Checks.text(subjectId, "subjectId");
		Checks.present(asOf, "asOf");
	}
}
