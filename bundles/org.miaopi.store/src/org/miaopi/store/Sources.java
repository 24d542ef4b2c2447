package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.AccessDeniedException.Rule;
import org.miaopi.core.service.SharedSourceService;
import org.miaopi.core.service.SourceState;
import org.miaopi.store.jpa.Rows;

/**
 * {@link SharedSourceService} on the SHARED_SOURCE table (V8.sql): a source without a row has
 * never been marked and is available. A change and its audit event are one transaction.
 */
final class Sources {

	private final DeskStore store;

	Sources(DeskStore store) {
		this.store = store;
	}

	List<SourceState> sources() {
		Map<SharedSource, SourceState> by = new EnumMap<>(SharedSource.class);
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(
				"SELECT CODE, AVAILABLE, CHANGED_MS, CHANGED_BY, NOTE, LAST_SYNC_MS FROM SHARED_SOURCE");
				ResultSet r = ps.executeQuery()) {
			while (r.next()) {
				SharedSource s = source(r.getString(1));
				if (s != null) {
					// wasNull() speaks of the column read last: ask it right after LAST_SYNC_MS, not after NOTE
					long sync = r.getLong(6);
					Instant lastSync = r.wasNull() ? null : Instant.ofEpochMilli(sync);
					by.put(s, new SourceState(s, r.getInt(2) != 0, Instant.ofEpochMilli(r.getLong(3)), r.getString(4),
							r.getString(5), lastSync));
				}
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading the shared sources' state");
		}
		List<SourceState> out = new ArrayList<>();
		for (SharedSource s : SharedSource.values()) {
			out.add(by.getOrDefault(s, new SourceState(s, true, null, null, null, null)));
		}
		return out;
	}

	Set<SharedSource> unavailableSources() {
		Set<SharedSource> out = EnumSet.noneOf(SharedSource.class);
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(
				"SELECT CODE FROM SHARED_SOURCE WHERE AVAILABLE = 0"); ResultSet r = ps.executeQuery()) {
			while (r.next()) {
				SharedSource s = source(r.getString(1));
				if (s != null) {
					out.add(s);
				}
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading the shared sources' state");
		}
		return out;
	}

	/** A code this build does not know (written by a newer one) is left out rather than failing every page. */
	private static SharedSource source(String code) {
		try {
			return SharedSource.valueOf(code);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	boolean setAvailable(Officer actor, SharedSource source, boolean available, String note) {
		if (!actor.hasRole(Role.ADMIN) && !actor.hasRole(Role.SYSTEM)) {
			throw new AccessDeniedException(Rule.NO_ROLE, actor.id()
					+ " cannot change whether a shared source is available: only an admin or the sync may");
		}
		if (!available && (note == null || note.isBlank())) {
			throw new IllegalArgumentException("marking " + source + " unavailable needs a note saying why");
		}
		String why = note == null || note.isBlank() ? null : note.length() > 1000 ? note.substring(0, 1000) : note;
		boolean[] changed = new boolean[1];
		store.appendToLedger("marking shared source " + source + (available ? " available" : " unavailable"), (em, head) -> {
			java.sql.Connection c = em.unwrap(java.sql.Connection.class);
			Instant now = Instant.now();
			try {
				Boolean was = null;
				try (PreparedStatement ps = c.prepareStatement("SELECT AVAILABLE FROM SHARED_SOURCE WHERE CODE = ?")) {
					ps.setString(1, source.name());
					try (ResultSet r = ps.executeQuery()) {
						if (r.next()) {
							was = r.getInt(1) != 0;
						}
					}
				}
				if ((was == null ? true : was) == available) {
					return head;
				}
				try (PreparedStatement ps = c.prepareStatement(was == null
						? "INSERT INTO SHARED_SOURCE (AVAILABLE, CHANGED_MS, CHANGED_BY, NOTE, CODE) VALUES (?, ?, ?, ?, ?)"
						: "UPDATE SHARED_SOURCE SET AVAILABLE = ?, CHANGED_MS = ?, CHANGED_BY = ?, NOTE = ? WHERE CODE = ?")) {
					ps.setInt(1, available ? 1 : 0);
					ps.setLong(2, now.toEpochMilli());
					ps.setString(3, actor.id());
					ps.setString(4, why);
					ps.setString(5, source.name());
					ps.executeUpdate();
				}
			} catch (SQLException e) {
				throw new IllegalStateException("cannot store the state of shared source " + source, e);
			}
			Map<String, String> details = new LinkedHashMap<>();
			details.put("source", source.name());
			if (why != null) {
				details.put("note", why);
			}
			changed[0] = true;
			var event = AuditChain.next(head, now, actor.id(), null,
					available ? SharedSourceService.ONLINE_EVENT : SharedSourceService.OFFLINE_EVENT, details);
			em.persist(Rows.row(event));
			return event;
		});
		return changed[0];
	}
}
