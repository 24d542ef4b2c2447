package org.miaopi.core.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/** SHA-256 of material content; the hash identifies a file independently of any dossier. */
public final class ContentHashing {

	/** The hash of some content together with the number of bytes hashed. */
	public record Digest(Sha256 sha256, long size) {
		public Digest {
			Objects.requireNonNull(sha256, "sha256");
			if (size < 0) {
				throw new IllegalArgumentException("size is negative: " + size);
			}
		}
	}

	private ContentHashing() {
	}

	public static Sha256 sha256(byte[] content) {
		Objects.requireNonNull(content, "content");
		return Sha256.of(newDigest().digest(content));
	}

	/** Reads the stream to its end; the caller keeps the duty to close it. */
	public static Digest digest(InputStream in) throws IOException {
		Objects.requireNonNull(in, "in");
		MessageDigest md = newDigest();
		byte[] buffer = new byte[64 * 1024];
		long size = 0;
		for (int n; (n = in.read(buffer)) != -1; ) {
			md.update(buffer, 0, n);
			size += n;
		}
		return new Digest(Sha256.of(md.digest()), size);
	}

	public static Digest digest(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return digest(in);
		}
	}

	static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			// Every Java SE platform must provide SHA-256; reaching this means a broken runtime.
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}
}
