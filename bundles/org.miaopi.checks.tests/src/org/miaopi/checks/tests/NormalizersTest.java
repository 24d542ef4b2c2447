package org.miaopi.checks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.miaopi.checks.Normalizers;
import org.miaopi.core.matter.ValueKind;

class NormalizersTest {

	@Test
	void widthAndWhitespaceAreFolded() {
		assertEquals("ABC123深圳", Normalizers.text("ＡＢＣ１２３　深 圳"));
		assertEquals("王小明", Normalizers.normalize(ValueKind.NAME, " 王 小明\t"));
		assertEquals("阿依古丽·买买提", Normalizers.normalize(ValueKind.NAME, "阿依古丽•买买提"));
	}

	@Test
	void identifierCheckCharacterIsUpperCase() {
		assertEquals("11010519491231002X", Normalizers.identifier("11010519491231002x"));
		assertEquals("11010519491231002X", Normalizers.identifier("１１０１０５１９４９１２３１００２ｘ"));
	}

	@Test
	void dateNotationsAreOneDay() {
		for (String d : new String[] { "2025年3月1日", "2025/3/1", "2025-03-01", "2025.03.01", "20250301", "２０２５年３月１日" }) {
			assertEquals("2025-03-01", Normalizers.date(d), d);
		}
		assertNull(Normalizers.date("2025年2月30日"));
		assertNull(Normalizers.date("明天"));
		assertNull(Normalizers.normalize(ValueKind.DATE, "13/13/2025"));
	}

	@Test
	void addressesMatchAcrossPrefixesAndDetailLevels() {
		String full = Normalizers.address("广东省深圳市福田区深南大道1001号3栋201室");
		assertEquals("福田区深南大道1001号3栋201室", full);
		assertEquals(full, Normalizers.address("深圳市 福田区深南大道１００１号3栋201室"));
		assertTrue(Normalizers.sameAddress(Normalizers.address("深圳福田区深南大道1001号"), full));
		assertTrue(Normalizers.sameAddress(full, Normalizers.address("福田区深南大道1001号3栋")));
		assertFalse(Normalizers.sameAddress(Normalizers.address("福田区"), full), "a district alone is too coarse");
		assertFalse(Normalizers.sameAddress(Normalizers.address("福田区深南大道100号"), full), "another house number");
		assertFalse(Normalizers.sameAddress(Normalizers.address("南山区深南大道1001号3栋201室"), full));
	}

	@Test
	void numbersCompareByValue() {
		assertEquals("12", Normalizers.number("012"));
		assertEquals("12", Normalizers.number("12.0"));
		assertEquals("1234.5", Normalizers.number("1,234.50"));
		assertNull(Normalizers.number("twelve"));
		assertNull(Normalizers.number("1e999999999"), "no exponent may blow a number up to a billion digits");
		assertEquals("3", Normalizers.number("３"));
	}
}
