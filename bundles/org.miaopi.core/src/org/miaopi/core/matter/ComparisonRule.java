package org.miaopi.core.matter;

import java.util.Objects;

import org.miaopi.core.model.SharedSource;

/**
 * One line of the 数据比对: a declared field against a field of the newest record of a source.
 *
 * @param id          stable id stored with each result, e.g. "hukou.address"
 * @param field       the declared field's key
 * @param source      the shared source consulted
 * @param recordField the field of the source's record compared with
 * @param kind        how both sides are normalised before comparing
 * @param maxAgeDays  a record older than this many days is STALE; 0 means any age is accepted
 */
public record ComparisonRule(String id, String field, SharedSource source, String recordField, ValueKind kind,
		int maxAgeDays) {

	public ComparisonRule {
		requireText(id, "id");
		requireText(field, "field");
		Objects.requireNonNull(source, "source");
		requireText(recordField, "recordField");
		Objects.requireNonNull(kind, "kind");
		if (maxAgeDays < 0) {
			throw new IllegalArgumentException("maxAgeDays is negative: " + maxAgeDays);
		}
	}

	static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is blank");
		}
		return value;
	}
}
