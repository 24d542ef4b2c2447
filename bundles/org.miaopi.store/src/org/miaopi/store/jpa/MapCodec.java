package org.miaopi.store.jpa;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ordered string maps as text: one "key TAB value" per line, with backslash escapes for
 * backslash, tab and newline. Human-readable in a database browser and keeps the order.
 */
public final class MapCodec {

	private MapCodec() {
	}

	public static String encode(Map<String, String> map) {
		StringBuilder b = new StringBuilder();
		map.forEach((k, v) -> b.append(escape(k)).append('\t').append(escape(v)).append('\n'));
		return b.toString();
	}

	public static Map<String, String> decode(String text) {
		Map<String, String> map = new LinkedHashMap<>();
		if (text == null || text.isEmpty()) {
			return map;
		}
		for (String line : text.split("\n")) {
			int tab = line.indexOf('\t');
			if (tab < 0) {
				throw new IllegalStateException("damaged map line in the store: " + line);
			}
			map.put(unescape(line.substring(0, tab)), unescape(line.substring(tab + 1)));
		}
		return map;
	}

	/**
	 * The same map as {@link #decode}, as alternating keys and values in stored order, without a
	 * map: for reading millions of rows. Null where {@link #decode} would refuse the text (a line
	 * without a tab, an empty line before the last).
	 */
	public static String[] pairs(String text) {
		if (text == null || text.isEmpty()) {
			return new String[0];
		}
		String[] out = new String[8];
		int n = 0;
		int start = 0;
		int length = text.length();
		while (start < length) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = length;
			}
			if (end == start) { // an empty line: only trailing ones are dropped (as String.split does)
				for (int i = start; i < length; i++) {
					if (text.charAt(i) != '\n') {
						return null;
					}
				}
				break;
			}
			int tab = text.indexOf('\t', start);
			if (tab < 0 || tab > end) {
				return null;
			}
			if (n + 2 > out.length) {
				out = java.util.Arrays.copyOf(out, out.length * 2);
			}
			out[n++] = unescape(text.substring(start, tab));
			out[n++] = unescape(text.substring(tab + 1, end));
			start = end + 1;
		}
		return n == out.length ? out : java.util.Arrays.copyOf(out, n);
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
	}

	private static String unescape(String s) {
		if (s.indexOf('\\') < 0) {
			return s;
		}
		StringBuilder b = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\' && i + 1 < s.length()) {
				char n = s.charAt(++i);
				b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
			} else {
				b.append(c);
			}
		}
		return b.toString();
	}
}
