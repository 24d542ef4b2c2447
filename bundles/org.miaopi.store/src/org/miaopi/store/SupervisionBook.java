package org.miaopi.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Officer;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CardLevel;
import org.miaopi.core.supervision.Review;
import org.miaopi.core.supervision.ReviewOutcome;
import org.miaopi.core.supervision.Sample;
import org.miaopi.core.supervision.SupervisionAccess;
import org.miaopi.core.supervision.SupervisionAccess.Scope;
import org.miaopi.core.supervision.SupervisionRecords;
import org.miaopi.store.jpa.Rows;

/**
 * The writing half of supervision on the desk's store (V12.sql): cards stored once under their key,
 * samples with their seed, reviews; each write with its audit event in one transaction.
 */
final class SupervisionBook {

	private final DeskStore store;

	SupervisionBook(DeskStore store) {
		this.store = store;
	}

	List<Card> recordCards(Officer viewer, List<Card> cards) {
		Scope scope = SupervisionAccess.scope(viewer);
		for (Card card : cards) {
			SupervisionAccess.requireSupervises(viewer, card.departmentCode(), "card " + card.key());
		}
		List<Card> stored = new ArrayList<>();
		store.appendToLedger("recording supervision cards", (em, head) -> {
			Connection c = em.unwrap(Connection.class);
			Instant now = Instant.now();
			stored.clear();
			try {
				Set<String> seen = new HashSet<>();
				try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM SUPERVISION_CARD WHERE CARD_KEY = ?");
						PreparedStatement insert = c.prepareStatement("INSERT INTO SUPERVISION_CARD (CARD_KEY, CARD_LEVEL,"
								+ " RULE_ID, DOSSIER_NO, DEPARTMENT_CODE, MATTER_CODE, OFFICER_ID, SUBJECT, RAISED_ON, EVIDENCE,"
								+ " RECORDED_MS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
					for (Card card : cards) {
						if (!seen.add(card.key())) {
							continue;
						}
						exists.setString(1, card.key());
						try (ResultSet r = exists.executeQuery()) {
							if (r.next()) {
								continue;
							}
						}
						insert.setString(1, card.key());
						insert.setString(2, card.level().name());
						insert.setString(3, card.rule());
						insert.setString(4, card.dossierNo());
						insert.setString(5, card.departmentCode());
						insert.setString(6, card.matterCode());
						insert.setString(7, card.officerId());
						insert.setString(8, card.subject());
						insert.setDate(9, Date.valueOf(card.raisedOn()));
						insert.setString(10, cut(card.evidence(), 2000));
						insert.setLong(11, now.toEpochMilli());
						insert.executeUpdate();
						stored.add(card.recordedAt(now));
					}
				}
				// the search's card filter reads the decision row (schema 17)
				DecisionSearchColumns.carded(c, stored.stream().map(Card::dossierNo).filter(java.util.Objects::nonNull)
						.distinct().toList());
			} catch (SQLException e) {
				throw new IllegalStateException("cannot store supervision cards", e);
			}
			Map<String, String> details = new LinkedHashMap<>();
			details.put("new", Integer.toString(stored.size()));
			details.put("seen", Integer.toString(cards.size()));
			details.put("scope", scope.all() ? "*" : scope.department());
			return persist(em, head, now, viewer, SupervisionRecords.CARDS_EVENT, details);
		});
		return List.copyOf(stored);
	}

	List<Card> cards(Officer viewer, String department, LocalDate from, LocalDate to) {
		Scope scope = SupervisionAccess.scope(viewer).narrowedTo(department, viewer.id());
		String sql = "SELECT CARD_LEVEL, RULE_ID, DOSSIER_NO, DEPARTMENT_CODE, MATTER_CODE, OFFICER_ID, SUBJECT, RAISED_ON,"
				+ " EVIDENCE, RECORDED_MS FROM SUPERVISION_CARD WHERE RAISED_ON >= ? AND RAISED_ON <= ?"
				+ (scope.all() ? "" : " AND DEPARTMENT_CODE = ?");
		List<Card> out = new ArrayList<>();
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setDate(1, Date.valueOf(from));
			ps.setDate(2, Date.valueOf(to));
			if (!scope.all()) {
				ps.setString(3, scope.department());
			}
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					out.add(new Card(CardLevel.valueOf(r.getString(1)), r.getString(2), r.getString(3), r.getString(4),
							r.getString(5), r.getString(6), r.getString(7), r.getDate(8).toLocalDate(), r.getString(9),
							Instant.ofEpochMilli(r.getLong(10))));
				}
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading supervision cards");
		}
		out.sort(Comparator.comparing(Card::level).reversed()
				.thenComparing(k -> k.dossierNo() == null ? "" : k.dossierNo()).thenComparing(Card::key));
		return out;
	}

	Sample recordSample(Officer viewer, Sample sample) {
		Scope scope = SupervisionAccess.scope(viewer);
		if (sample.department() == null ? !scope.all() : !scope.covers(sample.department())) {
			SupervisionAccess.requireSupervises(viewer, sample.department() == null ? "*" : sample.department(), "a sample");
		}
		Sample[] out = new Sample[1];
		store.appendToLedger("recording a sample", (em, head) -> {
			Connection c = em.unwrap(Connection.class);
			Instant now = Instant.now();
			try {
				long id;
				try (PreparedStatement ps = c.prepareStatement("SELECT MAX(ID) FROM SUPERVISION_SAMPLE");
						ResultSet r = ps.executeQuery()) {
					r.next();
					id = r.getLong(1) + 1;
				}
				try (PreparedStatement ps = c.prepareStatement("INSERT INTO SUPERVISION_SAMPLE (ID, SEED, PERCENT, BY_GROUP,"
						+ " PERIOD_FROM, PERIOD_TO, DEPARTMENT_CODE, SUPERVISOR_ID, CREATED_MS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
					ps.setLong(1, id);
					ps.setLong(2, sample.seed());
					ps.setInt(3, sample.percent());
					ps.setString(4, sample.by());
					ps.setDate(5, Date.valueOf(sample.from()));
					ps.setDate(6, Date.valueOf(sample.to()));
					ps.setString(7, sample.department());
					ps.setString(8, viewer.id());
					ps.setLong(9, now.toEpochMilli());
					ps.executeUpdate();
				}
				try (PreparedStatement ps = c.prepareStatement(
						"INSERT INTO SUPERVISION_REVIEW (SAMPLE_ID, DOSSIER_NO) VALUES (?, ?)")) {
					for (String no : sample.dossierNos()) {
						ps.setLong(1, id);
						ps.setString(2, no);
						ps.addBatch();
					}
					ps.executeBatch();
				}
				out[0] = new Sample(id, sample.seed(), sample.percent(), sample.by(), sample.from(), sample.to(),
						sample.department(), viewer.id(), now, sample.dossierNos());
			} catch (SQLException e) {
				throw new IllegalStateException("cannot store sample", e);
			}
			Map<String, String> details = new LinkedHashMap<>();
			details.put("sample", Long.toString(out[0].id()));
			details.put("seed", Long.toString(sample.seed()));
			details.put("percent", Integer.toString(sample.percent()));
			details.put("by", sample.by());
			details.put("period", sample.from() + ".." + sample.to());
			details.put("department", sample.department() == null ? "*" : sample.department());
			details.put("dossiers", String.join(",", sample.dossierNos()));
			return persist(em, head, now, viewer, SupervisionRecords.SAMPLED_EVENT, details);
		});
		return out[0];
	}

	List<Sample> samples(Officer viewer) {
		Scope scope = SupervisionAccess.scope(viewer);
		List<Sample> out = new ArrayList<>();
		try (Connection c = store.connect();
				PreparedStatement ps = c.prepareStatement("SELECT ID, SEED, PERCENT, BY_GROUP, PERIOD_FROM, PERIOD_TO,"
						+ " DEPARTMENT_CODE, SUPERVISOR_ID, CREATED_MS FROM SUPERVISION_SAMPLE ORDER BY ID DESC");
				PreparedStatement members = c.prepareStatement(
						"SELECT DOSSIER_NO FROM SUPERVISION_REVIEW WHERE SAMPLE_ID = ? ORDER BY DOSSIER_NO");
				ResultSet r = ps.executeQuery()) {
			while (r.next()) {
				String dept = r.getString(7);
				if (dept == null ? !scope.all() : !scope.covers(dept)) {
					continue;
				}
				List<String> nos = new ArrayList<>();
				members.setLong(1, r.getLong(1));
				try (ResultSet m = members.executeQuery()) {
					while (m.next()) {
						nos.add(m.getString(1));
					}
				}
				out.add(new Sample(r.getLong(1), r.getLong(2), r.getInt(3), r.getString(4), r.getDate(5).toLocalDate(),
						r.getDate(6).toLocalDate(), dept, r.getString(8), Instant.ofEpochMilli(r.getLong(9)), nos));
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading samples");
		}
		return out;
	}

	Review review(Officer viewer, long sampleId, String dossierNo, ReviewOutcome outcome, String note) {
		if (outcome == null) {
			throw new IllegalArgumentException("a review agrees or disagrees");
		}
		Sample sample = samples(viewer).stream().filter(s -> s.id() == sampleId).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no sample " + sampleId + " that " + viewer.id() + " may see"));
		if (!sample.dossierNos().contains(dossierNo)) {
			throw new IllegalArgumentException("dossier " + dossierNo + " is not in sample " + sampleId);
		}
		String why = note == null || note.isBlank() ? null : cut(note.strip(), 2000);
		Review[] out = new Review[1];
		store.appendToLedger("recording a review", (em, head) -> {
			Connection c = em.unwrap(Connection.class);
			Instant now = Instant.now();
			try (PreparedStatement ps = c.prepareStatement("UPDATE SUPERVISION_REVIEW SET OUTCOME = ?, NOTE = ?,"
					+ " REVIEWER_ID = ?, REVIEWED_MS = ? WHERE SAMPLE_ID = ? AND DOSSIER_NO = ?")) {
				ps.setString(1, outcome.name());
				if (why == null) {
					ps.setNull(2, Types.VARCHAR);
				} else {
					ps.setString(2, why);
				}
				ps.setString(3, viewer.id());
				ps.setLong(4, now.toEpochMilli());
				ps.setLong(5, sampleId);
				ps.setString(6, dossierNo);
				ps.executeUpdate();
			} catch (SQLException e) {
				throw new IllegalStateException("cannot store review", e);
			}
			out[0] = new Review(sampleId, dossierNo, outcome, why, viewer.id(), now);
			Map<String, String> details = new LinkedHashMap<>();
			details.put("sample", Long.toString(sampleId));
			details.put("outcome", outcome.name());
			if (why != null) {
				details.put("note", why);
			}
			var event = AuditChain.next(head, now, viewer.id(), dossierNo, SupervisionRecords.REVIEWED_EVENT, details);
			em.persist(Rows.row(event));
			return event;
		});
		return out[0];
	}

	List<Review> reviews(Officer viewer, long sampleId) {
		if (samples(viewer).stream().noneMatch(s -> s.id() == sampleId)) {
			throw new IllegalArgumentException("no sample " + sampleId + " that " + viewer.id() + " may see");
		}
		List<Review> out = new ArrayList<>();
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement("SELECT DOSSIER_NO, OUTCOME, NOTE,"
				+ " REVIEWER_ID, REVIEWED_MS FROM SUPERVISION_REVIEW WHERE SAMPLE_ID = ? ORDER BY DOSSIER_NO")) {
			ps.setLong(1, sampleId);
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					String outcome = r.getString(2);
					long ms = r.getLong(5);
					Instant when = r.wasNull() ? null : Instant.ofEpochMilli(ms);
					out.add(new Review(sampleId, r.getString(1), outcome == null ? null : ReviewOutcome.valueOf(outcome),
							r.getString(3), r.getString(4), when));
				}
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading reviews");
		}
		return out;
	}

	void recordAction(Officer viewer, String type, Map<String, String> details) {
		SupervisionAccess.scope(viewer);
		if (type == null || !type.startsWith("supervision.")) {
			throw new IllegalArgumentException("a supervisor's action is a supervision.* event, got " + type);
		}
		store.appendToLedger("recording " + type, (em, head) -> persist(em, head, Instant.now(), viewer, type, details));
	}

	private static AuditEvent persist(EntityManager em, AuditEvent head, Instant now, Officer viewer, String type,
			Map<String, String> details) {
		AuditEvent event = AuditChain.next(head, now, viewer.id(), null, type, details);
		em.persist(Rows.row(event));
		return event;
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}
}
