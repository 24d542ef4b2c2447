package org.miaopi.core.supervision;

import java.time.LocalDate;

/**
 * Which dossiers supervision reads: the open ones (their clocks run), or those received in a period.
 *
 * @param department one department, or null for every department the viewer supervises
 * @param openOnly   only dossiers not yet decided or withdrawn (then {@code from}/{@code to} are ignored)
 * @param from       first day of receipt (Beijing date), inclusive
 * @param to         last day of receipt, inclusive
 */
public record CaseQuery(String department, boolean openOnly, LocalDate from, LocalDate to) {

	public static CaseQuery open(String department) {
		return new CaseQuery(department, true, null, null);
	}

	public static CaseQuery receivedIn(String department, LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("a period runs from a day to the same or a later day: " + from + ".." + to);
		}
		return new CaseQuery(department, false, from, to);
	}
}
