package org.miaopi.core.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.miaopi.core.id.ResidentId;
import org.miaopi.core.id.UnifiedSocialCreditCode;

/** The kind of value a declared field holds; declared data travel as strings in these formats. */
public enum FieldType {
	TEXT,
	/** Decimal digits with an optional minus sign. */
	INTEGER,
	/** A plain decimal number such as 1234.50 (no grouping, no exponent). */
	DECIMAL,
	/** ISO-8601 yyyy-MM-dd. */
	DATE,
	/** true or false. */
	BOOLEAN,
	RESIDENT_ID,
	CREDIT_CODE;

	/** Whether {@code value} is well-formed for this type; it says nothing about its truth. */
	public boolean accepts(String value) {
		if (value == null) {
			return false;
		}
		return switch (this) {
			case TEXT -> !value.isBlank();
			case INTEGER -> value.matches("-?\\d{1,18}");
			case DECIMAL -> value.matches("-?\\d+(\\.\\d+)?");
			case DATE -> isDate(value);
			case BOOLEAN -> value.equals("true") || value.equals("false");
			case RESIDENT_ID -> ResidentId.validate(value).isValid();
			case CREDIT_CODE -> UnifiedSocialCreditCode.validate(value).isValid();
		};
	}

	private static boolean isDate(String value) {
		try {
			LocalDate.parse(value);
			return true;
		} catch (DateTimeParseException e) {
			return false;
		}
	}
}
