package org.miaopi.sync.internal;

import java.time.Duration;

/**
 * Exponential back-off for an unreachable hub: the first retry after {@code first}, each next one
 * after twice as long, never longer than {@code max}; so a hub back after an outage is found soon,
 * and a hub away all day is not asked every second.
 */
public record Backoff(Duration first, Duration max) {

	public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

	/** The wait before retry number {@code failures} (1 after the first failure). */
	public Duration delay(int failures) {
		if (failures <= 0) {
			return Duration.ZERO;
		}
		long millis = first.toMillis();
		for (int i = 1; i < failures && millis < max.toMillis(); i++) {
			millis *= 2;
		}
		return Duration.ofMillis(Math.min(millis, max.toMillis()));
	}

	/** How a retry waits: {@link Thread#sleep} in the product, recorded in tests. */
	@FunctionalInterface
	public interface Sleeper {
		Sleeper REAL = d -> Thread.sleep(d.toMillis());

		void sleep(Duration d) throws InterruptedException;
	}
}
