package org.miaopi.hub.store;

import java.time.Instant;
import java.util.Map;

/** What one shared-data source said about one subject at one moment (the desks' cache of it). */
public record HubRecord(String source, String subjectId, Instant asOf, Map<String, String> fields) {

	public HubRecord {
		fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
	}
}
