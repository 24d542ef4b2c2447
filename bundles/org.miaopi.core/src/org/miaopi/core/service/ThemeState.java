package org.miaopi.core.service;

import java.time.Instant;
import java.util.Objects;

import org.miaopi.core.matter.ThemeOutcome;

/**
 * A theme (一件事) dossier's outcome as the store keeps it, from the matters its application lists
 * and its member dossiers' statuses: kept in the same transaction as every member's decision,
 * withdrawal or arrival.
 *
 * @param expected  how many members the theme waits for: the matters its application lists
 * @param members   how many member dossiers have reached this store so far
 * @param approved  members approved (or already issued)
 * @param rejected  members rejected
 * @param withdrawn members withdrawn
 * @param changed   when the outcome was last worked out
 */
public record ThemeState(String themeNo, ThemeOutcome outcome, int expected, int members, int approved, int rejected,
		int withdrawn, Instant changed) {

	public ThemeState {
		Objects.requireNonNull(themeNo, "themeNo");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(changed, "changed");
	}

	/** Listed members that have not reached this store yet. */
	public int missing() {
		return Math.max(0, expected - members);
	}
}
