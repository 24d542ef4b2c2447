package org.miaopi.core.service;

import java.util.List;
import java.util.Map;

import org.miaopi.core.model.Officer;

/**
 * The audit ledger's entry for admin actions whose state lives outside the store: seal keys in
 * their keystore, matter plugins in the p2 profile. The admin service acts, then records what it
 * did here, as one event that belongs to no dossier. The store refuses anyone but an admin or the
 * system (headless commands run by the account that owns the Miaopi home), and any event type
 * outside {@link #PREFIXES}.
 */
public interface AdminLedger {

	/** Event types this ledger entry takes, e.g. {@code admin.seal-rotated}, {@code plugin.installed}. */
	List<String> PREFIXES = List.of("admin.", "plugin.");

	/** Whether {@code type} is one this ledger entry takes. */
	static boolean takes(String type) {
		return type != null && PREFIXES.stream().anyMatch(p -> type.startsWith(p) && type.length() > p.length());
	}

	/**
	 * @throws AccessDeniedException unless {@code actor} has the admin or the system role
	 * @throws IllegalArgumentException for a type outside {@link #PREFIXES}
	 */
	void record(Officer actor, String type, Map<String, String> details);
}
