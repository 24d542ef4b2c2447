package org.miaopi.core.service;

import java.util.Map;

import org.miaopi.core.model.Officer;

/**
 * The audit ledger's entry for an admin's change to the desk itself (a plugin installed, updated,
 * removed or rolled back) that belongs to no dossier: one event of {@code type} with its details,
 * appended in one transaction.
 */
public interface AdminLog {

	/** @throws AccessDeniedException unless {@code actor} is an admin or the system */
	void log(Officer actor, String type, Map<String, String> details);
}
