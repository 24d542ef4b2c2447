package org.miaopi.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.Product;

class MiaopiHomeTest {

	@TempDir
	Path tmp;

	@AfterEach
	void clearProperty() {
		System.clearProperty(MiaopiHome.PROPERTY);
	}

	@Test
	void systemPropertyChoosesTheHome() {
		System.setProperty(MiaopiHome.PROPERTY, tmp.resolve("desk").toString());
		assertEquals(tmp.resolve("desk"), MiaopiHome.current().root());
	}

	@Test
	void homeIsCreatedReadableByItsOwnerOnly() throws Exception {
		MiaopiHome home = MiaopiHome.at(tmp.resolve("a/b")).ensureExists();
		assertTrue(Files.isDirectory(home.root()));
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.root())));
	}

	@Test
	void displayNameFollowsTheLocale() {
		assertEquals("Miaopi (秒批)", Product.displayName(Locale.ENGLISH));
		assertEquals("秒批 (Miaopi)", Product.displayName(Locale.SIMPLIFIED_CHINESE));
	}
}
