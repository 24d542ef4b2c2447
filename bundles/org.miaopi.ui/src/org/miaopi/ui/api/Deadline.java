package org.miaopi.ui.api;

import java.time.LocalDate;

import org.miaopi.core.calendar.WorkingDayCalendar;

/**
 * A deadline as working days left, and how urgent that is. At risk: two working days or fewer
 * left; overdue: past the deadline.
 */
public record Deadline(int workingDaysLeft) {

	public static final int AT_RISK_DAYS = 2;
	private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.china();

	public enum Urgency {
		ON_TIME, AT_RISK, OVERDUE
	}

	public static Deadline of(LocalDate today, LocalDate deadline) {
		return new Deadline(CALENDAR.workingDaysBetween(today, deadline));
	}

	public Urgency urgency() {
		return workingDaysLeft < 0 ? Urgency.OVERDUE : workingDaysLeft <= AT_RISK_DAYS ? Urgency.AT_RISK : Urgency.ON_TIME;
	}

	/** The last day that still counts as at risk, seen from {@code today}. */
	public static LocalDate atRiskUntil(LocalDate today) {
		return CALENDAR.addWorkingDays(today, AT_RISK_DAYS);
	}
}
