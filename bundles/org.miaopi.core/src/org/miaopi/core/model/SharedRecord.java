package org.miaopi.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What one data source said about one subject at one moment. */
public record SharedRecord(SharedSource source, String subjectId, Map<String, String> fields, Instant asOf) {

	public SharedRecord {
		Checks.present(source, "source");
		Checks.text(subjectId, "subjectId");
		fields = Checks.orderedCopy(fields, "fields");
		Checks.present(asOf, "asOf");
	}

	public Optional<String> field(String key) {
		return Optional.ofNullable(fields.get(key));
	}

	public SharedRecordRef ref() {
		return new SharedRecordRef(source, subjectId, asOf);
	}
}
