package org.miaopi.hub.store;

import java.time.Instant;
import java.util.List;

import org.miaopi.hub.store.internal.Sequences;

/**
 * The matter and theme versions enabled city-wide (HUB_MATTER_VERSION, V5.sql): a hub admin enables
 * or disables one version, every change is logged (HUB_MATTER_VERSION_LOG) and every desk follows it
 * at its next pull ({@link #changes}). A code the hub never named is left to the desks' installed
 * plugins; once it names one version of a code, the desks use only the versions enabled here.
 */
public final class MatterVersions {

	/** A matter (its 秒批 policy version) or a theme. */
	public enum Kind {
		MATTER, THEME
	}

	/** One version's state; {@code seq} is the feed's cursor. */
	public record State(Kind kind, String code, String version, boolean enabled, long seq, Instant updatedAt, String updatedBy) {
	}

	/** One logged change. */
	public record Change(long seq, Kind kind, String code, String version, boolean enabled, Instant at, String by, String note) {
	}

	private final HubStore store;

	MatterVersions(HubStore store) {
		this.store = store;
	}

	/**
	 * Enables or disables one version, logged with who and why.
	 *
	 * @return false when the version already was in that state (nothing logged)
	 */
	public boolean set(Kind kind, String code, String version, boolean enabled, String by, String note) {
		if (code == null || code.isBlank() || version == null || version.isBlank() || code.length() > 64 || version.length() > 64) {
			throw new IllegalArgumentException("a matter version is a code and a version of at most 64 characters each"); //$NON-NLS-1$
		}
		String who = by == null || by.isBlank() ? "admin" : by.length() > 64 ? by.substring(0, 64) : by; //$NON-NLS-1$
		return store.inTransaction(em -> {
			List<?> now = em.createNativeQuery("SELECT ENABLED FROM HUB_MATTER_VERSION WHERE KIND = ? AND CODE = ? AND VERSION = ?") //$NON-NLS-1$
					.setParameter(1, kind.name()).setParameter(2, code).setParameter(3, version).getResultList();
			if (!now.isEmpty() && (((Number) now.get(0)).intValue() != 0) == enabled) {
				return false;
			}
			long seq = Sequences.reserve(em, Sequences.MATTER_VERSION, 1);
			long at = store.clock().millis();
			if (now.isEmpty()) {
				em.createNativeQuery("INSERT INTO HUB_MATTER_VERSION (KIND, CODE, VERSION, ENABLED, SEQ, UPDATED_MS, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?)") //$NON-NLS-1$
						.setParameter(1, kind.name()).setParameter(2, code).setParameter(3, version).setParameter(4, enabled ? 1 : 0)
						.setParameter(5, seq).setParameter(6, at).setParameter(7, who).executeUpdate();
			} else {
				em.createNativeQuery("UPDATE HUB_MATTER_VERSION SET ENABLED = ?, SEQ = ?, UPDATED_MS = ?, UPDATED_BY = ? WHERE KIND = ? AND CODE = ? AND VERSION = ?") //$NON-NLS-1$
						.setParameter(1, enabled ? 1 : 0).setParameter(2, seq).setParameter(3, at).setParameter(4, who)
						.setParameter(5, kind.name()).setParameter(6, code).setParameter(7, version).executeUpdate();
			}
			em.createNativeQuery("INSERT INTO HUB_MATTER_VERSION_LOG (SEQ, KIND, CODE, VERSION, ENABLED, AT_MS, BY_WHOM, NOTE) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") //$NON-NLS-1$
					.setParameter(1, seq).setParameter(2, kind.name()).setParameter(3, code).setParameter(4, version)
					.setParameter(5, enabled ? 1 : 0).setParameter(6, at).setParameter(7, who)
					.setParameter(8, note == null || note.length() <= 500 ? note : note.substring(0, 500)).executeUpdate();
			return true;
		});
	}

	/** Every version the hub names, by kind, code and version. */
	public List<State> list() {
		return changes(0, Integer.MAX_VALUE - 1).items().stream()
				.sorted(java.util.Comparator.comparing(State::kind).thenComparing(State::code).thenComparing(State::version)).toList();
	}

	/** The versions changed after {@code cursor}, oldest change first. */
	public Page<State> changes(long cursor, int limit) {
		return store.read(em -> {
			List<State> rows = em.createNativeQuery("SELECT KIND, CODE, VERSION, ENABLED, SEQ, UPDATED_MS, UPDATED_BY FROM HUB_MATTER_VERSION" //$NON-NLS-1$
					+ " WHERE SEQ > ? ORDER BY SEQ").setParameter(1, cursor).setMaxResults(limit + 1).getResultList().stream().map(o -> { //$NON-NLS-1$
						Object[] r = (Object[]) o;
						return new State(Kind.valueOf(((String) r[0]).strip()), ((String) r[1]).strip(), ((String) r[2]).strip(),
								((Number) r[3]).intValue() != 0, ((Number) r[4]).longValue(), Instant.ofEpochMilli(((Number) r[5]).longValue()),
								(String) r[6]);
					}).toList();
			boolean more = rows.size() > limit;
			List<State> items = more ? rows.subList(0, limit) : rows;
			return new Page<>(List.copyOf(items), items.isEmpty() ? cursor : items.get(items.size() - 1).seq(), more);
		});
	}

	/** The log of changes, oldest first. */
	public List<Change> log() {
		return store.read(em -> em.createNativeQuery("SELECT SEQ, KIND, CODE, VERSION, ENABLED, AT_MS, BY_WHOM, NOTE FROM HUB_MATTER_VERSION_LOG ORDER BY SEQ") //$NON-NLS-1$
				.getResultList().stream().map(o -> {
					Object[] r = (Object[]) o;
					return new Change(((Number) r[0]).longValue(), Kind.valueOf(((String) r[1]).strip()), ((String) r[2]).strip(),
							((String) r[3]).strip(), ((Number) r[4]).intValue() != 0, Instant.ofEpochMilli(((Number) r[5]).longValue()),
							(String) r[6], (String) r[7]);
				}).toList());
	}
}
