package org.miaopi.store;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh encrypted store in a temporary directory, seeded with {@link Fixtures}, for each test; closed after it. */
abstract class SeededStoreTest {

	@TempDir
	Path tmp;
	DeskStore store;

	@BeforeEach
	void openSeededStore() {
		store = DeskStore.open(tmp, BootSecret.keyFile(tmp.resolve(DeskStore.KEY_FILE), true));
		Fixtures.seed(store);
	}

	@AfterEach
	void closeStore() {
		store.close();
	}
}
