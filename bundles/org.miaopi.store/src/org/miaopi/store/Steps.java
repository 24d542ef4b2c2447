package org.miaopi.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.audit.LedgerRecords;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.lifecycle.Lifecycle;
import org.miaopi.core.lifecycle.Transition;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.AccessDeniedException.Rule;
import org.miaopi.core.service.QueryAccess;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.store.jpa.DecisionRow;
import org.miaopi.store.jpa.DossierRow;
import org.miaopi.store.jpa.OfficerRow;
import org.miaopi.store.jpa.Rows;

/**
 * One lifecycle step, in two halves: {@link #check} decides whether it is legal and allowed
 * without touching the database, {@link #write} applies it with its audit event (and decision).
 * Every status change of the store — a single transition, a 秒批 batch, a certificate — goes
 * through both, so the rules live in one place.
 */
final class Steps {

	/** A checked step: the dossier after it and what the audit event records. */
	record Step(TransitionRequest request, Transition transition, Dossier next, Map<String, String> details) {
	}

	private Steps() {
	}

	/**
	 * @throws org.miaopi.core.lifecycle.IllegalTransitionException if the lifecycle forbids it
	 * @throws AccessDeniedException if {@code actor} may not do it
	 * @throws IllegalArgumentException if the request is incomplete (e.g. a decision missing)
	 * @throws StoreException (CONFLICT) if the dossier is no longer in the status the request expected
	 */
	static Step check(Officer actor, Dossier current, TransitionRequest req, Function<String, Optional<Officer>> officers) {
		if (!req.dossierNo().equals(current.number())) {
			throw new IllegalArgumentException("a step for dossier " + req.dossierNo() + " applied to " + current.number());
		}
		QueryAccess.requireMayAct(actor, current.departmentCode(), current.number());
		if (req.expected() != null && req.expected() != current.status()) {
			throw new StoreException(Problem.CONFLICT, "dossier " + current.number() + " is now " + current.status()
					+ ", no longer " + req.expected() + " as when the request was made; nothing was changed: reopen it to see"
					+ " what happened meanwhile");
		}
		QueryAccess.requireHolder(actor, current);
		Transition t = Lifecycle.require(current.status(), req.to());
		checkDecision(actor, t, req);
		if (req.decision() != null) {
			QueryAccess.requireDecider(actor, current);
		}
		Dossier next = req.to() == DossierStatus.ASSIGNED
				? current.assignTo(assignee(actor, current, req, officers))
				: current.transitionTo(req.to());
		Map<String, String> details = new LinkedHashMap<>(req.details());
		details.put("from", current.status().name());
		details.put("to", next.status().name());
		if (req.to() == DossierStatus.ASSIGNED) {
			details.put("assignee", next.assignedOfficerId());
		}
		if (req.decision() != null) {
			details.put("decision", req.decision().kind().name());
			details.put("reasons", String.join(",", req.decision().reasonCodes()));
		}
		return new Step(req, t, next, details);
	}

	/** Officers by id as the store has them, for {@link #check}. */
	static Function<String, Optional<Officer>> officers(EntityManager em) {
		return id -> Optional.ofNullable(em.find(OfficerRow.class, id)).map(Rows::officer);
	}

	/**
	 * Applies a checked step to the managed row; returns the new head of the ledger. The caller
	 * then brings the row's search keys up to date ({@link SearchKeys#statusChanged}), once per
	 * dossier after its last step.
	 */
	static AuditEvent write(EntityManager em, DossierRow row, Step step, Officer actor, AuditEvent prev, Instant now,
			DecisionSigner signer) {
		Rows.apply(row, step.next());
		long sequence = prev == null ? 1 : prev.sequence() + 1;
		Decision decision = step.request().decision();
		AuditEvent event = AuditChain.next(prev, now, actor.id(), step.next().number(), step.transition().eventType(),
				details(step, sequence));
		em.persist(Rows.row(event));
		if (decision != null) {
			DecisionRow d = Rows.row(event.sequence(), decision);
			if (!decision.automatic()) {
				Signatures.sign(em, d, LedgerRecords.decision(sequence, decision), signer);
			}
			em.persist(d);
			DecisionSearchColumns.filled(em, event.sequence(), event.sequence());
		}
		return event;
	}

	/** The step's audit details, with the digest of its decision record when it carries one (see {@link LedgerRecords}). */
	static Map<String, String> details(Step step, long sequence) {
		Decision decision = step.request().decision();
		if (decision == null) {
			return step.details();
		}
		Map<String, String> details = new LinkedHashMap<>(step.details());
		details.put(LedgerRecords.DECISION_DIGEST, LedgerRecords.decisionDigest(sequence, decision).hex());
		return details;
	}

	/**
	 * An officer's decision is refused without the officer's own signer, checked before anything is
	 * written; 秒批 decisions are signed by no one (their policy, version and inputs digest say what decided).
	 */
	static void requireSigner(Officer actor, TransitionRequest req, DecisionSigner signer) {
		if (req.decision() == null || req.decision().automatic()) {
			return;
		}
		if (signer == null) {
			throw new IllegalArgumentException("the decision on dossier " + req.dossierNo() + " is not signed: "
					+ actor.id() + "'s signing key is not unlocked (sign in again with the password)");
		}
		if (!signer.officerId().equals(actor.id())) {
			throw new AccessDeniedException(Rule.NO_ROLE, actor.id() + " cannot sign a decision with the key of " + signer.officerId());
		}
	}

	/**
	 * Who reviews: the officer the 秒批 system names. People do not assign through a transition: an
	 * officer claims a dossier, a supervisor reassigns it ({@link Assignments}).
	 */
	private static String assignee(Officer actor, Dossier d, TransitionRequest req,
			Function<String, Optional<Officer>> officers) {
		if (!actor.isSystem()) {
			throw new IllegalArgumentException(actor.id() + " cannot assign dossier " + d.number() + " by a transition:"
					+ " an officer claims it, a supervisor reassigns it");
		}
		if (req.assignee() == null) {
			throw new IllegalArgumentException("the 秒批 system must name the officer who reviews dossier " + d.number());
		}
		return reviewer(d, req.assignee(), officers);
	}

	/**
	 * The reviewer must be an approval officer of the dossier's own department, who alone may decide
	 * it; otherwise the dossier would sit in a queue where nobody can act on it.
	 */
	static String reviewer(Dossier d, String id, Function<String, Optional<Officer>> officers) {
		Officer o = officers.apply(id).orElseThrow(() -> new IllegalArgumentException(
				"cannot assign dossier " + d.number() + " to " + id + ": there is no such officer"));
		if (!d.departmentCode().equals(o.departmentCode())) {
			throw new AccessDeniedException(Rule.OTHER_DEPARTMENT, "cannot assign dossier " + d.number() + " of department "
					+ d.departmentCode() + " to " + id + ", who works for " + o.departmentCode());
		}
		if (!o.hasRole(Role.OFFICER)) {
			throw new IllegalArgumentException("cannot assign dossier " + d.number() + " to " + id + ", who is "
					+ o.roles() + ": only an approval officer reviews and decides");
		}
		return id;
	}

	private static void checkDecision(Officer actor, Transition t, TransitionRequest req) {
		if (t.automatic() && !actor.isSystem()) {
			throw new AccessDeniedException(Rule.NO_ROLE, t + " is a 秒批 decision taken by policy; an officer decides"
					+ " only after assigning the dossier and starting the review");
		}
		boolean decisive = req.to() == DossierStatus.APPROVED || req.to() == DossierStatus.REJECTED
				|| req.to() == DossierStatus.SUPPLEMENT_REQUESTED;
		if (decisive && req.decision() == null) {
			throw new IllegalArgumentException("moving dossier " + req.dossierNo() + " to " + req.to()
					+ " needs the decision (kind, reasons, legal basis)");
		}
		if (!decisive && req.decision() != null) {
			throw new IllegalArgumentException("a decision cannot move a dossier to " + req.to());
		}
		if (req.decision() != null && !req.decision().officerId().equals(actor.id())) {
			throw new AccessDeniedException(Rule.NO_ROLE,
					actor.id() + " cannot record a decision taken by " + req.decision().officerId());
		}
	}
}
