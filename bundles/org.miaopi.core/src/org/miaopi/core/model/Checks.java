package org.miaopi.core.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Argument checks shared by the records' compact constructors. */
final class Checks {

	private Checks() {
	}

	static String text(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is blank");
		}
		return value;
	}

	static String optionalText(String value, String name) {
		if (value != null && value.isBlank()) {
			throw new IllegalArgumentException(name + " is blank; use null for none");
		}
		return value;
	}

	static <T> T present(T value, String name) {
		return Objects.requireNonNull(value, () -> name + " is null");
	}

	/** An unmodifiable copy that keeps the caller's order (forms show fields in it). */
	static Map<String, String> orderedCopy(Map<String, String> map, String name) {
		present(map, name);
		Map<String, String> copy = new LinkedHashMap<>();
		map.forEach((k, v) -> copy.put(text(k, name + " key"), present(v, name + " value of " + k)));
		return Collections.unmodifiableMap(copy);
	}

	static List<String> texts(Collection<String> values, String name) {
		present(values, name);
		return values.stream().map(v -> text(v, name + " element")).toList();
	}
}
