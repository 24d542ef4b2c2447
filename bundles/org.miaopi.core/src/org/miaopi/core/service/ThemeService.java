package org.miaopi.core.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;

/**
 * Themes (一件事) as the store keeps them: a theme's outcome follows its members' decisions in the
 * same transaction (any member rejected → REJECTED, every member approved → APPROVED, else
 * PENDING; audit event {@value #DECIDED_EVENT} when it changes). Approved members of a PENDING theme
 * wait: their certificates are issued together once the theme is APPROVED (一次出件), never before.
 */
public interface ThemeService {

	/** The audit event appended when a theme's outcome changes, on the member whose decision changed it. */
	String DECIDED_EVENT = "theme.decided";

	/** The theme's stored outcome; empty while none of its members is decided. Public to any signed-in user. */
	Optional<ThemeState> theme(String themeNo);

	/**
	 * Approved members of PENDING themes, waiting for the others before issuance, by number: an
	 * officer or supervisor sees those of their department, the system all.
	 */
	List<Dossier> waitingForTheme(Officer viewer, int limit);

	/**
	 * Up to {@code limit} APPROVED themes that still have approved members without a certificate,
	 * each with those members, in theme number order: what the issuance run issues together.
	 *
	 * @throws AccessDeniedException unless {@code actor} has the SYSTEM role
	 */
	Map<String, List<Dossier>> readyForIssuance(Officer actor, int limit);
}
