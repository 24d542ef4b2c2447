package org.miaopi.core.supervision;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a dossier as its audit event recorded it: the event type (e.g. {@code dossier.pre-checked})
 * and when. Supervision reads stage boundaries from these, never from the dossier's current row alone,
 * so a reassignment or a hold does not reset the time a case has been open.
 *
 * @param details the event's details that supervision reads (e.g. {@code supplementDue}); may be empty
 */
public record Mark(String type, Instant time, Map<String, String> details) {

	public Mark {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(time, "time");
		details = details == null ? Map.of() : Map.copyOf(details);
	}

	public Mark(String type, Instant time) {
		this(type, time, Map.of());
	}
}
