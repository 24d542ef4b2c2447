package org.miaopi.core.tests.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.id.InvalidIdentifierException;
import org.miaopi.core.id.ResidentId;
import org.miaopi.core.id.UnifiedSocialCreditCode;

class IdentifierMessagesTest {

	private Locale saved;

	@BeforeEach
	void saveLocale() {
		saved = Locale.getDefault();
	}

	@AfterEach
	void restoreLocale() {
		Locale.setDefault(saved);
	}

	private static InvalidIdentifierException badCheckDigit() {
		return assertThrows(InvalidIdentifierException.class,
				() -> ResidentId.parse("110105194912310025", LocalDate.of(2025, 1, 1)));
	}

	@Test
	void localizedMessageFollowsTheDefaultLocale() {
		Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
		assertEquals("身份证号码校验码为5，应为X", badCheckDigit().getLocalizedMessage());
		Locale.setDefault(Locale.US);
		assertEquals("Resident ID check digit is 5 but should be X", badCheckDigit().getLocalizedMessage());
	}

	@Test
	void plainMessageStaysEnglishOnAChineseDesk() {
		Locale.setDefault(Locale.CHINA);
		assertEquals("Resident ID check digit is 5 but should be X", badCheckDigit().getMessage());
	}

	@Test
	void otherLanguagesFallBackToEnglishNotToTheDefaultLocale() {
		Locale.setDefault(Locale.CHINA);
		assertEquals("Resident ID check digit is 5 but should be X", badCheckDigit().getMessage(Locale.FRENCH));
		assertEquals("身份证号码校验码为5，应为X", badCheckDigit().getMessage(Locale.TRADITIONAL_CHINESE));
	}

	@Test
	void chineseMessagesNameTheProblem() {
		InvalidIdentifierException length = assertThrows(InvalidIdentifierException.class,
				() -> UnifiedSocialCreditCode.parse("91350100M000100Y4"));
		assertEquals("统一社会信用代码应为18位，实际为17位", length.getMessage(Locale.CHINA));
		InvalidIdentifierException birth = assertThrows(InvalidIdentifierException.class,
				() -> ResidentId.parse("440524188001010014"));
		assertEquals("身份证号码中的出生日期1880-01-01早于1900年", birth.getMessage(Locale.CHINA));
		assertEquals("身份证号码校验码为5，应为X",
				ResidentId.validate("110105194912310025").message(Locale.CHINA));
	}

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Properties english = load("messages.properties");
		Properties chinese = load("messages_zh.properties");
		assertEquals(english.stringPropertyNames(), chinese.stringPropertyNames());
		assertTrue(english.size() >= 14, "every refusal has a message");
	}

	private static Properties load(String name) throws IOException {
		try (InputStream in = InvalidIdentifierException.class.getResourceAsStream(name)) {
			assertNotNull(in, name);
			Properties p = new Properties();
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return p;
		}
	}
}
