package org.miaopi.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.OwnerOnlyFile;

class OwnerOnlyFileTest {

	@TempDir
	Path tmp;

	private static String mode(Path f) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
	}

	@Test
	void aNewFileIsTheOwnersOnlyAndASecondCreateIsRefused() throws Exception {
		Path f = OwnerOnlyFile.create(tmp.resolve("boot.key"));
		assertEquals("rw-------", mode(f));
		assertThrows(FileAlreadyExistsException.class, () -> OwnerOnlyFile.create(f), "two creators: one wins");
	}

	@Test
	void writingAWiderFileMakesItTheOwnersOnlyAndReplacesItsText() throws Exception {
		Path f = tmp.resolve("logins.txt");
		Files.writeString(f, "an old, longer text that anyone could read\n");
		Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
		OwnerOnlyFile.write(f, "李娜\tpassword\n");
		assertEquals("rw-------", mode(f));
		assertEquals("李娜\tpassword\n", Files.readString(f, StandardCharsets.UTF_8));
		OwnerOnlyFile.write(tmp.resolve("new.txt"), "x");
		assertEquals("rw-------", mode(tmp.resolve("new.txt")));
	}

	@Test
	void replaceLeavesTheWholeNewFileOwnerOnlyAndNoTemporaryBeside() throws Exception {
		Path f = tmp.resolve("identity.p12");
		Files.write(f, new byte[] { 9, 9, 9, 9 });
		Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
		OwnerOnlyFile.replace(f, new byte[] { 1, 2 });
		assertArrayEquals(new byte[] { 1, 2 }, Files.readAllBytes(f));
		assertEquals("rw-------", mode(f), "the new file is the temporary one, created owner-only");
		try (var files = Files.list(tmp)) {
			assertEquals(1, files.count());
		}
	}
}
