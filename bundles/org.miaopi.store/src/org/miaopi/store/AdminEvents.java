package org.miaopi.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.AccessDeniedException.Rule;
import org.miaopi.store.jpa.Rows;

/** {@link org.miaopi.core.service.AdminLog}: an admin's change to the desk, as one ledger event of no dossier. */
final class AdminEvents {

	private final DeskStore store;

	AdminEvents(DeskStore store) {
		this.store = store;
	}

	void record(Officer actor, String type, Map<String, String> details) {
		if (!actor.hasRole(Role.ADMIN) && !actor.hasRole(Role.SYSTEM)) {
			throw new AccessDeniedException(Rule.NO_ROLE, actor.id() + " cannot " + type + ": only an admin may");
		}
		if (type == null || type.isBlank()) {
			throw new IllegalArgumentException("an admin event needs a type");
		}
		Map<String, String> copy = new LinkedHashMap<>(details);
		store.appendToLedger("recording " + type, (em, head) -> {
			var event = AuditChain.next(head, Instant.now(), actor.id(), null, type, copy);
			em.persist(Rows.row(event));
			return event;
		});
	}
}
