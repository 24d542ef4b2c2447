package org.miaopi.core.calendar;

/** Why a day is or is not worked. */
public enum DayKind {
	/** Monday to Friday with no holiday. */
	WEEKDAY(true),
	/** Saturday or Sunday with no make-up work. */
	WEEKEND(false),
	/** An official day off (放假), possibly on a weekday. */
	HOLIDAY(false),
	/** A Saturday or Sunday worked to make up for a holiday (调休上班). */
	MAKE_UP_WORKDAY(true);

	private final boolean working;

	DayKind(boolean working) {
		this.working = working;
	}

	public boolean isWorking() {
		return working;
	}
}
