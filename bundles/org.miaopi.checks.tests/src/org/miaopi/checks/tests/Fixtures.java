package org.miaopi.checks.tests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.checks.Conditions;
import org.miaopi.checks.DefinedMatter;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.id.ResidentId;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.ValueKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.FieldType;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

/** A test-only matter and a dossier that satisfies it, to vary one fact at a time. */
final class Fixtures {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
	static final Instant NOW = TODAY.atTime(LocalTime.of(10, 0)).atZone(ChinaTime.ZONE).toInstant();
	static final String ID = withCheck("44030519800101123");
	static final String TOO_YOUNG = "TOO-YOUNG";
	static final String BASIS = "《测试事项办法》第一条";

	private Fixtures() {
	}

	static String withCheck(String first17) {
		return first17 + ResidentId.checkDigit(first17);
	}

	/** @param barred blacklist bars the matter; @param deferral 容缺 allowed */
	static DefinedMatter matter(String code, boolean barred, boolean deferral) {
		DefinedMatter.Spec s = DefinedMatter.spec(code, "测试事项", "Test matter", "SZPSB").timeLimit(5)
				.legalBasis(BASIS).policy("policy.test", "7").naturalPerson()
				.field("graduated", "毕业日期", "Graduation date", FieldType.DATE)
				.rule("edu.graduated", "graduated", SharedSource.EDUCATION, "graduated", ValueKind.DATE, 0)
				.material("FORM", "申请表", "Form", true, null)
				.material("PHOTO", "照片", "Photo", false, null)
				.material("HUKOU-BOOKLET", "户口簿", "Hukou booklet", true, SharedSource.HOUSEHOLD_REGISTRATION)
				.reason(TOO_YOUNG, "未满18周岁", "Under 18", BASIS)
				.condition(Conditions.minimumAge(18, TOO_YOUNG));
		if (barred) {
			s.barredToBlacklisted("《信用法》第二条");
		}
		if (deferral) {
			s.deferral(5);
		}
		return new DefinedMatter(s) {
		};
	}

	static Dossier dossier(String id, Map<String, String> changes, List<String> materials) {
		Map<String, String> declared = new LinkedHashMap<>();
		declared.put("name", "王小明");
		declared.put("residentId", id);
		declared.put("address", "广东省深圳市福田区深南大道1001号3栋201室");
		declared.put("graduated", "2025年7月1日");
		declared.putAll(changes);
		declared.values().removeIf(v -> v == null);
		List<Material> ms = new ArrayList<>();
		for (String m : materials) {
			ms.add(Material.file("M" + ms.size(), m, Sha256.parse("ab".repeat(32)), m + ".pdf", "application/pdf", 10));
		}
		return new Dossier("SZ202611230000001", "TEST-MATTER", null, new NaturalPerson(ResidentId.parse(id), "王小明"),
				declared, ms, NOW.minusSeconds(3600), TODAY.plusDays(10), DossierStatus.RECEIVED, null, "SZPSB");
	}

	static Dossier dossier() {
		return dossier(ID, Map.of(), List.of("FORM", "PHOTO"));
	}

	static List<SharedRecord> records(String id, int daysOld) {
		Instant asOf = NOW.minusSeconds(86_400L * daysOld);
		return new ArrayList<>(List.of(
				new SharedRecord(SharedSource.HOUSEHOLD_REGISTRATION, id,
						Map.of("name", "王小明", "address", "深圳市福田区深南大道1001号"), asOf),
				// an older entry of the register: the newest must win
				new SharedRecord(SharedSource.HOUSEHOLD_REGISTRATION, id, Map.of("name", "王小明", "address", "原籍"),
						asOf.minusSeconds(86_400L * 500)),
				new SharedRecord(SharedSource.EDUCATION, id, Map.of("graduated", "2025-07-01"), asOf)));
	}

	static List<SharedRecord> records() {
		return records(ID, 10);
	}

	static SharedRecord blacklist(String id) {
		return new SharedRecord(SharedSource.CREDIT_BLACKLIST, id, Map.of("listed", "true", "reason", "失信被执行人"),
				NOW.minusSeconds(86_400L * 30));
	}
}
