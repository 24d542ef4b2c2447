package org.miaopi.core.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;

/**
 * Themes (一件事) as the store keeps them. A theme's application lists its matters
 * ({@link org.miaopi.core.model.ThemeApplication}, stored before its members arrive); its outcome
 * follows its members in the same transaction as each member's decision or withdrawal: any member
 * rejected → REJECTED; any member withdrawn → WITHDRAWN (the theme's one issuance is withdrawn);
 * every listed matter's member present and approved → APPROVED; else PENDING (audit event
 * {@value #DECIDED_EVENT} when it changes). Approved members of a PENDING theme wait: their
 * certificates are issued together once the theme is APPROVED (一次出件), never before.
 */
public interface ThemeService {

	/** The audit event appended when a theme's outcome changes, on the member whose decision changed it. */
	String DECIDED_EVENT = "theme.decided";

	/** The audit event of a theme application taken in (on the theme dossier's number): its listed matters. */
	String RECEIVED_EVENT = "theme.received";

	/**
	 * The audit event appended on a member that arrives for a theme already decided (REJECTED or
	 * WITHDRAWN; or APPROVED in a store upgraded from before the themes listed their matters): it is
	 * kept, as every dossier taken in is, but it changes no final outcome.
	 */
	String LATE_MEMBER_EVENT = "theme.late-member";

	/** The theme's stored outcome; empty for a theme this store has not taken in. Public to any signed-in user. */
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
