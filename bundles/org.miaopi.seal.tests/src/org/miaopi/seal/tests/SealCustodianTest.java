package org.miaopi.seal.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.service.SecretPrompt;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.seal.SealException;

/** Outside the demo a seal key is unlocked by its custodian, and its password lies nowhere in clear. */
class SealCustodianTest {

	private static final char[] CUSTODIAN = "custodian-of-the-seal".toCharArray();

	@TempDir
	Path home;

	private FileSealService service(char[] password) {
		return new FileSealService(home.resolve("seals"), password, KeyAlgorithm.EC_P256, Clock.systemUTC());
	}

	/** Answers from a list and records each question. */
	private static final class Custodian implements SecretPrompt {
		final List<String> answers;
		final List<String> problems = new ArrayList<>();

		Custodian(String... answers) {
			this.answers = new ArrayList<>(List.of(answers));
		}

		@Override
		public Optional<char[]> ask(Secret what, String where, String problem) {
			problems.add(String.valueOf(problem));
			return answers.isEmpty() ? Optional.empty() : Optional.of(answers.remove(0).toCharArray());
		}
	}

	@Test
	void aKeystoreCreatedWithACustodiansPasswordKeepsItNowhere() {
		service(CUSTODIAN).departments();
		assertFalse(Files.exists(home.resolve("seals/keystore.password")));
		FileSealService noPassword = service(null);
		assertFalse(noPassword.demoConvenience());
		SealException e = assertThrows(SealException.class, () -> noPassword.seal("MKT"));
		assertEquals(SealException.Code.PASSWORD_NEEDED, e.code());
		assertTrue(e.getMessage().contains("custodian's password"), e.getMessage());
		assertFalse(Files.exists(home.resolve("seals/keystore.password")), "no password was made up and written beside it");
	}

	@Test
	void aWrongPasswordIsAClearErrorAndTheRightOneIsAskedOnceASession() {
		byte[] key = service(CUSTODIAN).seal("MKT").key().getEncoded();
		SealException wrong = assertThrows(SealException.class, () -> service("not-the-password".toCharArray()).seal("MKT"));
		assertEquals(SealException.Code.WRONG_PASSWORD, wrong.code());
		assertTrue(wrong.getMessage().contains("wrong password"), wrong.getMessage());

		FileSealService desk = service(null);
		Custodian custodian = new Custodian("a-typo-in-it", new String(CUSTODIAN));
		desk.setPrompt(custodian);
		assertArrayEquals(key, desk.seal("MKT").key().getEncoded());
		desk.seal("HRSS");
		assertEquals(List.of("null", "wrong password"), custodian.problems, "asked again after a wrong answer, then never");
	}

	@Test
	void threeWrongAnswersOrACancelLeaveTheSealLocked() {
		service(CUSTODIAN).departments();
		FileSealService desk = service(null);
		desk.setPrompt(new Custodian("one", "two", "three", new String(CUSTODIAN)));
		assertEquals(SealException.Code.WRONG_PASSWORD, assertThrows(SealException.class, () -> desk.seal("MKT")).code());
		FileSealService cancelled = service(null);
		cancelled.setPrompt(new Custodian());
		assertEquals(SealException.Code.PASSWORD_NEEDED, assertThrows(SealException.class, () -> cancelled.seal("MKT")).code());
	}

	@Test
	void theDemoKeystoreSaysItIsAConvenienceUntilItIsHandedToACustodian() {
		FileSealService demo = service(null);
		byte[] key = demo.seal("MKT").key().getEncoded();
		assertTrue(demo.demoConvenience());
		assertTrue(demo.protection().contains("demo convenience"), demo.protection());

		demo.protect(CUSTODIAN);
		assertFalse(Files.exists(home.resolve("seals/keystore.password")));
		assertFalse(demo.demoConvenience());
		assertTrue(demo.protection().startsWith("custodian"), demo.protection());
		assertArrayEquals(key, demo.seal("MKT").key().getEncoded(), "this session goes on sealing");
		assertEquals(SealException.Code.PASSWORD_NEEDED, assertThrows(SealException.class, () -> service(null).seal("MKT")).code());
		assertArrayEquals(key, service(CUSTODIAN).seal("MKT").key().getEncoded(), "the same keys under the custodian's password");
	}
}
