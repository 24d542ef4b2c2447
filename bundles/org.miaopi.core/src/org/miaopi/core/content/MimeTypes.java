package org.miaopi.core.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognises the material formats the desks accept by their magic bytes, because the file
 * name an applicant or kiosk sends cannot be trusted.
 */
public final class MimeTypes {

	public static final String PDF = "application/pdf";
	public static final String PNG = "image/png";
	public static final String JPEG = "image/jpeg";

	/** How many leading bytes {@link #sniff(byte[])} needs to see. */
	public static final int HEAD_LENGTH = 8;

	private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
	private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
	private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

	private MimeTypes() {
	}

	/**
	 * The MIME type of content starting with {@code head}, or empty when it is none of the
	 * accepted formats. The PDF header is only looked for at offset 0, although some readers
	 * tolerate leading junk: such files are rare in practice and safer to reject.
	 */
	public static Optional<String> sniff(byte[] head) {
		Objects.requireNonNull(head, "head");
		if (startsWith(head, PDF_MAGIC)) {
			return Optional.of(PDF);
		}
		if (startsWith(head, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (startsWith(head, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		return Optional.empty();
	}

	/** Reads at most {@link #HEAD_LENGTH} bytes; the stream is left positioned after them. */
	public static Optional<String> sniff(InputStream in) throws IOException {
		return sniff(in.readNBytes(HEAD_LENGTH));
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content.length >= magic.length
				&& Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}
}
