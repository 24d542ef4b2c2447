package org.miaopi.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file only its owner can read (passwords, keys, a boot secret): created with mode 600 from its
 * first byte, never written first and restricted after, so no other account on a shared desk can
 * open it in between. Where the file system has no POSIX modes (Windows) the home directory's
 * rights are all there is, and the file is written as any other.
 */
public final class OwnerOnlyFile {

	private OwnerOnlyFile() {
	}

	/**
	 * Creates the file, empty and owner-only.
	 *
	 * @throws FileAlreadyExistsException it exists (two processes creating it: one wins)
	 */
	public static Path create(Path file) throws IOException {
		return Files.createFile(file, attributes());
	}

	/** Writes {@code text} (UTF-8) as the whole file, which is owner-only before anything is written to it. */
	public static void write(Path file, CharSequence text) throws IOException {
		if (Files.exists(file)) {
			restrict(file);
		} else {
			create(file);
		}
		Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
	}

	/**
	 * Replaces the file whole or not at all: the bytes go to an owner-only temporary file beside it,
	 * flushed to disk, which then takes the file's name.
	 */
	public static void replace(Path file, byte[] bytes) throws IOException {
		Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp", attributes()); //$NON-NLS-1$
		try {
			Files.write(tmp, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
			try {
				Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix"); //$NON-NLS-1$
	}

	private static FileAttribute<?>[] attributes() {
		return posix() ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) } //$NON-NLS-1$
				: new FileAttribute<?>[0];
	}

	private static void restrict(Path file) throws IOException {
		if (posix()) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------")); //$NON-NLS-1$
		}
	}
}
