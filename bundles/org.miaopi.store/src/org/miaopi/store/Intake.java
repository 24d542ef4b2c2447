package org.miaopi.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.lifecycle.IllegalTransitionException;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.AccessDeniedException.Rule;
import org.miaopi.core.service.SettleResult;
import org.miaopi.core.service.SettleResult.Outcome;
import org.miaopi.core.service.Settlement;
import org.miaopi.store.jpa.DossierRow;
import org.miaopi.store.jpa.Rows;
import org.miaopi.store.jpa.SharedRecordRow;

/**
 * {@link org.miaopi.core.service.IntakeService} on the desk's store: what the 秒批 engine reads in
 * bulk and the batches it settles, each batch one transaction.
 */
final class Intake {

	/** Keys per IN list: few statements for a batch, and few distinct statement shapes for Derby to compile. */
	static final int CHUNK = 500;
	/**
	 * Keys per IN list of a read ordered by a secondary key (materials, shared records): with 500
	 * keys Derby's plan evaluated the IN list against every row of the table (JFR: DataType.in
	 * under a table scan); short lists keep its multi-probe of the index.
	 */
	static final int PROBES = 50;

	private final DeskStore store;

	Intake(DeskStore store) {
		this.store = store;
	}

	static void requireSystem(Officer actor, String what) {
		if (!actor.hasRole(Role.SYSTEM)) {
			throw new AccessDeniedException(Rule.NO_ROLE, actor.id() + " cannot " + what
					+ ": only the 秒批 system works on the intake of all departments");
		}
	}

	List<Dossier> received(Officer actor, int limit, String afterNumber) {
		requireSystem(actor, "list the received dossiers");
		NumberQuery.requireLimit(limit);
		// a range scan of index DOSSIER_INTAKE (V4.sql), already in number order
		String sql = "SELECT NUMBER FROM DOSSIER WHERE STATUS = ?" + (afterNumber == null ? "" : " AND NUMBER > ?")
				+ " ORDER BY NUMBER FETCH FIRST ? ROWS ONLY";
		String received = DossierStatus.RECEIVED.name();
		List<String> numbers = afterNumber == null ? NumberQuery.numbers(store, sql, "listing the received dossiers", received, limit)
				: NumberQuery.numbers(store, sql, "listing the received dossiers", received, afterNumber, limit);
		return store.read(em -> dossiers(em, numbers));
	}

	/** The dossiers with these numbers, in this order (numbers not found are left out). */
	static List<Dossier> dossiers(EntityManager em, List<String> numbers) {
		return dossiers(em, numbers, rows(em, numbers));
	}

	/** As above, from rows already read in this transaction (one query for them, not two). */
	static List<Dossier> dossiers(EntityManager em, List<String> numbers, Map<String, DossierRow> rows) {
		Map<String, List<Material>> materials = new HashMap<>();
		for (List<String> chunk : chunks(numbers, PROBES)) {
			materials.putAll(Reads.materials(em, chunk));
		}
		List<Dossier> out = new ArrayList<>(numbers.size());
		for (String no : numbers) {
			DossierRow r = rows.get(no);
			if (r != null) {
				out.add(Rows.dossier(r, materials.getOrDefault(no, List.of())));
			}
		}
		return out;
	}

	static Map<String, DossierRow> rows(EntityManager em, Collection<String> numbers) {
		Map<String, DossierRow> rows = new HashMap<>();
		for (List<String> chunk : chunks(numbers)) {
			for (DossierRow r : em.createQuery("SELECT d FROM DossierRow d WHERE d.number IN :nos", DossierRow.class)
					.setParameter("nos", chunk).getResultList()) {
				rows.put(Rows.number(r), r);
			}
		}
		return rows;
	}

	Map<String, List<SharedRecord>> sharedRecords(Officer actor, Collection<String> subjectIds) {
		requireSystem(actor, "read shared records in bulk");
		Map<String, List<SharedRecord>> by = new LinkedHashMap<>();
		for (String s : subjectIds) {
			by.put(s, new ArrayList<>());
		}
		return store.read(em -> {
			for (List<String> chunk : chunks(by.keySet(), PROBES)) {
				for (SharedRecordRow r : em.createQuery("SELECT s FROM SharedRecordRow s WHERE s.subjectId IN :ids"
						+ " ORDER BY s.subjectId, s.asOfMs DESC", SharedRecordRow.class).setParameter("ids", chunk)
						.getResultList()) {
					SharedRecord rec = Rows.sharedRecord(r);
					by.get(rec.subjectId()).add(rec);
				}
			}
			Map<String, List<SharedRecord>> out = new LinkedHashMap<>();
			by.forEach((k, v) -> out.put(k, List.copyOf(v)));
			return out;
		});
	}

	/** A settlement that passed every check, waiting to be written. */
	private record Plan(Settlement settlement, DossierRow row, List<Steps.Step> steps) {
	}

	List<SettleResult> settle(Officer actor, List<Settlement> settlements) {
		requireSystem(actor, "settle received dossiers");
		SettleResult[] results = new SettleResult[settlements.size()];
		if (settlements.isEmpty()) {
			return List.of();
		}
		store.appendToLedger("settling " + settlements.size() + " received dossiers", (em, head) -> {
			Set<String> numbers = new LinkedHashSet<>();
			settlements.forEach(s -> numbers.add(s.dossierNo()));
			Map<String, DossierRow> rows = rows(em, numbers);
			Map<String, Dossier> current = new HashMap<>();
			for (Dossier d : dossiers(em, new ArrayList<>(numbers), rows)) {
				current.put(d.number(), d);
			}
			// check everything before writing anything: a refused dossier leaves no trace in the batch
			List<Plan> plans = new ArrayList<>();
			var officers = Steps.officers(em);
			for (int i = 0; i < results.length; i++) {
				Settlement s = settlements.get(i);
				Dossier d = current.get(s.dossierNo());
				if (d == null) {
					results[i] = new SettleResult(s.dossierNo(), Outcome.FAILED, null,
							"no dossier " + s.dossierNo() + " in this store");
					continue;
				}
				if (d.status() != DossierStatus.RECEIVED) {
					results[i] = new SettleResult(s.dossierNo(), Outcome.SKIPPED, d.status(), "dossier "
							+ s.dossierNo() + " is " + d.status() + ", no longer RECEIVED; left as it is");
					continue;
				}
				try {
					checkComparisons(s);
					List<Steps.Step> steps = new ArrayList<>();
					Dossier next = d;
					for (var req : s.steps()) {
						Steps.Step step = Steps.check(actor, next, req, officers);
						steps.add(step);
						next = step.next();
					}
					plans.add(new Plan(s, rows.get(s.dossierNo()), steps));
					current.put(s.dossierNo(), next); // the same number twice in a batch: the second is skipped
					results[i] = new SettleResult(s.dossierNo(), Outcome.SETTLED, next.status(), null);
				} catch (IllegalTransitionException | AccessDeniedException | IllegalArgumentException e) {
					results[i] = new SettleResult(s.dossierNo(), Outcome.FAILED, d.status(), e.getMessage());
				}
			}
			Instant now = Instant.now();
			AuditEvent prev = head;
			// the rows read above are detached: the writer's JDBC batches are the only writes (no flush of a unit of work)
			em.clear();
			try (SettleWriter w = new SettleWriter(em.unwrap(java.sql.Connection.class))) {
				for (Plan p : plans) {
					w.comparisons(p.settlement().dossierNo(), p.settlement().comparisons());
					for (Steps.Step step : p.steps()) {
						prev = w.step(p.row(), step, actor, prev, now);
					}
				}
				w.execute();
			} catch (java.sql.SQLException e) {
				throw new IllegalStateException("cannot write the settlement of " + plans.size() + " dossiers", e);
			}
			Replaced.write(em, plans.stream().map(p -> Map.entry(p.row(), p.settlement())).toList(), current);
			Map<String, List<ComparisonResult>> counted = new LinkedHashMap<>();
			plans.forEach(p -> counted.put(p.settlement().dossierNo(), p.settlement().comparisons()));
			AttentionColumn.replaced(em, counted);
			// one key update per settled dossier, with its final status (a number twice is settled once)
			SearchKeys.statusChanged(em, plans.stream().map(Plan::row).distinct().toList());
			// the themes whose member was decided: their outcome, in this same transaction
			Map<String, String> themes = new LinkedHashMap<>();
			for (Plan p : plans) {
				Dossier last = p.steps().get(p.steps().size() - 1).next();
				if (ThemeBook.decides(last)) {
					themes.put(last.themeDossierNo(), last.number());
				}
			}
			return ThemeBook.update(em, themes, actor, prev, now, true);
		});
		return List.of(results);
	}

	/** Two results for the same rule and field would collide in the table; refuse them up front. */
	private static void checkComparisons(Settlement s) {
		Set<String> keys = new HashSet<>();
		for (ComparisonResult c : s.comparisons()) {
			if (!keys.add(c.ruleId() + "\u0000" + c.field())) {
				throw new IllegalArgumentException("dossier " + s.dossierNo() + " has two comparison results for rule "
						+ c.ruleId() + ", field " + c.field());
			}
		}
	}

	static List<List<String>> chunks(Collection<String> keys) {
		return chunks(keys, CHUNK);
	}

	static List<List<String>> chunks(Collection<String> keys, int size) {
		List<String> all = new ArrayList<>(keys);
		List<List<String>> out = new ArrayList<>();
		for (int i = 0; i < all.size(); i += size) {
			out.add(all.subList(i, Math.min(all.size(), i + size)));
		}
		return out;
	}
}
