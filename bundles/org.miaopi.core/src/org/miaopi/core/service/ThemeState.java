package org.miaopi.core.service;

import java.time.Instant;
import java.util.Objects;

import org.miaopi.core.matter.ThemeOutcome;

/**
 * A theme (一件事) dossier's outcome as the store keeps it, from its member dossiers' statuses
 * ({@link ThemeOutcome#of}): kept in the same transaction as every member's decision.
 *
 * @param members  how many member dossiers the theme has
 * @param approved members approved (or already issued)
 * @param rejected members rejected
 * @param changed  when the outcome was last worked out
 */
public record ThemeState(String themeNo, ThemeOutcome outcome, int members, int approved, int rejected, Instant changed) {

	public ThemeState {
		Objects.requireNonNull(themeNo, "themeNo");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(changed, "changed");
	}
}
