package org.miaopi.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.miaopi.core.model.Officer;
import org.miaopi.core.supervision.CaseQuery;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.SupervisionRecords;

/**
 * The cases a supervisor's last reads found, kept with their clocks and signals and brought up to date
 * from the record's changes ({@link SupervisionRecords#changesSince}): a second opening of the signals,
 * the dashboard or an evaluation reads again only the dossiers that have a step since the first, and
 * computes only their clocks. What it answers is what a full read would (the record is the ledger's
 * position; every change of a dossier is a step), on the same day: a new day, another viewer or query
 * reads everything again, and so does a record that cannot tell what changed.
 */
final class CaseCache {

	/** More changed dossiers than this and one read of all is cheaper than reading them by number. */
	static final int MOST_CHANGED = 20_000;
	/** Queries kept (the open cases, the dashboard's weeks, an evaluation's period or two). */
	private static final int KEPT = 4;

	private record Key(Officer viewer, CaseQuery query, LocalDate today) {
	}

	/** One query's cases on one day, by number, with what was computed of them. */
	static final class Entry {
		/** By number (the order the store reads them in), or in the record's own order when not kept. */
		final Map<String, CaseRecord> cases;
		final Map<String, CaseClock> clocks = new HashMap<>();
		final Map<String, SupervisionService.CaseSignal> signals = new HashMap<>();
		long position;

		Entry(boolean kept) {
			cases = kept ? new TreeMap<>() : new LinkedHashMap<>();
		}

		Collection<CaseRecord> cases() {
			return cases.values();
		}
	}

	private final Map<Key, Entry> entries = new LinkedHashMap<>(8, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, CaseCache.Entry> eldest) {
			return size() > KEPT;
		}
	};

	/** The query's cases now, read whole the first time and by the dossiers changed since afterwards. */
	synchronized Entry cases(SupervisionRecords records, Officer viewer, CaseQuery query, LocalDate today) {
		Key key = new Key(viewer, query, today);
		Entry kept = entries.get(key);
		SupervisionRecords.Changes changes = records.changesSince(kept == null ? -1 : kept.position);
		if (changes == null) { // this record cannot tell what changed: nothing is kept
			entries.clear();
			Entry e = new Entry(false);
			records.cases(viewer, query).forEach(c -> e.cases.put(c.number(), c));
			return e;
		}
		if (kept == null || changes.dossiers() == null || changes.dossiers().size() > MOST_CHANGED
				|| changes.position() < kept.position) {
			Entry e = new Entry(true);
			e.position = changes.position(); // taken before the read: a step meanwhile is read again next time
			records.cases(viewer, query).forEach(c -> e.cases.put(c.number(), c));
			entries.put(key, e);
			return e;
		}
		Set<String> changed = changes.dossiers();
		if (!changed.isEmpty()) {
			for (String no : changed) {
				kept.cases.remove(no);
				kept.clocks.remove(no);
				kept.signals.remove(no);
			}
			for (CaseRecord c : records.cases(viewer, query.department(), changed)) {
				if (query.matches(c)) {
					kept.cases.put(c.number(), c);
				}
			}
		}
		kept.position = changes.position();
		return kept;
	}

	/** The open cases' signals on {@code today}, by number, each computed once while its dossier is unchanged. */
	static List<SupervisionService.CaseSignal> signals(Entry e, SignalRules rules, LocalDate today) {
		List<SupervisionService.CaseSignal> out = new ArrayList<>(e.cases.size());
		for (CaseRecord c : e.cases.values()) {
			out.add(e.signals.computeIfAbsent(c.number(), n -> SupervisionService.signal(c, rules, today)));
		}
		return out;
	}

	/** A case's clock on {@code today}, computed once while its dossier is unchanged. */
	static CaseClock clock(Entry e, CaseRecord c, SignalRules rules, LocalDate today) {
		return e.clocks.computeIfAbsent(c.number(), n -> CaseClock.of(c, rules.rules(), rules.calendar(), today));
	}
}
