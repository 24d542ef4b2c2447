package org.miaopi.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.AccessDeniedException.Rule;
import org.miaopi.core.service.QueryAccess;
import org.miaopi.core.service.QueueKey;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;
import org.miaopi.store.jpa.AuditEventRow;
import org.miaopi.store.jpa.CertificateRow;
import org.miaopi.store.jpa.ComparisonRow;
import org.miaopi.store.jpa.ContentRow;
import org.miaopi.store.jpa.DecisionRow;
import org.miaopi.store.jpa.DossierRow;
import org.miaopi.store.jpa.MaterialRow;
import org.miaopi.store.jpa.Rows;
import org.miaopi.store.jpa.SharedRecordRow;

/**
 * The reading side of {@link DeskStore}: dossiers, the queue, histories, look-ups and material
 * content, each with the core's access rules applied.
 */
final class Reads {

	private final DeskStore store;

	Reads(DeskStore store) {
		this.store = store;
	}

	Optional<Dossier> find(Officer viewer, String dossierNo) {
		return store.read(em -> {
			DossierRow row = em.find(DossierRow.class, dossierNo);
			if (row == null) {
				return Optional.<Dossier>empty();
			}
			QueryAccess.requireRead(viewer, Rows.departmentCode(row), dossierNo);
			return Optional.of(Rows.dossier(row, materials(em, List.of(dossierNo)).getOrDefault(dossierNo, List.of())));
		});
	}

	QueuePage queue(Officer viewer, QueueQuery q) {
		String dept = QueryAccess.readableDepartment(viewer);
		if (q.after() != null) {
			Seek.of(SortPlan.of(q.sort()), q.after()); // a position that does not fit the order is bad input, not a store failure
		}
		return store.read(em -> {
			// A page of numbers first, read from indexes alone (QueueReader); then the 50 rows by key.
			List<QueueReader.Key> keys;
			try (Connection c = store.connect()) {
				keys = QueueReader.keys(c, dept, q);
			} catch (SQLException e) {
				throw StoreErrors.map(e, store.location(), "reading the queue");
			}
			boolean more = keys.size() > QueueQuery.PAGE_SIZE;
			keys = keys.subList(0, Math.min(keys.size(), QueueQuery.PAGE_SIZE));
			List<String> numbers = keys.stream().map(QueueReader.Key::number).toList();
			// the place of the last row read, for the next page to seek from (keyset paging)
			QueueKey last = keys.isEmpty() ? null : keys.get(keys.size() - 1).toQueueKey(q);
			Map<String, DossierRow> rows = new java.util.HashMap<>();
			if (!numbers.isEmpty()) {
				for (DossierRow r : em.createQuery("SELECT d FROM DossierRow d WHERE d.number IN :nos", DossierRow.class)
						.setParameter("nos", numbers).getResultList()) {
					rows.put(Rows.number(r), r);
				}
			}
			Map<String, List<Material>> materials = materials(em, numbers);
			List<Dossier> page = new ArrayList<>();
			for (String no : numbers) {
				if (rows.containsKey(no)) { // gone between the two reads only if the store was cleared meanwhile
					page.add(Rows.dossier(rows.get(no), materials.getOrDefault(no, List.of())));
				}
			}
			return new QueuePage(page, q.page(), more, last);
		});
	}

	static Map<String, List<Material>> materials(EntityManager em, List<String> dossierNos) {
		Map<String, List<Material>> by = new LinkedHashMap<>();
		if (dossierNos.isEmpty()) {
			return by;
		}
		for (MaterialRow m : em.createQuery(
				"SELECT m FROM MaterialRow m WHERE m.dossierNo IN :nos ORDER BY m.dossierNo, m.id", MaterialRow.class)
				.setParameter("nos", dossierNos).getResultList()) {
			by.computeIfAbsent(Rows.dossierNo(m), k -> new ArrayList<>()).add(Rows.material(m));
		}
		return by;
	}

	List<Dossier> themeMembers(Officer viewer, String themeNo) {
		String dept = viewer.isSystem() ? null : QueryAccess.readableDepartment(viewer);
		return store.read(em -> {
			// a range of index DOSSIER_THEME (V6.sql)
			TypedQuery<String> q = em.createQuery("SELECT d.number FROM DossierRow d WHERE d.themeNo = :t"
					+ (dept == null ? "" : " AND d.departmentCode = :dept") + " ORDER BY d.number", String.class)
					.setParameter("t", themeNo);
			if (dept != null) {
				q.setParameter("dept", dept);
			}
			return Intake.dossiers(em, q.getResultList());
		});
	}

	List<AuditEvent> history(Officer viewer, String dossierNo) {
		return store.read(em -> {
			requireReadable(em, viewer, dossierNo);
			return em.createQuery("SELECT a FROM AuditEventRow a WHERE a.dossierNo = :no ORDER BY a.seq",
					AuditEventRow.class).setParameter("no", dossierNo).getResultStream().map(Rows::auditEvent).toList();
		});
	}

	/** The whole ledger, oldest first, for verification with {@link AuditChain#verify}. */
	List<AuditEvent> ledger() {
		return store.read(em -> em.createQuery("SELECT a FROM AuditEventRow a ORDER BY a.seq", AuditEventRow.class)
				.getResultStream().map(Rows::auditEvent).toList());
	}

	List<Decision> decisions(Officer viewer, String dossierNo) {
		return store.read(em -> {
			requireReadable(em, viewer, dossierNo);
			return em.createQuery("SELECT d FROM DecisionRow d WHERE d.dossierNo = :no ORDER BY d.id", DecisionRow.class)
					.setParameter("no", dossierNo).getResultStream().map(Rows::decision).toList();
		});
	}

	List<org.miaopi.core.audit.SignedDecision> signedDecisions(Officer viewer, String dossierNo) {
		return store.read(em -> {
			requireReadable(em, viewer, dossierNo);
			return em.createQuery("SELECT d FROM DecisionRow d WHERE d.dossierNo = :no ORDER BY d.id", DecisionRow.class)
					.setParameter("no", dossierNo).getResultStream()
					.map(r -> Rows.signedDecision(r, fp -> Rows.der(em.find(org.miaopi.store.jpa.SignerCertificateRow.class, fp))))
					.toList();
		});
	}

		List<ComparisonResult> comparisons(Officer viewer, String dossierNo) {
		return store.read(em -> {
			requireReadable(em, viewer, dossierNo);
			return em.createQuery("SELECT c FROM ComparisonRow c WHERE c.dossierNo = :no ORDER BY c.ruleId, c.field",
					ComparisonRow.class).setParameter("no", dossierNo).getResultStream().map(Rows::comparison).toList();
		});
	}

	/**
	 * Two index look-ups for the whole page, whatever its size: the dossiers' departments (for the
	 * read check) by primary key, then the comparison counts grouped by dossier and outcome (the
	 * comparison table's key starts with the dossier number). A join of the two let Derby scan.
	 */
	Map<String, Long> attentionCounts(Officer viewer, java.util.Collection<String> dossierNos) {
		if (dossierNos.isEmpty()) {
			return Map.of();
		}
		List<String> nos = List.copyOf(new java.util.LinkedHashSet<>(dossierNos));
		return store.read(em -> {
			for (Object[] d : em.createQuery("SELECT d.number, d.departmentCode FROM DossierRow d WHERE d.number IN :nos",
					Object[].class).setParameter("nos", nos).getResultList()) {
				QueryAccess.requireRead(viewer, (String) d[1], (String) d[0]);
			}
			Map<String, Long> counts = new HashMap<>();
			for (Object[] r : em.createQuery("SELECT c.dossierNo, c.outcome, COUNT(c) FROM ComparisonRow c"
					+ " WHERE c.dossierNo IN :nos GROUP BY c.dossierNo, c.outcome", Object[].class).setParameter("nos", nos)
					.getResultList()) {
				long attention = "MATCH".equals(r[1]) ? 0 : ((Number) r[2]).longValue();
				counts.merge((String) r[0], attention, Long::sum);
			}
			return counts;
		});
	}

	List<CertificateRecord> certificates(Officer viewer, String dossierNo) {
		return store.read(em -> {
			requireReadable(em, viewer, dossierNo);
			return em.createQuery("SELECT c FROM CertificateRow c WHERE c.dossierNo = :no ORDER BY c.number",
					CertificateRow.class).setParameter("no", dossierNo).getResultStream().map(Rows::certificate).toList();
		});
	}

	private static void requireReadable(EntityManager em, Officer viewer, String dossierNo) {
		DossierRow row = em.find(DossierRow.class, dossierNo);
		if (row == null) {
			throw new StoreException(Problem.NOT_FOUND, "no dossier " + dossierNo + " in this store");
		}
		QueryAccess.requireRead(viewer, Rows.departmentCode(row), dossierNo);
	}

	/**
	 * Readable only about the applicant of a dossier of the viewer's department: one look-up in index
	 * DOSSIER_SUBJECT, stopping at the first dossier found.
	 */
	List<SharedRecord> sharedRecords(Officer viewer, String subjectId, SharedSource source) {
		String dept = viewer.isSystem() ? null : QueryAccess.readableDepartment(viewer);
		return store.read(em -> {
			if (dept != null && em.createQuery("SELECT d.number FROM DossierRow d WHERE d.subjectId = :s"
					+ " AND d.departmentCode = :dept", String.class).setParameter("s", subjectId)
					.setParameter("dept", dept).setMaxResults(1).getResultList().isEmpty()) {
				throw new AccessDeniedException(Rule.OTHER_DEPARTMENT, "no dossier of department " + dept
						+ " has applicant " + subjectId + ", so " + viewer.id() + " may not read their shared records");
			}
			TypedQuery<SharedRecordRow> q = source == null
					? em.createQuery("SELECT s FROM SharedRecordRow s WHERE s.subjectId = :s ORDER BY s.asOfMs DESC",
							SharedRecordRow.class)
					: em.createQuery("SELECT s FROM SharedRecordRow s WHERE s.subjectId = :s AND s.source = :src"
							+ " ORDER BY s.asOfMs DESC", SharedRecordRow.class).setParameter("src", source.name());
			return q.setParameter("s", subjectId).getResultStream().map(Rows::sharedRecord).toList();
		});
	}

	/** A material's bytes: the dossier readable by the viewer (its rows by primary key), and one of its materials this file. */
	byte[] content(Officer viewer, String dossierNo, Sha256 hash) {
		return store.read(em -> {
			requireReadable(em, viewer, dossierNo);
			if (em.createQuery("SELECT m.id FROM MaterialRow m WHERE m.dossierNo = :no AND m.contentHash = :h", String.class)
					.setParameter("no", dossierNo).setParameter("h", hash.hex()).setMaxResults(1).getResultList().isEmpty()) {
				throw new StoreException(Problem.NOT_FOUND, "dossier " + dossierNo + " has no material " + hash);
			}
			ContentRow row = em.find(ContentRow.class, hash.hex());
			if (row == null) {
				throw new StoreException(Problem.NOT_FOUND, "no material content " + hash + " in this store");
			}
			byte[] bytes = Rows.bytes(row);
			Sha256 actual = ContentHashing.sha256(bytes);
			if (!actual.equals(hash)) {
				throw new StoreException(Problem.CONTENT_CORRUPTED, "material content " + hash
						+ " reads back with hash " + actual + "; the store is damaged: restore it from a backup"
						+ " or fetch the dossier again from the hub");
			}
			return bytes;
		});
	}
}
