package org.miaopi.checks;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.miaopi.core.matter.ValueKind;

/**
 * Brings declared and recorded values to one form before they are compared, so that notation
 * (full-width digits, spaces, x/X, date styles, address prefixes) never reads as a mismatch.
 * Pure and thread-safe.
 */
public final class Normalizers {

	private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[年/.\\-]\\s*(\\d{1,2})\\s*[月/.\\-]\\s*(\\d{1,2})\\s*日?");
	private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
	private static final String[] ADDRESS_PREFIXES = { "中华人民共和国", "中国", "广东省", "广东", "深圳市", "深圳" };

	private Normalizers() {
	}

	/** Full-width ASCII to half-width, ideographic space to space, whitespace removed. */
	public static String text(String value) {
		StringBuilder b = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			if (c == '\u3000' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				continue;
			}
			b.append(c);
		}
		return b.toString();
	}

	/** A resident ID or credit code: text, upper case (the check character x is X). */
	public static String identifier(String value) {
		return text(value).toUpperCase(java.util.Locale.ROOT);
	}

	/** Minority names are written with several middle dots (·•‧・); they are one. */
	public static String name(String value) {
		return text(value).replace('•', '·').replace('‧', '·').replace('・', '·').replace('.', '·');
	}

	/**
	 * 2025年3月1日, 2025/3/1, 2025.3.1, 20250301 and 2025-03-01 give 2025-03-01.
	 *
	 * @return the ISO date, or null when the value is no date
	 */
	public static String date(String value) {
		String t = text(value);
		Matcher m = DATE.matcher(t);
		if (!m.matches()) {
			m = COMPACT_DATE.matcher(t);
			if (!m.matches()) {
				return null;
			}
		}
		try {
			return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
					.toString();
		} catch (DateTimeException | NumberFormatException e) {
			return null;
		}
	}

	/** Address text without the province/city prefixes every Shenzhen address shares. */
	public static String address(String value) {
		String t = text(value).replace('（', '(').replace('）', ')');
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String p : ADDRESS_PREFIXES) {
				if (t.startsWith(p)) {
					t = t.substring(p.length());
					stripped = true;
				}
			}
		}
		return t;
	}

	/**
	 * Whether two normalised addresses name the same place: equal, or one is the other at a
	 * finer level (building, room) — provided the coarser one reaches a house number (号), so
	 * "福田区" alone never matches a full address.
	 */
	public static boolean sameAddress(String a, String b) {
		if (a.equals(b)) {
			return true;
		}
		String shorter = a.length() < b.length() ? a : b;
		String longer = shorter == a ? b : a;
		return longer.startsWith(shorter)
				&& (shorter.endsWith("号") || shorter.endsWith("栋") || shorter.endsWith("室"));
	}

	/**
	 * A number without leading zeros or a trailing .0; null when the value is no plain decimal.
	 * Exponents are refused: "1e999999999" would otherwise expand to a billion digits.
	 */
	public static String number(String value) {
		String t = text(value).replace(",", "");
		if (t.length() > 40 || !PLAIN_NUMBER.matcher(t).matches()) {
			return null;
		}
		return new java.math.BigDecimal(t).stripTrailingZeros().toPlainString();
	}

	/** @return the normal form, or null when the value is malformed for its kind */
	public static String normalize(ValueKind kind, String value) {
		if (value == null) {
			return null;
		}
		String n = switch (kind) {
			case TEXT -> text(value);
			case NAME -> name(value);
			case IDENTIFIER -> identifier(value);
			case DATE -> date(value);
			case ADDRESS -> address(value);
			case NUMBER -> number(value);
		};
		return n == null || n.isEmpty() ? null : n;
	}

	/** Whether two normal forms of {@code kind} are the same value. */
	public static boolean same(ValueKind kind, String a, String b) {
		return kind == ValueKind.ADDRESS ? sameAddress(a, b) : a.equals(b);
	}
}
