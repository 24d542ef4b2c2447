package org.miaopi.hub.store;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.miaopi.hub.store.internal.Sequences;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An officer's password changed at a desk (docs/hub.md, "Passwords changed at a desk"): the
 * {@code user.password-changed} row carries the new verifier, and the hub takes it for the user, so
 * the department's other desks learn it at their next pull. The hub still wins: a verifier set at
 * the hub (created, reset) after the desk's change is kept, a removed user stays removed, a lock
 * stays; only a user of the desk's own department is changed.
 */
final class DeskPasswords {

	static final String KIND = "user.password-changed"; //$NON-NLS-1$
	private static final ObjectMapper JSON = new ObjectMapper();

	private DeskPasswords() {
	}

	/** @return null when the hub took the new verifier, else why not (kept with the row) */
	static String apply(EntityManager em, Push.Event e, String department, long now) {
		JsonNode p;
		try {
			p = JSON.readTree(e.payload()).path("password"); //$NON-NLS-1$
		} catch (com.fasterxml.jackson.core.JsonProcessingException bad) {
			p = null;
		}
		if (p == null || !p.path("user").isTextual() || !p.path("passwordHash").isTextual() //$NON-NLS-1$ //$NON-NLS-2$
				|| p.get("passwordHash").asText().length() > 200) { //$NON-NLS-1$
			return "the row carries no new password verifier"; //$NON-NLS-1$
		}
		String user = p.get("user").asText(); //$NON-NLS-1$
		List<?> rows = em.createNativeQuery("SELECT DEPARTMENT, REMOVED, PASSWORD_SET_MS FROM HUB_USER WHERE ID = ?") //$NON-NLS-1$
				.setParameter(1, user).getResultList();
		if (rows.isEmpty()) {
			return "user " + user + " is not a user the hub keeps"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		Object[] r = (Object[]) rows.get(0);
		if (!department.equals(r[0])) {
			return "user " + user + " is of department " + r[0] + " at the hub, not of " + department; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		if (((Number) r[1]).intValue() != 0) {
			return "user " + user + " was removed at the hub"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (r[2] != null && ((Number) r[2]).longValue() >= e.eventMs()) {
			return "the hub set user " + user + "'s password after this change at the desk: the hub's stands"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		long version = Sequences.reserve(em, Sequences.USER, 1);
		em.createNativeQuery("UPDATE HUB_USER SET PASSWORD_HASH = ?, MUST_CHANGE_PASSWORD = 0, PASSWORD_SET_MS = ?, VERSION = ?," //$NON-NLS-1$
				+ " UPDATED_MS = ? WHERE ID = ?").setParameter(1, p.get("passwordHash").asText()).setParameter(2, e.eventMs()) //$NON-NLS-1$ //$NON-NLS-2$
				.setParameter(3, version).setParameter(4, now).setParameter(5, user).executeUpdate();
		return null;
	}
}
