package org.miaopi.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.SharedRecordRef;
import org.miaopi.core.service.Settlement;
import org.miaopi.store.jpa.DossierRow;

/**
 * Materials a shared record replaced (材料免提交), written by a 秒批 settlement as the dossier's
 * material rows: no file, the record's source, subject and as-of time, and its id in SHARED_RECORD
 * (V8.sql), so the dossier itself shows what stood in for the paper, not only the audit event.
 */
final class Replaced {

	private Replaced() {
	}

	/** The id SHARED_RECORD gives the record a reference points at (see {@code Rows.row(SharedRecord)}). */
	static String recordId(SharedRecordRef ref) {
		return ref.source().name() + "|" + ref.subjectId() + "|" + ref.asOf().toEpochMilli();
	}

	/**
	 * @param current the dossiers as read at the start of the batch: a requirement they already
	 *                have a material for (or a material id they use) is left alone
	 */
	static void write(EntityManager em, List<Map.Entry<DossierRow, Settlement>> settled, Map<String, Dossier> current) {
		if (settled.stream().allMatch(e -> e.getValue().replaced().isEmpty())) {
			return;
		}
		try (PreparedStatement ps = em.unwrap(java.sql.Connection.class).prepareStatement("INSERT INTO MATERIAL (DOSSIER_NO, ID,"
				+ " REQUIREMENT_CODE, FILE_SIZE, REPLACED_SOURCE, REPLACED_SUBJECT, REPLACED_AS_OF_MS, REPLACED_RECORD_ID)"
				+ " VALUES (?, ?, ?, 0, ?, ?, ?, ?)")) {
			Set<String> done = new HashSet<>();
			for (var e : settled) {
				Settlement s = e.getValue();
				Dossier d = current.get(s.dossierNo());
				if (!done.add(s.dossierNo()) || d == null) {
					continue; // the same number twice in a batch is settled once
				}
				for (Material m : s.replaced()) {
					boolean has = d.materials().stream()
							.anyMatch(x -> x.id().equals(m.id()) || x.requirementCode().equals(m.requirementCode()));
					if (has) {
						continue;
					}
					SharedRecordRef ref = m.replacedBy();
					ps.setString(1, s.dossierNo());
					ps.setString(2, m.id());
					ps.setString(3, m.requirementCode());
					ps.setString(4, ref.source().name());
					ps.setString(5, ref.subjectId());
					ps.setLong(6, ref.asOf().toEpochMilli());
					ps.setString(7, recordId(ref));
					ps.addBatch();
				}
			}
			ps.executeBatch();
		} catch (SQLException e) {
			throw new IllegalStateException("cannot store the replaced materials of a batch of " + settled.size() + " dossiers", e);
		}
	}
}
