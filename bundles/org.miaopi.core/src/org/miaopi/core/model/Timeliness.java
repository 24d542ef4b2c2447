package org.miaopi.core.model;

import java.time.Instant;
import java.time.LocalDate;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;

/**
 * Where a dossier stands against its committed time limit, on the working-day calendar. An open
 * dossier counts down to its deadline; a decided one is measured once, at its decision: decided on
 * time or late, and the working days it used. Closed dossiers never count down (a certificate
 * issued in time is not "overdue" months later). One rule for the queue, the CLI and supervision.
 *
 * @param kind        which of the three
 * @param days        OPEN: working days left (negative: overdue); DECIDED_*: working days used
 *                    from receipt to decision; CLOSED: 0
 * @param limit       working days the time limit allowed (receipt to deadline)
 */
public record Timeliness(Kind kind, int days, int limit) {

	/** Working days left at or below which an open dossier is at risk. */
	public static final int AT_RISK_DAYS = 2;

	public enum Kind {
		/** Still to decide: counting down. */
		OPEN,
		/** Decided on or before the deadline. */
		DECIDED_ON_TIME,
		/** Decided after the deadline. */
		DECIDED_LATE,
		/** Withdrawn, or decided with no decision time known: nothing to count. */
		CLOSED
	}

	/**
	 * @param decidedAt when the approving or rejecting decision was taken; null for an open dossier
	 *                  (and for a decided one whose decision time is unknown)
	 */
	public static Timeliness of(WorkingDayCalendar calendar, Dossier d, Instant decidedAt, LocalDate today) {
		LocalDate received = ChinaTime.dateOf(d.received());
		int limit = calendar.workingDaysBetween(received, d.deadline());
		if (d.status().isDecided() || d.status().isFinal()) {
			if (decidedAt == null || !d.status().isDecided()) {
				return new Timeliness(Kind.CLOSED, 0, limit);
			}
			LocalDate decided = ChinaTime.dateOf(decidedAt);
			int used = Math.max(0, calendar.workingDaysBetween(received, decided));
			return new Timeliness(decided.isAfter(d.deadline()) ? Kind.DECIDED_LATE : Kind.DECIDED_ON_TIME, used, limit);
		}
		return new Timeliness(Kind.OPEN, calendar.workingDaysBetween(today, d.deadline()), limit);
	}

	/** Open and past its deadline. */
	public boolean overdue() {
		return kind == Kind.OPEN && days < 0;
	}

	/** Open, not overdue, with {@link #AT_RISK_DAYS} working days or fewer left. */
	public boolean atRisk() {
		return kind == Kind.OPEN && days >= 0 && days <= AT_RISK_DAYS;
	}
}
