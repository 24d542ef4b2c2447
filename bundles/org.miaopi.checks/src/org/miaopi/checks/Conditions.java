package org.miaopi.checks;

import java.util.function.Function;

import org.miaopi.core.matter.Condition;
import org.miaopi.core.matter.Facts;
import org.miaopi.core.matter.Verdict;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

/** Building blocks for matters' 秒批 conditions. All pure and thread-safe. */
public final class Conditions {

	private Conditions() {
	}

	/** A condition from its parts, for matters with a test of their own. */
	public static Condition of(String id, String zh, String en, Function<Facts, Verdict> test) {
		return new Condition() {
			@Override
			public String id() {
				return id;
			}

			@Override
			public String descriptionZh() {
				return zh;
			}

			@Override
			public String descriptionEn() {
				return en;
			}

			@Override
			public Verdict test(Facts facts) {
				return test.apply(facts);
			}
		};
	}

	/**
	 * The applicant (a natural person) is at least {@code years} old on the decision date, by the
	 * birth date in the resident ID; FAILS with {@code reason} when younger.
	 */
	public static Condition minimumAge(int years, String reason) {
		return of("age>=" + years, "申请人年满" + years + "周岁", "The applicant is " + years + " or older", f -> {
			if (!(f.dossier().applicant() instanceof NaturalPerson p)) {
				return Verdict.unknown(reason, "not a natural person");
			}
			int age = p.residentId().ageOn(f.today());
			return age >= years ? Verdict.holds("age " + age) : Verdict.fails(reason, "age " + age);
		});
	}

	/**
	 * The household register's newest record places the applicant in {@code city} (户籍 condition);
	 * UNKNOWN when there is no record.
	 */
	public static Condition householdIn(String city, String reason) {
		return of("hukou-in:" + city, "申请人户籍在" + city, "The applicant's household registration is in " + city, f -> {
			SharedRecord r = f.record(SharedSource.HOUSEHOLD_REGISTRATION).orElse(null);
			if (r == null || r.fields().get("address") == null) {
				return Verdict.unknown(Reasons.MISSING_RECORD, "no household record");
			}
			String a = Normalizers.text(r.fields().get("address"));
			return a.contains(city) ? Verdict.holds(a) : Verdict.fails(reason, a);
		});
	}

	/** The newest record of {@code source} has {@code field} at least {@code min} (e.g. months of social security). */
	public static Condition atLeast(SharedSource source, String field, long min, String reason, String zh, String en) {
		return of(source.name().toLowerCase(java.util.Locale.ROOT) + "." + field + ">=" + min, zh, en, f -> {
			SharedRecord r = f.record(source).orElse(null);
			String v = r == null ? null : r.fields().get(field);
			String n = v == null ? null : Normalizers.number(v);
			if (n == null) {
				return Verdict.unknown(Reasons.MISSING_RECORD, field + " not recorded");
			}
			return new java.math.BigDecimal(n).compareTo(java.math.BigDecimal.valueOf(min)) >= 0
					? Verdict.holds(field + " " + n)
					: Verdict.unknown(reason, field + " " + n);
		});
	}

	/** The newest record of {@code source} has {@code field} equal to {@code expected} (e.g. business status 存续). */
	public static Condition recordSays(SharedSource source, String field, String expected, String reason, String zh,
			String en) {
		return of(source.name().toLowerCase(java.util.Locale.ROOT) + "." + field + "=" + expected, zh, en, f -> {
			SharedRecord r = f.record(source).orElse(null);
			String v = r == null ? null : r.fields().get(field);
			if (v == null) {
				return Verdict.unknown(Reasons.MISSING_RECORD, field + " not recorded");
			}
			return Normalizers.text(v).equals(Normalizers.text(expected)) ? Verdict.holds(field + " " + v)
					: Verdict.unknown(reason, field + " " + v);
		});
	}

	/** A declared number is at least {@code min} (e.g. years of driving); INVALID input is UNKNOWN. */
	public static Condition declaredAtLeast(String key, long min, String reason, String zh, String en) {
		return of(key + ">=" + min, zh, en, f -> {
			String v = f.declared(key).map(Normalizers::number).orElse(null);
			if (v == null) {
				return Verdict.unknown(Reasons.INVALID_DECLARED, key + " unreadable");
			}
			return new java.math.BigDecimal(v).compareTo(java.math.BigDecimal.valueOf(min)) >= 0
					? Verdict.holds(key + " " + v)
					: Verdict.fails(reason, key + " " + v);
		});
	}
}
