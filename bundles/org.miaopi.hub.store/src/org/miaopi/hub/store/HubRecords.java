package org.miaopi.hub.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.miaopi.hub.store.internal.Json;
import org.miaopi.hub.store.internal.SharedRecordRow;

/** The shared records the hub keeps for the desks' applicants, inside a transaction {@link HubStore} runs. */
final class HubRecords {

	private HubRecords() {
	}

	/** Stores the records the hub lacks (same source, subject and as-of time: held). @return how many were new */
	static int store(EntityManager em, List<HubRecord> records, long now) {
		Set<String> held = new HashSet<>();
		for (List<String> chunk : InClause.chunks(records.stream().map(HubRecord::subjectId).distinct().toList())) {
			for (SharedRecordRow r : em.createQuery("SELECT r FROM SharedRecordRow r WHERE r.subjectId IN :s", SharedRecordRow.class) //$NON-NLS-1$
					.setParameter("s", chunk).getResultList()) { //$NON-NLS-1$
				held.add(r.source + '|' + r.subjectId + '|' + r.asOfMs);
			}
		}
		int added = 0;
		for (HubRecord rec : records) {
			if (held.add(rec.source() + '|' + rec.subjectId() + '|' + rec.asOf().toEpochMilli())) {
				SharedRecordRow r = new SharedRecordRow();
				r.source = rec.source();
				r.subjectId = rec.subjectId();
				r.asOfMs = rec.asOf().toEpochMilli();
				r.fields = Json.encode(rec.fields());
				r.receivedMs = now;
				em.persist(r);
				added++;
			}
		}
		return added;
	}

	/** The records held for these subjects, in the order the hub received them per chunk. */
	static List<HubRecord> of(EntityManager em, Collection<String> subjectIds) {
		List<HubRecord> out = new ArrayList<>();
		for (List<String> chunk : InClause.chunks(List.copyOf(new HashSet<>(subjectIds)))) {
			for (SharedRecordRow r : em.createQuery("SELECT r FROM SharedRecordRow r WHERE r.subjectId IN :s ORDER BY r.id", //$NON-NLS-1$
					SharedRecordRow.class).setParameter("s", chunk).getResultList()) { //$NON-NLS-1$
				out.add(new HubRecord(r.source, r.subjectId, Instant.ofEpochMilli(r.asOfMs), Json.decode(r.fields)));
			}
		}
		return out;
	}
}
