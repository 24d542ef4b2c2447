package org.miaopi.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.lifecycle.Lifecycle;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.AccessDeniedException.Rule;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.QueryAccess;
import org.miaopi.store.jpa.DossierRow;
import org.miaopi.store.jpa.Rows;

/**
 * Who holds a dossier: claim, hand back, reassign. Each is planned here without touching the
 * database (the rules), then written by {@link Ledger#hold} with its audit event in one
 * transaction. A status that changes on the way (PRE_CHECKED ⇄ ASSIGNED) is asked of
 * {@link Lifecycle}; a dossier waiting for a supplement changes holder in place.
 */
final class Assignments {

	/** What one assignment does: the dossier after it, and its audit event. */
	record Change(Dossier next, String eventType, Map<String, String> details) {
	}

	/** Plans a change of {@code current}; null when it is already as asked (a second click: nothing to record). */
	interface Plan {
		Change plan(Dossier current, Function<String, Optional<Officer>> officers);
	}

	private Assignments() {
	}

	static Plan claim(Officer officer) {
		return (d, officers) -> {
			QueryAccess.requireMayAct(officer, d.departmentCode(), d.number());
			if (officer.isSystem()) {
				throw new IllegalArgumentException("the 秒批 system claims no dossier; it routes " + d.number()
						+ " to its department's queue");
			}
			if (QueryAccess.holdable(d) && officer.id().equals(d.assignedOfficerId())) {
				return null;
			}
			if (d.isHeld()) {
				throw new AccessDeniedException(Rule.NOT_HOLDER, "dossier " + d.number() + " is already held by "
						+ d.assignedOfficerId() + "; they may hand it back, or a supervisor reassign it");
			}
			Dossier next = d.status() == DossierStatus.SUPPLEMENT_REQUESTED ? d.heldBy(officer.id())
					: d.assignTo(officer.id()); // asks the lifecycle: only PRE_CHECKED can be assigned
			return change(d, next, DossierService.CLAIMED_EVENT);
		};
	}

	static Plan handBack(Officer officer) {
		return (d, officers) -> {
			QueryAccess.requireMayAct(officer, d.departmentCode(), d.number());
			if (!QueryAccess.holdable(d)) {
				if (d.status() == DossierStatus.RECEIVED || d.status() == DossierStatus.PRE_CHECKED) {
					return null; // nobody holds it
				}
				Lifecycle.require(d.status(), DossierStatus.PRE_CHECKED); // decided or withdrawn: refused, naming both
			}
			if (d.assignedOfficerId() == null) {
				return null;
			}
			if (!officer.isSystem() && !officer.id().equals(d.assignedOfficerId())) {
				throw new AccessDeniedException(Rule.NOT_HOLDER, "dossier " + d.number() + " is held by "
						+ d.assignedOfficerId() + ", not " + officer.id() + ": only the holder hands it back");
			}
			Dossier next = d.status() == DossierStatus.SUPPLEMENT_REQUESTED ? d.heldBy(null)
					: d.transitionTo(DossierStatus.PRE_CHECKED);
			return change(d, next, DossierService.HANDED_BACK_EVENT);
		};
	}

	static Plan reassign(Officer supervisor, String officerId) {
		return (d, officers) -> {
			QueryAccess.requireMayReassign(supervisor, d.departmentCode(), d.number());
			String to = Steps.reviewer(d, officerId, officers);
			if (QueryAccess.holdable(d) && to.equals(d.assignedOfficerId())) {
				return null;
			}
			Dossier next = QueryAccess.holdable(d) ? d.heldBy(to) : d.assignTo(to);
			return change(d, next, DossierService.REASSIGNED_EVENT);
		};
	}

	private static Change change(Dossier before, Dossier next, String eventType) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("from", before.status().name());
		details.put("to", next.status().name());
		if (next.assignedOfficerId() != null) {
			details.put("assignee", next.assignedOfficerId());
		}
		if (QueryAccess.holdable(before) && before.assignedOfficerId() != null) {
			details.put("previous", before.assignedOfficerId());
		}
		return new Change(next, eventType, details);
	}

	/** Applies a planned change to the managed row and appends its audit event; returns the new head. */
	static AuditEvent write(EntityManager em, DossierRow row, Change change, Officer actor, AuditEvent prev, Instant now) {
		Rows.apply(row, change.next());
		AuditEvent event = AuditChain.next(prev, now, actor.id(), change.next().number(), change.eventType(),
				change.details());
		em.persist(Rows.row(event));
		return event;
	}
}
