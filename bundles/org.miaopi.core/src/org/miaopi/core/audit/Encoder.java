package org.miaopi.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The ledger's unambiguous encoding: every field as a 4-byte big-endian length followed by its
 * UTF-8 bytes (length -1 for null). Without the lengths, {@code ("ab","c")} and {@code ("a","bc")}
 * would encode alike. Shared by the chain and by the records it covers by digest. Reusable after
 * {@link #reset()}, so that a check of millions of events does not allocate a buffer per event.
 */
final class Encoder {
	private byte[] bytes = new byte[256];
	private int size;

	Encoder field(String value) {
		if (value == null) {
			length(-1);
			return this;
		}
		int n = value.length();
		ensure(4 + n);
		int start = size;
		length(n);
		for (int i = 0; i < n; i++) {
			char c = value.charAt(i);
			if (c >= 0x80) { // not ASCII: rewind and encode the whole value as UTF-8
				size = start;
				byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
				length(utf8.length);
				ensure(utf8.length);
				System.arraycopy(utf8, 0, bytes, size, utf8.length);
				size += utf8.length;
				return this;
			}
			bytes[size + i] = (byte) c;
		}
		size += n;
		return this;
	}

	Encoder length(int n) {
		ensure(4);
		bytes[size++] = (byte) (n >>> 24);
		bytes[size++] = (byte) (n >>> 16);
		bytes[size++] = (byte) (n >>> 8);
		bytes[size++] = (byte) n;
		return this;
	}

	private void ensure(int more) {
		if (size + more > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
		}
	}

	Encoder reset() {
		size = 0;
		return this;
	}

	void digestInto(MessageDigest md) {
		md.update(bytes, 0, size);
	}

	byte[] bytes() {
		return Arrays.copyOf(bytes, size);
	}
}
