package org.miaopi.certificate;

import java.nio.file.Path;

/**
 * A certificate sealed in memory and not yet on disk: its number is allocated, so it ends either
 * recorded ISSUED (file written) or VOID, never left unaccounted for while the process lives.
 *
 * @param note the register line's note (the dossier it is issued for), or ""
 */
record Sealed(String departmentCode, CertificateContent content, byte[] bytes, String sha256, Path directory, String note) {

	String number() {
		return content.number();
	}

	Path target() {
		return file(directory, number());
	}

	/** Where certificate {@code number} is issued into {@code directory}. */
	static Path file(Path directory, String number) {
		return directory.resolve(number + ".pdf"); //$NON-NLS-1$
	}

	/** Written first, renamed to {@link #target()} once durable: a reader never sees half a file. */
	Path part() {
		return directory.resolve("." + number() + ".pdf.part"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	IssuedCertificate issued() {
		return new IssuedCertificate(target(), content, sha256);
	}
}
