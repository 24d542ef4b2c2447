package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.ui.lifecycle.PersistedLayout;
import org.miaopi.ui.lifecycle.PersistedLayout.Kind;

class PersistedLayoutTest {

	@TempDir
	Path workspace;

	@Test
	void aCorruptLayoutIsMovedAsideAndKeptForInspection() throws Exception {
		PersistedLayout layout = new PersistedLayout(workspace);
		Files.createDirectories(layout.modelFile().getParent());
		Files.writeString(layout.modelFile(), "<application:Application xmi:version=\"2.0\"><children"); // cut off by a crash
		PersistedLayout.Outcome outcome = layout.check("0.1.0");
		assertEquals(Kind.CORRUPT_MOVED, outcome.kind());
		assertFalse(Files.exists(layout.modelFile()), "e4 starts from the default layout");
		assertTrue(Files.readString(outcome.movedTo()).endsWith("<children"), "the broken file is kept");
	}

	@Test
	void aGoodLayoutOfTheSameVersionIsKept() throws Exception {
		PersistedLayout layout = new PersistedLayout(workspace);
		assertEquals(Kind.NONE, layout.check("0.1.0").kind());
		Files.createDirectories(layout.modelFile().getParent());
		Files.writeString(layout.modelFile(), "<?xml version=\"1.0\"?><application/>");
		assertEquals(Kind.KEPT, layout.check("0.1.0").kind());
		assertTrue(Files.exists(layout.modelFile()));
	}

	@Test
	void aLayoutWrittenByAnotherVersionIsReplacedByTheDefault() throws Exception {
		PersistedLayout layout = new PersistedLayout(workspace);
		layout.check("0.1.0");
		Files.createDirectories(layout.modelFile().getParent());
		Files.writeString(layout.modelFile(), "<?xml version=\"1.0\"?><application/>");
		PersistedLayout.Outcome outcome = layout.check("0.2.0");
		assertEquals(Kind.OTHER_VERSION_MOVED, outcome.kind());
		assertEquals("0.1.0", outcome.detail());
		assertFalse(Files.exists(layout.modelFile()));
	}
}
