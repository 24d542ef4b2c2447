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
