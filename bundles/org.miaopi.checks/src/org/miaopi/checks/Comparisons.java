package org.miaopi.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.miaopi.core.id.ResidentId;
import org.miaopi.core.id.UnifiedSocialCreditCode;
import org.miaopi.core.matter.ComparisonRule;
import org.miaopi.core.matter.ValueKind;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

/**
 * Evaluates one {@link ComparisonRule}. Never throws on data: a malformed declared value is
 * INVALID with the reason in the note, an absent record or field is MISSING, an old record STALE.
 */
public final class Comparisons {

	/** Note on a MISSING result whose source could not be asked at all. */
	public static final String UNAVAILABLE = "source unavailable";

	private Comparisons() {
	}

	public static ComparisonResult compare(ComparisonRule rule, Map<String, String> declaredData,
			Map<SharedSource, SharedRecord> newest, Set<SharedSource> unavailable, Instant now) {
		String declared = declaredData.get(rule.field());
		if (declared == null || declared.isBlank()) {
			return result(rule, declared == null ? null : declared, null, ComparisonOutcome.INVALID, null, null,
					"not declared");
		}
		String d = Normalizers.normalize(rule.kind(), declared);
		if (d == null || !wellFormed(rule.kind(), d)) {
			return result(rule, declared, null, ComparisonOutcome.INVALID, null, null,
					"malformed " + rule.kind().name().toLowerCase(java.util.Locale.ROOT));
		}
		if (unavailable.contains(rule.source())) {
			return result(rule, declared, null, ComparisonOutcome.MISSING, rule.source(), null, UNAVAILABLE);
		}
		SharedRecord record = newest.get(rule.source());
		String recorded = record == null ? null : record.fields().get(rule.recordField());
		if (recorded == null || recorded.isBlank()) {
			return result(rule, declared, null, ComparisonOutcome.MISSING, rule.source(),
					record == null ? null : record.asOf(), record == null ? "no record" : "record lacks " + rule.recordField());
		}
		if (rule.maxAgeDays() > 0 && record.asOf().isBefore(now.minus(Duration.ofDays(rule.maxAgeDays())))) {
			return result(rule, declared, recorded, ComparisonOutcome.STALE, rule.source(), record.asOf(),
					"older than " + rule.maxAgeDays() + " days");
		}
		String r = Normalizers.normalize(rule.kind(), recorded);
		if (r == null) {
			return result(rule, declared, recorded, ComparisonOutcome.MISMATCH, rule.source(), record.asOf(),
					"recorded value unreadable");
		}
		boolean same = Normalizers.same(rule.kind(), d, r);
		return result(rule, declared, recorded, same ? ComparisonOutcome.MATCH : ComparisonOutcome.MISMATCH,
				rule.source(), record.asOf(), null);
	}

	private static boolean wellFormed(ValueKind kind, String normal) {
		if (kind != ValueKind.IDENTIFIER) {
			return true;
		}
		return normal.length() == 18 && (ResidentId.validate(normal).isValid()
				|| UnifiedSocialCreditCode.validate(normal).isValid());
	}

	private static ComparisonResult result(ComparisonRule rule, String declared, String recorded, ComparisonOutcome o,
			SharedSource source, Instant asOf, String note) {
		return new ComparisonResult(rule.id(), rule.field(), declared, recorded, o, source, asOf, note);
	}
}
