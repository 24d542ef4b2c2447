package org.miaopi.seal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical bytes of a record that is signed (an officer's decision): fields sorted by name,
 * one {@code name=value} line each, Unicode NFC, UTF-8, with backslash, CR and LF escaped. The same
 * fields always give the same bytes, whatever map or locale they came from.
 */
public final class CanonicalRecord {

	private CanonicalRecord() {
	}

	public static byte[] bytes(Map<String, String> fields) {
		StringBuilder b = new StringBuilder();
		for (Map.Entry<String, String> e : new TreeMap<>(fields).entrySet()) {
			b.append(escape(e.getKey())).append('=').append(escape(e.getValue() == null ? "" : e.getValue())).append('\n'); //$NON-NLS-1$
		}
		return Normalizer.normalize(b, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("=", "\\="); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
	}
}
