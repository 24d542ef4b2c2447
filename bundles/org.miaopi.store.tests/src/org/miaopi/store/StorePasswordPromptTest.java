package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.service.SecretPrompt;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;

/** A store locked by a password opens with the password a person types when asked, and only then. */
class StorePasswordPromptTest {

	@TempDir
	Path tmp;

	/** Answers from a script, in order; an empty answer is a cancel. Records what it was asked. */
	static final class Script implements SecretPrompt {
		final Deque<String> answers;
		final List<String> problems = new ArrayList<>();
		final List<String> places = new ArrayList<>();

		Script(String... answers) {
			this.answers = new ArrayDeque<>(List.of(answers));
		}

		@Override
		public Optional<char[]> ask(Secret what, String where, String problem) {
			assertEquals(Secret.STORE, what);
			places.add(where);
			problems.add(problem);
			String next = answers.poll();
			return next == null || next.isEmpty() ? Optional.empty() : Optional.of(next.toCharArray());
		}
	}

	private void lockedStore() {
		try (DeskStore store = DeskStore.openDesk(tmp)) {
			Fixtures.seed(store);
		}
		DeskStore.lockBootKey(tmp, "correct horse".toCharArray());
	}

	@Test
	void aLockedBootKeyIsAskedForAndAWrongPasswordMayBeTypedAgain() {
		lockedStore();
		Script person = new Script("battery staple", "correct horse");
		try (DeskStore store = DeskStore.openDesk(tmp, person)) {
			assertEquals(2, store.departments().size());
			assertTrue(store.info().bootMode().startsWith("password-locked key file"), store.info().bootMode());
		}
		assertEquals(2, person.problems.size(), "asked once more after the wrong password, then no more");
		assertNull(person.problems.get(0), "the first question carries no complaint");
		assertEquals("wrong password", person.problems.get(1));
		assertEquals(tmp.toString(), person.places.get(0), "the question names the store it opens");
	}

	@Test
	void aStoreCreatedWithAPasswordIsAskedForToo() {
		try (DeskStore store = DeskStore.open(tmp, new BootSecret.Password("correct horse".toCharArray()))) {
			Fixtures.seed(store);
		}
		// a short answer can never be the password: it counts as wrong, it does not end the asking
		Script person = new Script("short", "correct horse");
		try (DeskStore store = DeskStore.openDesk(tmp, person)) {
			assertEquals("password", store.info().bootMode());
			assertEquals(2, store.departments().size());
		}
		assertEquals(2, person.problems.size());
	}

	@Test
	void aCancelLeavesTheStoreClosedAndSaysWhereAJobTakesThePasswordFrom() {
		lockedStore();
		Script person = new Script("");
		StoreException e = assertThrows(StoreException.class, () -> DeskStore.openDesk(tmp, person));
		assertEquals(Problem.KEY_MISSING, e.problem());
		assertTrue(e.getMessage().contains(DeskStore.PASSWORD_ENV), e.getMessage());
		// nothing was changed: the right password still opens it
		try (DeskStore store = DeskStore.openDesk(tmp, new Script("correct horse"))) {
			assertEquals(2, store.departments().size());
		}
	}

	@Test
	void threeWrongPasswordsEndTheAsking() {
		lockedStore();
		Script person = new Script("wrong one!", "wrong two!", "wrong three", "correct horse");
		StoreException e = assertThrows(StoreException.class, () -> DeskStore.openDesk(tmp, person));
		assertEquals(Problem.WRONG_KEY, e.problem());
		assertEquals(DeskStore.PASSWORD_TRIES, person.problems.size());
		assertEquals(1, person.answers.size(), "the fourth answer was never asked for");
	}

	@Test
	void noOneIsAskedWhenTheKeyLiesBesideTheStoreOrTheSettingGivesThePassword() {
		Script nobody = new Script();
		try (DeskStore store = DeskStore.openDesk(tmp, nobody)) {
			Fixtures.seed(store); // a new store: the demo's key file in clear
		}
		try (DeskStore store = DeskStore.openDesk(tmp, nobody)) {
			assertEquals(2, store.departments().size());
		}
		DeskStore.lockBootKey(tmp, "correct horse".toCharArray());
		try {
			System.setProperty(DeskStore.PASSWORD_PROPERTY, "correct horse");
			try (DeskStore store = DeskStore.openDesk(tmp, nobody)) {
				assertEquals(2, store.departments().size());
			}
		} finally {
			System.clearProperty(DeskStore.PASSWORD_PROPERTY);
		}
		assertTrue(nobody.problems.isEmpty(), "asked " + nobody.problems.size() + " times");
	}
}
