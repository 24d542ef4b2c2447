package org.miaopi.cli.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.miaopi.cli.UsageException;

/**
 * A token's PIN for `users token` and `seals token`: from the setting, else a terminal. (The test
 * runtime has no terminal and, on Java 25, no console object either, so the "console but no
 * terminal" case of Java 22–24 cannot be made here; {@link TokenPin} checks it as the console prompt does.)
 */
class TokenPinTest {

	@Test
	void theSettingGivesThePin() {
		assertEquals("4321", new String(TokenPin.read("4321", null)));
	}

	@Test
	void withNoSettingAndNoConsoleTheJobSaysWhereThePinComesFrom() {
		UsageException e = assertThrows(UsageException.class, () -> TokenPin.read(null, null));
		assertTrue(e.getMessage().contains(TokenPin.ENV), e.getMessage());
	}
}
