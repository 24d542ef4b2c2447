package org.miaopi.core.matter;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

/**
 * What a {@link Condition} may look at: the dossier, the newest record of each source (none when
 * the source has nothing about the subject), the sources that could not be asked, the comparison
 * results, and the Beijing date the decision is taken on (ages and ages of records count from it).
 */
public record Facts(Dossier dossier, Map<SharedSource, SharedRecord> newest, Set<SharedSource> unavailable,
		List<ComparisonResult> comparisons, LocalDate today) {

	public Facts {
		newest = Map.copyOf(newest);
		unavailable = Set.copyOf(unavailable);
		comparisons = List.copyOf(comparisons);
	}

	public Optional<SharedRecord> record(SharedSource source) {
		return Optional.ofNullable(newest.get(source));
	}

	public Optional<String> declared(String key) {
		return Optional.ofNullable(dossier.declaredData().get(key));
	}
}
