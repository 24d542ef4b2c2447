package org.miaopi.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

/**
 * A plain field-by-field comparison of demo dossiers with their shared records, for UI tests and
 * benchmarks that need comparison results before the comparison engine writes its own: each
 * declared field against the newest record of each source that has it; a differing value is a
 * MISMATCH, an equal value older than a year STALE.
 */
public final class DemoComparisons {

	public static final Duration STALE_AFTER = Duration.ofDays(365);

	private DemoComparisons() {
	}

	/** @param records the applicant's shared records, newest first (as the store returns them) */
	public static List<ComparisonResult> compare(Dossier d, List<SharedRecord> records, Instant now) {
		List<ComparisonResult> out = new ArrayList<>();
		Set<SharedSource> seen = EnumSet.noneOf(SharedSource.class);
		for (SharedRecord r : records) {
			if (!seen.add(r.source())) {
				continue; // older records of a source are its history
			}
			for (Map.Entry<String, String> f : d.declaredData().entrySet()) {
				String recorded = r.fields().get(f.getKey());
				if (recorded == null) {
					continue;
				}
				ComparisonOutcome outcome = !recorded.equals(f.getValue()) ? ComparisonOutcome.MISMATCH
						: r.asOf().isBefore(now.minus(STALE_AFTER)) ? ComparisonOutcome.STALE : ComparisonOutcome.MATCH;
				out.add(new ComparisonResult(r.source().name() + "." + f.getKey(), f.getKey(), f.getValue(), recorded,
						outcome, r.source(), r.asOf(), null));
			}
		}
		return out;
	}
}
