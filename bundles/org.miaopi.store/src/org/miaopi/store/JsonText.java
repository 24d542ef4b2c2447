package org.miaopi.store;

import java.util.Collection;
import java.util.Map;

/**
 * A small JSON writer for outbox payloads (the store carries no JSON library). Canonical: members
 * in the order written (maps sorted by their caller), no white space, strings escaped as RFC 8259
 * requires and nothing more (non-ASCII text stays UTF-8), numbers as Java prints a long.
 */
final class JsonText {

	private final StringBuilder out = new StringBuilder(256);
	/** Whether the next member or element needs a comma before it. */
	private boolean comma;

	JsonText begin() {
		separate();
		out.append('{');
		comma = false;
		return this;
	}

	JsonText end() {
		out.append('}');
		comma = true;
		return this;
	}

	JsonText key(String name) {
		separate();
		string(name);
		out.append(':');
		comma = false;
		return this;
	}

	JsonText object(String name) {
		return key(name).begin();
	}

	JsonText put(String name, String value) {
		key(name);
		if (value == null) {
			out.append("null");
		} else {
			string(value);
		}
		comma = true;
		return this;
	}

	JsonText put(String name, long value) {
		key(name);
		out.append(value);
		comma = true;
		return this;
	}

	JsonText put(String name, boolean value) {
		key(name);
		out.append(value);
		comma = true;
		return this;
	}

	JsonText put(String name, Collection<String> values) {
		key(name);
		out.append('[');
		boolean first = true;
		for (String v : values) {
			if (!first) {
				out.append(',');
			}
			string(v);
			first = false;
		}
		out.append(']');
		comma = true;
		return this;
	}

	/** A map of strings as an object, in the map's own order. */
	JsonText put(String name, Map<String, String> values) {
		object(name);
		values.forEach(this::put);
		return end();
	}

	/** Text that is already JSON, as the value of the key just written. */
	JsonText raw(String json) {
		out.append(json);
		comma = true;
		return this;
	}

	private void separate() {
		if (comma) {
			out.append(',');
		}
	}

	private void string(String s) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
			case '"' -> out.append("\\\"");
			case '\\' -> out.append("\\\\");
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			case '\b' -> out.append("\\b");
			case '\f' -> out.append("\\f");
			default -> {
				if (c < 0x20) {
					out.append(String.format("\\u%04x", (int) c));
				} else {
					out.append(c);
				}
			}
			}
		}
		out.append('"');
	}

	@Override
	public String toString() {
		return out.toString();
	}
}
