package org.miaopi.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;

import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.lifecycle.IllegalTransitionException;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.QueryAccess;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.store.jpa.AuditEventRow;
import org.miaopi.store.jpa.DossierRow;
import org.miaopi.store.jpa.Rows;

/**
 * The audit ledger's writer side for {@link DeskStore}: the chain's head, read once and then kept,
 * and the one writer at a time that extends it — an officer's transition, or a bulk append (a
 * 秒批 batch, a certificate, loading). The cached head moves only when a transaction committed;
 * any failure makes it read afresh. Every transaction that appends events also writes their
 * outbox rows ({@link OutboxLog}) before it commits: the hub learns exactly what the ledger holds; and
 * the step times supervision reads on the dossiers' rows ({@link SupervisionSteps}).
 */
final class Ledger {

	private final DeskStore store;
	private AuditEvent head;
	private boolean headKnown;

	Ledger(DeskStore store) {
		this.store = store;
	}

	synchronized Dossier transition(Officer actor, TransitionRequest req, DecisionSigner signer) {
		EntityManager em = store.entityManager();
		try {
			em.getTransaction().begin();
			DossierRow row = em.find(DossierRow.class, req.dossierNo());
			if (row == null) {
				throw new StoreException(Problem.NOT_FOUND, "no dossier " + req.dossierNo() + " in this store");
			}
			QueryAccess.requireMayAct(actor, Rows.departmentCode(row), req.dossierNo());
			Dossier current = Rows.dossier(row,
					Reads.materials(em, List.of(req.dossierNo())).getOrDefault(req.dossierNo(), List.of()));
			if (req.decision() != null && !req.decision().automatic()) {
				store.matters.apply(current.matterCode())
						.ifPresent(m -> m.requireFitting(req.decision().kind(), req.decision().reasonCodes()));
			}
			Steps.Step step = Steps.check(actor, current, req, Steps.officers(em));
			Steps.requireSigner(actor, req, signer);
			Instant now = Instant.now();
			AuditEvent before = head(em);
			AuditEvent event = Steps.write(em, row, step, actor, before, now, signer);
			SearchKeys.statusChanged(em, List.of(row));
			if (ThemeBook.decides(step.next())) {
				event = ThemeBook.update(em, Map.of(step.next().themeDossierNo(), req.dossierNo()), actor, event, now, true);
			}
			em.flush();
			OutboxLog.record(em, before, event);
			SupervisionSteps.record(em, before, event);
			store.beforeCommit.run();
			em.getTransaction().commit();
			head = event;
			return step.next();
		} catch (IllegalTransitionException | AccessDeniedException | IllegalArgumentException e) {
			throw e;
		} catch (StoreException e) {
			headKnown = false;
			throw e;
		} catch (RollbackException | OptimisticLockException e) {
			headKnown = false;
			if (e instanceof OptimisticLockException || e.getCause() instanceof OptimisticLockException) {
				throw new StoreException(Problem.CONFLICT, "dossier " + req.dossierNo()
						+ " was changed by someone else meanwhile; reload it and try again", e);
			}
			throw StoreErrors.map(e, store.location(), "moving dossier " + req.dossierNo() + " to " + req.to());
		} catch (RuntimeException e) {
			headKnown = false;
			throw StoreErrors.map(e, store.location(), "moving dossier " + req.dossierNo() + " to " + req.to());
		} finally {
			DeskStore.rollbackQuietly(em);
		}
	}

	/**
	 * A change of who holds one dossier ({@link Assignments}): planned on the row as it is now, then
	 * written with its audit event in one transaction. A plan that finds nothing to do writes nothing.
	 */
	synchronized Dossier hold(Officer actor, String dossierNo, Assignments.Plan plan) {
		EntityManager em = store.entityManager();
		try {
			em.getTransaction().begin();
			DossierRow row = em.find(DossierRow.class, dossierNo);
			if (row == null) {
				throw new StoreException(Problem.NOT_FOUND, "no dossier " + dossierNo + " in this store");
			}
			Dossier current = Rows.dossier(row, Reads.materials(em, List.of(dossierNo)).getOrDefault(dossierNo, List.of()));
			Assignments.Change change = plan.plan(current, Steps.officers(em));
			if (change == null) {
				return current;
			}
			AuditEvent before = head(em);
			AuditEvent event = Assignments.write(em, row, change, actor, before, Instant.now());
			SearchKeys.statusChanged(em, List.of(row));
			em.flush();
			OutboxLog.record(em, before, event);
			SupervisionSteps.record(em, before, event);
			store.beforeCommit.run();
			em.getTransaction().commit();
			head = event;
			return change.next();
		} catch (IllegalTransitionException | AccessDeniedException | IllegalArgumentException e) {
			throw e;
		} catch (StoreException e) {
			headKnown = false;
			throw e;
		} catch (RuntimeException e) {
			headKnown = false;
			if (e instanceof OptimisticLockException || e.getCause() instanceof OptimisticLockException) {
				throw new StoreException(Problem.CONFLICT, "dossier " + dossierNo
						+ " was changed by someone else meanwhile; reload it and try again", e);
			}
			throw StoreErrors.map(e, store.location(), "changing who holds dossier " + dossierNo);
		} finally {
			DeskStore.rollbackQuietly(em);
		}
	}

	/** A bulk write that appends audit events: {@code work} gets the head and returns the new one. */
	synchronized void append(String doing, BiFunction<EntityManager, AuditEvent, AuditEvent> work) {
		AuditEvent[] last = new AuditEvent[1];
		try {
			store.write(em -> {
				AuditEvent before = head(em);
				last[0] = work.apply(em, before);
				em.flush();
				OutboxLog.record(em, before, last[0]);
				SupervisionSteps.record(em, before, last[0]);
				store.beforeCommit.run();
			}, doing);
			head = last[0];
		} catch (RuntimeException e) {
			headKnown = false;
			throw e;
		}
	}

	/** Empties the store (no append may run meanwhile); the head is read afresh afterwards. */
	synchronized void reset(Runnable emptying) {
		try {
			emptying.run();
		} finally {
			headKnown = false;
		}
	}

	/** The newest audit event, read once and then kept (every append goes through here). */
	private AuditEvent head(EntityManager em) {
		if (!headKnown) {
			Long max = em.createQuery("SELECT MAX(a.seq) FROM AuditEventRow a", Long.class).getSingleResult();
			head = max == null ? null : Rows.auditEvent(em.find(AuditEventRow.class, max));
			headKnown = true;
		}
		return head;
	}
}
