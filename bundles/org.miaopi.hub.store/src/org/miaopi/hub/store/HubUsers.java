package org.miaopi.hub.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.miaopi.hub.store.internal.Sequences;

/**
 * The city's users at the hub (HUB_USER, V3.sql). Every change draws the next number of the
 * USER sequence, so a department's desks pull what changed after their cursor; verifiers go only
 * to desks of the user's department (the endpoint checks the desk's certificate).
 */
public final class HubUsers {

	private static final String COLUMNS = "ID, NAME, DEPARTMENT, ROLES, PASSWORD_HASH, MUST_CHANGE_PASSWORD, LOCKED, LOCK_REASON," //$NON-NLS-1$
			+ " REMOVED, VERSION, UPDATED_MS"; //$NON-NLS-1$

	private final HubStore store;

	HubUsers(HubStore store) {
		this.store = store;
	}

	/** A new user with a one-time password's verifier; refused when the id is taken (removed users too). */
	public HubUser create(String id, String name, String departmentCode, String roles, String passwordHash) {
		return store.inTransaction(em -> {
			if (find(em, id).isPresent()) {
				throw new IllegalArgumentException("there already is a user '" + id + "' at the hub"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			long version = Sequences.reserve(em, Sequences.USER, 1);
			em.createNativeQuery("INSERT INTO HUB_USER (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 1, 0, NULL, 0, ?, ?)") //$NON-NLS-1$ //$NON-NLS-2$
					.setParameter(1, id).setParameter(2, name).setParameter(3, departmentCode).setParameter(4, roles)
					.setParameter(5, passwordHash).setParameter(6, version).setParameter(7, store.clock().millis()).executeUpdate();
			// the one-time password's time: a desk's change before it does not replace it (DeskPasswords)
			em.createNativeQuery("UPDATE HUB_USER SET PASSWORD_SET_MS = UPDATED_MS WHERE ID = ?").setParameter(1, id).executeUpdate(); //$NON-NLS-1$
			return find(em, id).orElseThrow();
		});
	}

	/** Locks a user with a reason; false when locked already. */
	public boolean lock(String id, String reason) {
		return change(id, u -> !u.locked(), "LOCKED = 1, LOCK_REASON = ?", reason); //$NON-NLS-1$
	}

	public boolean unlock(String id) {
		return change(id, u -> u.locked() && !u.removed(), "LOCKED = 0, LOCK_REASON = NULL"); //$NON-NLS-1$
	}

	/** A new one-time password's verifier, to be changed at the next sign-in. */
	public boolean resetPassword(String id, String passwordHash) {
		return change(id, u -> !u.removed(), "PASSWORD_HASH = ?, MUST_CHANGE_PASSWORD = 1, PASSWORD_SET_MS = ?", passwordHash, //$NON-NLS-1$
				store.clock().millis());
	}

	/** Removes a user: kept as REMOVED and locked, so every desk of the department locks them at its next pull. */
	public boolean remove(String id) {
		return change(id, u -> !u.removed(), "REMOVED = 1, LOCKED = 1, LOCK_REASON = ?", "removed at the hub"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	public Optional<HubUser> user(String id) {
		return store.read(em -> find(em, id));
	}

	public List<HubUser> all() {
		return store.read(em -> rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM HUB_USER ORDER BY DEPARTMENT, ID").getResultList())); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The department's users changed after {@code cursor}, oldest change first, at most {@code limit}. */
	public Page<HubUser> departmentUsers(String department, long cursor, int limit) {
		return store.read(em -> {
			List<HubUser> rows = rows(em.createNativeQuery("SELECT " + COLUMNS //$NON-NLS-1$
					+ " FROM HUB_USER WHERE DEPARTMENT = ? AND VERSION > ? ORDER BY VERSION") //$NON-NLS-1$
					.setParameter(1, department).setParameter(2, cursor).setMaxResults(limit + 1).getResultList());
			boolean more = rows.size() > limit;
			List<HubUser> items = more ? rows.subList(0, limit) : rows;
			return new Page<>(List.copyOf(items), items.isEmpty() ? cursor : items.get(items.size() - 1).version(), more);
		});
	}

	private boolean change(String id, java.util.function.Predicate<HubUser> needed, String set, Object... values) {
		return store.inTransaction(em -> {
			HubUser u = find(em, id).orElseThrow(() -> new IllegalArgumentException("there is no user '" + id + "' at the hub")); //$NON-NLS-1$ //$NON-NLS-2$
			if (!needed.test(u)) {
				return false;
			}
			long version = Sequences.reserve(em, Sequences.USER, 1);
			var q = em.createNativeQuery("UPDATE HUB_USER SET " + set + ", VERSION = ?, UPDATED_MS = ? WHERE ID = ?"); //$NON-NLS-1$ //$NON-NLS-2$
			int i = 1;
			for (Object v : values) {
				q.setParameter(i++, v);
			}
			q.setParameter(i++, version).setParameter(i++, store.clock().millis()).setParameter(i, id).executeUpdate();
			return true;
		});
	}

	private static Optional<HubUser> find(EntityManager em, String id) {
		return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM HUB_USER WHERE ID = ?").setParameter(1, id).getResultList()) //$NON-NLS-1$ //$NON-NLS-2$
				.stream().findFirst();
	}

	private static List<HubUser> rows(List<?> result) {
		return result.stream().map(o -> {
			Object[] r = (Object[]) o;
			return new HubUser((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], flag(r[5]), flag(r[6]), (String) r[7],
					flag(r[8]), ((Number) r[9]).longValue(), Instant.ofEpochMilli(((Number) r[10]).longValue()));
		}).toList();
	}

	private static boolean flag(Object o) {
		return o != null && ((Number) o).intValue() != 0;
	}
}
