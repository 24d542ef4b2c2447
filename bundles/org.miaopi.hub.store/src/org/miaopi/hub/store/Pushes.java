package org.miaopi.hub.store;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.miaopi.hub.store.Push.Batch;
import org.miaopi.hub.store.Push.Checkpoint;
import org.miaopi.hub.store.Push.Event;
import org.miaopi.hub.store.Push.Refused;
import org.miaopi.hub.store.Push.Result;
import org.miaopi.hub.store.Push.Status;
import org.miaopi.hub.store.internal.CheckpointRow;
import org.miaopi.hub.store.internal.DeskEventRow;
import org.miaopi.hub.store.internal.DeskMarkRow;
import org.miaopi.hub.store.internal.DossierRow;
import org.miaopi.hub.store.internal.ProgressRow;
import org.miaopi.hub.store.internal.Sequences;

/**
 * Applies desks' outbox batches (docs/hub.md, "Sync protocol"): each in one transaction, exactly
 * once under the desk's high-water mark (a row lock on HUB_DESK_MARK), its chain checked against
 * the head the hub holds, its changes applied to the dossiers' progress unless the hub, the
 * authority on assignment and status, holds the dossier otherwise (then refused for that dossier
 * only), every row kept, and the new head signed as a checkpoint.
 */
public final class Pushes {

	private static final Set<String> DECIDED = Set.of("APPROVED", "REJECTED"); //$NON-NLS-1$ //$NON-NLS-2$
	static final String WITHDRAWN = "WITHDRAWN"; //$NON-NLS-1$

	private final HubStore store;

	Pushes(HubStore store) {
		this.store = store;
	}

	/**
	 * @throws IllegalArgumentException when the batch does not hold together (sequences, chain links
	 *             within it, its head): a malformed request, refused before anything is read
	 */
	public Result apply(Batch b, Push.Witness witness, Push.WorkingDays days) {
		requireWhole(b);
		return store.inTransaction(em -> {
			DeskMarkRow m = em.find(DeskMarkRow.class, b.desk(), LockModeType.PESSIMISTIC_WRITE);
			long mark = m == null ? 0 : m.highWater;
			if (b.to() <= mark) {
				return new Result(Status.ALREADY_APPLIED, mark, null, List.of(), "outbox rows " + b.from() + " to " + b.to() //$NON-NLS-1$ //$NON-NLS-2$
						+ " were applied before; the hub has everything up to " + mark); //$NON-NLS-1$
			}
			if (b.from() - 1 != mark) {
				return new Result(Status.OUT_OF_STEP, mark, null, List.of(), "the hub has applied this desk's outbox up to " + mark //$NON-NLS-1$
						+ "; send from " + (mark + 1) + ", not from " + b.from()); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Event first = b.events().get(0);
			if (m != null && m.headHash != null && !m.headHash.equals(first.prevHash())) {
				return new Result(Status.CHAIN_BROKEN, mark, null, List.of(), "audit event " + first.auditSeq() + " (outbox row " //$NON-NLS-1$ //$NON-NLS-2$
						+ first.sequence() + ") does not continue the ledger head the hub holds for " + b.desk() + " at outbox row " //$NON-NLS-1$ //$NON-NLS-2$
						+ mark + " (" + m.headHash + "): the desk's ledger was changed after the hub witnessed it"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Set<String> numbers = new LinkedHashSet<>();
			b.events().stream().filter(e -> e.dossierNo() != null).forEach(e -> numbers.add(e.dossierNo()));
			Map<String, DossierRow> dossiers = dossiers(em, List.copyOf(numbers));
			for (DossierRow d : dossiers.values()) {
				if (!d.department.equals(b.department())) {
					return new Result(Status.FORBIDDEN, mark, null, List.of(), "dossier " + d.submissionId + " is of department " //$NON-NLS-1$ //$NON-NLS-2$
							+ d.department + ": a desk of " + b.department() + " cannot change it"); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
			Map<String, ProgressRow> progress = lockedProgress(em, List.copyOf(dossiers.keySet()));
			long now = store.clock().millis();
			List<Refused> refused = new ArrayList<>();
			LinkedHashSet<ProgressRow> changed = new LinkedHashSet<>();
			DecisionTrust trust = new DecisionTrust(em, b.desk(), b.department(), now);
			for (Event e : b.events()) {
				DeskEventRow row = row(b.desk(), e, now);
				ProgressRow p = e.movesDossier() ? progress.get(e.dossierNo()) : null;
				if (p != null) {
					String conflict = conflict(p, b.desk());
					if (conflict == null) {
						conflict = trust.refusal(p, e);
					}
					if (conflict == null) {
						trust.applied(e);
						move(p, e, b.desk(), dossiers.get(e.dossierNo()).submittedMs, days);
						if (e.issued() != null) {
							HubCertificates.keep(em, b.desk(), p.submissionId, p.department, e.issued(), now);
						}
						changed.remove(p);
						changed.add(p);
					} else {
						row.refused = conflict;
						refused.add(new Refused(e.sequence(), e.dossierNo(), conflict, state(p)));
					}
				}
				if (DeskPasswords.KIND.equals(e.kind())) {
					row.refused = DeskPasswords.apply(em, e, b.department(), now);
				}
				em.persist(row);
			}
			if (!changed.isEmpty()) {
				long feed = Sequences.reserve(em, Sequences.FEED, changed.size());
				for (ProgressRow p : changed) {
					p.feedSeq = feed++;
					p.updatedMs = now;
				}
			}
			if (m == null) {
				m = new DeskMarkRow();
				m.desk = b.desk();
				em.persist(m);
			}
			m.highWater = b.to();
			m.headHash = b.ledgerHead();
			m.updatedMs = now;
			Checkpoint cp = new Checkpoint(b.desk(), b.to(), b.ledgerHead(),
					witness.sign(Push.signedText(b.desk(), b.to(), b.ledgerHead())), witness.certificate(), now);
			CheckpointRow c = new CheckpointRow();
			c.desk = cp.desk();
			c.seq = cp.sequence();
			c.headHash = cp.headHash();
			c.signature = Base64.getEncoder().encodeToString(cp.signature());
			c.signedMs = now;
			em.merge(c);
			return new Result(Status.APPLIED, b.to(), cp, refused, null);
		});
	}

	/**
	 * The hub's rules (docs/hub.md, "Conflicts"), for a change of {@code desk} to a dossier the hub
	 * holds as {@code p}: null when it may be applied, else the reason it is refused.
	 */
	static String conflict(ProgressRow p, String desk) {
		boolean other = p.holderDesk != null && !p.holderDesk.equals(desk);
		if (WITHDRAWN.equals(p.outcome) && (p.holderDesk == null || other)) {
			return "the application was withdrawn at the hub"; //$NON-NLS-1$
		}
		if (other && p.outcome != null && DECIDED.contains(p.outcome)) {
			return "the dossier was decided at desk " + p.holderDesk + " (" + p.outcome + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		if (other) {
			return "the dossier was reassigned to desk " + p.holderDesk + " at the hub"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		return null;
	}

	private static String state(ProgressRow p) {
		return p.stage + (p.outcome == null || p.outcome.equals(p.stage) ? "" : " (" + p.outcome + ")") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ (p.holderDesk == null ? "" : " at desk " + p.holderDesk); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static void move(ProgressRow p, Event e, String desk, long submittedMs, Push.WorkingDays days) {
		if (e.stage() != null) {
			p.stage = e.stage();
		}
		if (e.outcome() != null) {
			p.outcome = e.outcome();
			p.reasons = e.reasons() == null ? null : String.join(",", e.reasons()); //$NON-NLS-1$
		}
		if (e.certificateNo() != null) {
			p.certificateNo = e.certificateNo();
		}
		p.holderDesk = desk;
		int limit = p.daysUsed + p.daysLeft;
		int used = Math.max(0, days.between(submittedMs, e.eventMs()));
		p.daysUsed = used;
		p.daysLeft = Math.max(0, limit - used);
	}

	private static DeskEventRow row(String desk, Event e, long now) {
		DeskEventRow r = new DeskEventRow();
		r.desk = desk;
		r.seq = e.sequence();
		r.kind = e.kind();
		r.dossierNo = e.dossierNo();
		r.auditSeq = e.auditSeq();
		r.hash = e.hash();
		r.payload = e.payload();
		r.createdMs = e.createdMs();
		r.receivedMs = now;
		return r;
	}

	/** Sequences from..to in order, each event linked to the one before, the last one the head. */
	static void requireWhole(Batch b) {
		if (b.events().isEmpty() || b.from() < 1 || b.to() - b.from() + 1 != b.events().size()) {
			throw new IllegalArgumentException("a batch from " + b.from() + " to " + b.to() + " must carry exactly " //$NON-NLS-1$ //$NON-NLS-2$
					+ "those outbox rows, from 1 on, not " + b.events().size()); //$NON-NLS-1$
		}
		Event prev = null;
		for (Event e : b.events()) {
			long expected = prev == null ? b.from() : prev.sequence() + 1;
			if (e.sequence() != expected) {
				throw new IllegalArgumentException("outbox row " + expected + " is missing or out of order (found " + e.sequence() + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			if (prev != null && (e.auditSeq() != prev.auditSeq() + 1 || !e.prevHash().equals(prev.hash()))) {
				throw new IllegalArgumentException("audit event " + e.auditSeq() + " (outbox row " + e.sequence() //$NON-NLS-1$ //$NON-NLS-2$
						+ ") does not follow the event before it in the batch"); //$NON-NLS-1$
			}
			prev = e;
		}
		if (!prev.hash().equals(b.ledgerHead())) {
			throw new IllegalArgumentException("'ledgerHead' is not the hash of the batch's last audit event"); //$NON-NLS-1$
		}
	}

	// ------------------------------------------------------------------ the hub's own moves

	/** The applicant withdrew at the hub: desks' later changes to the dossier are refused. */
	public boolean withdraw(String submissionId) {
		return store.inTransaction(em -> {
			ProgressRow p = em.find(ProgressRow.class, submissionId, LockModeType.PESSIMISTIC_WRITE);
			if (p == null) {
				return false;
			}
			p.stage = WITHDRAWN;
			p.outcome = WITHDRAWN;
			p.holderDesk = null;
			p.updatedMs = store.clock().millis();
			p.feedSeq = Sequences.reserve(em, Sequences.FEED, 1);
			return true;
		});
	}

	/** An admin gives the dossier to a desk of its department; other desks' changes are then refused. */
	public void assign(String submissionId, String desk) {
		store.inTransaction(em -> {
			ProgressRow p = em.find(ProgressRow.class, submissionId, LockModeType.PESSIMISTIC_WRITE);
			if (p == null) {
				throw new IllegalArgumentException("no dossier with submission id " + submissionId + " at the hub"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			org.miaopi.hub.store.internal.DeskRow d = em.find(org.miaopi.hub.store.internal.DeskRow.class, desk);
			if (d == null || !p.department.equals(d.department)) {
				throw new IllegalArgumentException("desk " + desk + " is not an enrolled desk of department " + p.department); //$NON-NLS-1$ //$NON-NLS-2$
			}
			p.holderDesk = desk;
			return null;
		});
	}

	/** The desk that holds the dossier at the hub, if any. */
	public java.util.Optional<String> holder(String submissionId) {
		return store.read(em -> java.util.Optional.ofNullable(em.find(ProgressRow.class, submissionId)).map(p -> p.holderDesk));
	}

	/** The rows a desk pushed, in order. */
	public List<Push.Stored> events(String desk) {
		return store.read(em -> em.createQuery("SELECT e FROM DeskEventRow e WHERE e.desk = :d ORDER BY e.seq", DeskEventRow.class) //$NON-NLS-1$
				.setParameter("d", desk).getResultList().stream() //$NON-NLS-1$
				.map(e -> new Push.Stored(e.desk, e.seq, e.kind, e.dossierNo, e.auditSeq, e.hash.strip(), e.refused)).toList());
	}

	/** The latest checkpoint the hub signed for a desk: its sequence and head hash. */
	public java.util.Optional<String[]> latestCheckpoint(String desk) {
		return store.read(em -> em.createQuery("SELECT c FROM CheckpointRow c WHERE c.desk = :d ORDER BY c.seq DESC", //$NON-NLS-1$
				CheckpointRow.class).setParameter("d", desk).setMaxResults(1).getResultStream().findFirst() //$NON-NLS-1$
				.map(c -> new String[] { Long.toString(c.seq), c.headHash.strip() }));
	}

	private static Map<String, DossierRow> dossiers(EntityManager em, List<String> numbers) {
		Map<String, DossierRow> out = new HashMap<>();
		for (List<String> chunk : InClause.chunks(numbers)) {
			for (DossierRow d : em.createQuery("SELECT d FROM DossierRow d WHERE d.submissionId IN :s", DossierRow.class) //$NON-NLS-1$
					.setParameter("s", chunk).getResultList()) { //$NON-NLS-1$
				out.put(d.submissionId, d);
			}
		}
		return out;
	}

	/**
	 * Progress rows locked until commit, in submission id order so that two batches lock in the same
	 * order (Derby permits no ORDER BY in a FOR UPDATE query; its probe of the key's index goes in
	 * key order anyway).
	 */
	private Map<String, ProgressRow> lockedProgress(EntityManager em, List<String> numbers) {
		List<String> sorted = numbers.stream().sorted().toList();
		String order = store.database().dialect() == org.miaopi.hub.store.schema.HubMigrations.Dialect.POSTGRESQL ? " ORDER BY p.submissionId" : ""; //$NON-NLS-1$ //$NON-NLS-2$
		Map<String, ProgressRow> out = new HashMap<>();
		for (List<String> chunk : InClause.chunks(sorted)) {
			for (ProgressRow p : em.createQuery("SELECT p FROM ProgressRow p WHERE p.submissionId IN :s" + order, //$NON-NLS-1$
					ProgressRow.class).setParameter("s", chunk) //$NON-NLS-1$
					.setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
				out.put(p.submissionId, p);
			}
		}
		return out;
	}
}
