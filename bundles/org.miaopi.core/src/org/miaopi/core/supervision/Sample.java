package org.miaopi.core.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A random sample of a period's decisions (抽查), reproducible from its seed: the same seed, percent,
 * grouping and decisions draw the same dossiers.
 *
 * @param id         0 before the store numbers it
 * @param by         "officer" or "matter": the sample takes {@code percent} % of each group
 * @param department the department sampled, or null for all a city supervisor sees
 */
public record Sample(long id, long seed, int percent, String by, LocalDate from, LocalDate to, String department,
		String supervisorId, Instant created, List<String> dossierNos) {

	public Sample {
		Objects.requireNonNull(by, "by");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(supervisorId, "supervisorId");
		dossierNos = List.copyOf(dossierNos);
		if (percent < 1 || percent > 100) {
			throw new IllegalArgumentException("a sample takes 1 to 100 %, got " + percent);
		}
	}

	public Sample numbered(long number, Instant when) {
		return new Sample(number, seed, percent, by, from, to, department, supervisorId, when, dossierNos);
	}
}
