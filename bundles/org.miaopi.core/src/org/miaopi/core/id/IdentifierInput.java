package org.miaopi.core.id;

import java.util.Arrays;
import java.util.Locale;

/** Shared clean-up of typed or scanned identifiers and construction of refusals. */
final class IdentifierInput {

	private IdentifierInput() {
	}

	/**
	 * Strips surrounding whitespace (including the ideographic space U+3000), folds full-width
	 * ASCII (as produced by Chinese input methods) to half-width, and upper-cases letters.
	 * Returns {@code null} for null input.
	 */
	static String normalize(String raw) {
		if (raw == null) {
			return null;
		}
		String stripped = raw.strip();
		StringBuilder out = new StringBuilder(stripped.length());
		for (int i = 0; i < stripped.length(); i++) {
			char c = stripped.charAt(i);
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			out.append(c);
		}
		return out.toString().toUpperCase(Locale.ROOT);
	}

	static InvalidIdentifierException refuse(InvalidIdentifierException.Problem problem,
			String key, Object... arguments) {
		return new InvalidIdentifierException(problem, key,
				Arrays.stream(arguments).map(String::valueOf).toList());
	}

	/** A character as a message shows it; invisible ones are written as their code point. */
	static String show(char c) {
		return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
				? String.format("U+%04X", (int) c)
				: String.valueOf(c);
	}
}
