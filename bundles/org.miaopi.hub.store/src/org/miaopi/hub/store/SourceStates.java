package org.miaopi.hub.store;

import java.time.Instant;
import java.util.List;

import org.miaopi.hub.store.internal.Sequences;

/**
 * The shared data sources' availability at the hub (HUB_SOURCE, V3.sql): an admin marks a source
 * unavailable (with why) or available again, and every desk follows the change at its next pull.
 */
public final class SourceStates {

	/** One source's state; {@code version} is the feed's cursor. */
	public record State(String source, boolean available, String note, long version, Instant updatedAt) {
	}

	private final HubStore store;

	SourceStates(HubStore store) {
		this.store = store;
	}

	/** @return false when the source already was in that state */
	public boolean set(String source, boolean available, String note) {
		return store.inTransaction(em -> {
			List<?> now = em.createNativeQuery("SELECT AVAILABLE FROM HUB_SOURCE WHERE SOURCE = ?").setParameter(1, source).getResultList(); //$NON-NLS-1$
			boolean was = now.isEmpty() || ((Number) now.get(0)).intValue() != 0;
			if (!now.isEmpty() && was == available || now.isEmpty() && available) {
				return false;
			}
			long version = Sequences.reserve(em, Sequences.SOURCE, 1);
			if (now.isEmpty()) {
				em.createNativeQuery("INSERT INTO HUB_SOURCE (SOURCE, AVAILABLE, NOTE, VERSION, UPDATED_MS) VALUES (?, ?, ?, ?, ?)") //$NON-NLS-1$
						.setParameter(1, source).setParameter(2, available ? 1 : 0).setParameter(3, note).setParameter(4, version)
						.setParameter(5, store.clock().millis()).executeUpdate();
			} else {
				em.createNativeQuery("UPDATE HUB_SOURCE SET AVAILABLE = ?, NOTE = ?, VERSION = ?, UPDATED_MS = ? WHERE SOURCE = ?") //$NON-NLS-1$
						.setParameter(1, available ? 1 : 0).setParameter(2, note).setParameter(3, version).setParameter(4, store.clock().millis())
						.setParameter(5, source).executeUpdate();
			}
			return true;
		});
	}

	/** The sources changed after {@code cursor}, oldest change first. */
	public Page<State> changes(long cursor, int limit) {
		return store.read(em -> {
			List<State> rows = em.createNativeQuery("SELECT SOURCE, AVAILABLE, NOTE, VERSION, UPDATED_MS FROM HUB_SOURCE WHERE VERSION > ? ORDER BY VERSION") //$NON-NLS-1$
					.setParameter(1, cursor).setMaxResults(limit + 1).getResultList().stream().map(o -> {
						Object[] r = (Object[]) o;
						return new State(((String) r[0]).strip(), ((Number) r[1]).intValue() != 0, (String) r[2], ((Number) r[3]).longValue(),
								Instant.ofEpochMilli(((Number) r[4]).longValue()));
					}).toList();
			boolean more = rows.size() > limit;
			List<State> items = more ? rows.subList(0, limit) : rows;
			return new Page<>(List.copyOf(items), items.isEmpty() ? cursor : items.get(items.size() - 1).version(), more);
		});
	}
}
