package org.miaopi.core.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Dates in Miaopi are Beijing dates, whatever time zone a desk's operating system is set to:
 * deadlines, birth dates and certificate validity are all defined in China Standard Time.
 */
public final class ChinaTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ChinaTime() {
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	public static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZONE));
	}

	public static LocalDate dateOf(Instant instant) {
		// not atZone(…).toLocalDate(): that makes four objects to keep one, for each step of 100,000 cases
		return LocalDate.ofInstant(Objects.requireNonNull(instant, "instant"), ZONE);
	}
}
