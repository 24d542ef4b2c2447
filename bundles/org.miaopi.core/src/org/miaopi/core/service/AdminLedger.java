package org.miaopi.core.service;

import java.util.Map;

import org.miaopi.core.model.Officer;

/**
 * The audit ledger's entry for admin actions whose state lives outside the store (seal keys in
 * their keystore): the admin service acts, then records what it did here. The store refuses
 * anyone but an admin, and any event type outside {@value #PREFIX}.
 */
public interface AdminLedger {

	/** Event types this ledger entry takes, e.g. {@code admin.seal-rotated}. */
	String PREFIX = "admin.";

	/**
	 * @throws AccessDeniedException unless {@code admin} has the admin role
	 * @throws IllegalArgumentException for a type outside {@value #PREFIX}
	 */
	void record(Officer admin, String type, Map<String, String> details);
}
