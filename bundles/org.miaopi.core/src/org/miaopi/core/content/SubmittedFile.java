package org.miaopi.core.content;

import java.util.Objects;

/**
 * A file as an applicant (or a kiosk) handed it in. Its name and declared type are hints only: the
 * type that counts is the one its bytes show ({@link MimeTypes#sniff(byte[])}).
 *
 * @param declaredType the MIME type the sender declared, or null
 */
public record SubmittedFile(String fileName, String declaredType, byte[] content) {

	public SubmittedFile {
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(content, "content");
	}
}
