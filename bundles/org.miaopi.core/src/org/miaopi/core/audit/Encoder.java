package org.miaopi.core.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The ledger's unambiguous encoding: every field as a 4-byte big-endian length followed by its
 * UTF-8 bytes (length -1 for null). Without the lengths, {@code ("ab","c")} and {@code ("a","bc")}
 * would encode alike. Shared by the chain and by the records it covers by digest.
 */
final class Encoder {
	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

	Encoder field(String value) {
		if (value == null) {
			length(-1);
			return this;
		}
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		length(utf8.length);
		bytes.writeBytes(utf8);
		return this;
	}

	Encoder length(int n) {
		bytes.write(n >>> 24);
		bytes.write(n >>> 16);
		bytes.write(n >>> 8);
		bytes.write(n);
		return this;
	}

	byte[] bytes() {
		return bytes.toByteArray();
	}
}
