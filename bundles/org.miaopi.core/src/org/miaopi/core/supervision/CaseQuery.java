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

	/**
	 * The statuses an open read returns: not decided and not withdrawn, and approved while the certificate
	 * is not issued (its issue stage runs).
	 */
	public static boolean running(org.miaopi.core.lifecycle.DossierStatus s) {
		return !s.isDecided() && !s.isFinal() || s == org.miaopi.core.lifecycle.DossierStatus.APPROVED;
	}

	/** Whether this query reads the case (its department aside, which the viewer's scope decides). */
	public boolean matches(CaseRecord c) {
		if (openOnly) {
			return running(c.status());
		}
		LocalDate day = org.miaopi.core.calendar.ChinaTime.dateOf(c.received());
		return !day.isBefore(from) && !day.isAfter(to);
	}

	public static CaseQuery receivedIn(String department, LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("a period runs from a day to the same or a later day: " + from + ".." + to);
		}
		return new CaseQuery(department, false, from, to);
	}
}
