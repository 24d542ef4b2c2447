package org.miaopi.hub.store;

import java.time.Instant;

/**
 * A user as the hub holds it, for the desks of its department.
 *
 * @param roles role names, comma-separated (e.g. {@code OFFICER})
 * @param passwordHash the password verifier; the hub never holds a password
 * @param removed taken away at the hub: desks lock the account
 * @param version the change number, the department's pull cursor
 */
public record HubUser(String id, String name, String departmentCode, String roles, String passwordHash, boolean mustChangePassword,
		boolean locked, String lockReason, boolean removed, long version, Instant updatedAt) {
}
