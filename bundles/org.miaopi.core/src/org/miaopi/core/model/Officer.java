package org.miaopi.core.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A workbench user, or the 秒批 system actor.
 *
 * @param departmentCode the officer's department; null only for {@link #SYSTEM}, which
 *                       decides for whichever department owns the matter
 */
public record Officer(String id, String name, String departmentCode, Set<Role> roles) {

	/** The actor id recorded for 秒批 decisions and other steps taken with no human. */
	public static final String SYSTEM_ID = "SYSTEM";

	public static final Officer SYSTEM = new Officer(SYSTEM_ID, "秒批", null, EnumSet.of(Role.SYSTEM));

	public Officer {
		Checks.text(id, "id");
		Checks.text(name, "name");
		if (Checks.present(roles, "roles").isEmpty()) {
			throw new IllegalArgumentException("officer " + id + " has no role");
		}
		roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
		// A person must never be able to act as the machine, nor the machine as a person.
		boolean system = id.equals(SYSTEM_ID);
		if (system != roles.contains(Role.SYSTEM) || system && roles.size() > 1) {
			throw new IllegalArgumentException(
					"the SYSTEM role belongs to " + SYSTEM_ID + " alone, and it has no other; got " + id + " " + roles);
		}
		if (system) {
			Checks.optionalText(departmentCode, "departmentCode");
		} else {
			Checks.text(departmentCode, "departmentCode");
		}
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	public boolean isSystem() {
		return id.equals(SYSTEM_ID);
	}
}
