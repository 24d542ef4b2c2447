package org.miaopi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * One SoftHSM2 token for the whole test run. SoftHSM reads its configuration once per process, when
 * the first PKCS#11 provider loads it: tokens made later in another directory would stay unseen, so
 * every test of a fragment shares this one (with its own key aliases). The fragment's pom sets
 * {@code SOFTHSM2_CONF} (the file this writes) for its test runtime.
 */
public final class SoftHsm {

	public static final String PIN = "1234";
	/** Debian's SoftHSM2 module. */
	public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
	private static long slot = -1;

	private SoftHsm() {
	}

	/** The token's slot; skips the calling test where SoftHSM2 is not installed (CI installs it). */
	public static synchronized long slot() throws Exception {
		Path util = Path.of("/usr/bin/softhsm2-util");
		Assumptions.assumeTrue(Files.isExecutable(util) && Files.isReadable(LIBRARY),
				"SoftHSM2 is not installed (Debian softhsm2); skipping the PKCS#11 test");
		String conf = System.getenv("SOFTHSM2_CONF");
		Assumptions.assumeTrue(conf != null, "SOFTHSM2_CONF is not set for this test runtime; skipping the PKCS#11 test");
		if (slot >= 0) {
			return slot;
		}
		Path tokens = Files.createDirectories(Path.of(conf).resolveSibling("softhsm-tokens"));
		try (var old = Files.list(tokens)) {
			for (Path p : (Iterable<Path>) old::iterator) {
				deleteTree(p); // a token left by an earlier run of this module
			}
		}
		Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
		Process init = new ProcessBuilder(util.toString(), "--init-token", "--free", "--label", "miaopi-test", "--pin", PIN, "--so-pin",
				"5678").redirectErrorStream(true).start();
		String said = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, init.waitFor(), said);
		Matcher m = Pattern.compile("slot (\\d+)").matcher(said);
		assertTrue(m.find(), said);
		slot = Long.parseLong(m.group(1));
		return slot;
	}

	private static void deleteTree(Path p) throws java.io.IOException {
		if (Files.isDirectory(p)) {
			try (var children = Files.list(p)) {
				for (Path c : (Iterable<Path>) children::iterator) {
					deleteTree(c);
				}
			}
		}
		Files.delete(p);
	}
}
