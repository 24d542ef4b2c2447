package org.miaopi.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.service.QueueQuery;

/**
 * The numbers of one queue page, each filter shape answered by an index range scan that is
 * already in deadline order (schema 5), so Derby neither sorts the department nor reads its rows:
 * <ul>
 * <li>by status (and matter): one scan per status of DOSSIER_STATUS_QUEUE or DOSSIER_MATTER_QUEUE,
 * each stopping after the rows the page can need, merged here;</li>
 * <li>by text: a prefix range of DOSSIER_SEARCH_TOKEN (number, applicant ID, name from its first,
 * second or third character),
 * filtered in the index; only the matches are sorted.</li>
 * </ul>
 * An IN list of statuses would make Derby probe the index per status and then sort everything found.
 */
final class QueueReader {

	private record Key(LocalDate deadline, String number) {
	}

	private static final Comparator<Key> ORDER = Comparator.comparing(Key::deadline).thenComparing(Key::number);

	private QueueReader() {
	}

	/** Up to {@code PAGE_SIZE + 1} numbers from the start of page {@code q.page()} (one more tells there is a next page). */
	static List<String> numbers(Connection c, String department, QueueQuery q) throws SQLException {
		int from = q.page() * QueueQuery.PAGE_SIZE;
		List<Key> keys = q.text() != null ? byText(c, department, q, from) : byStatus(c, department, q, from);
		return keys.stream().map(Key::number).toList();
	}

	private static List<Key> byStatus(Connection c, String department, QueueQuery q, int from) throws SQLException {
		int need = from + QueueQuery.PAGE_SIZE + 1;
		String sql = q.matterCode() == null
				? "SELECT DEADLINE, NUMBER FROM DOSSIER --DERBY-PROPERTIES index=DOSSIER_STATUS_QUEUE\n"
						+ " WHERE DEPARTMENT_CODE = ? AND STATUS = ? ORDER BY DEADLINE, NUMBER FETCH FIRST ? ROWS ONLY"
				: "SELECT DEADLINE, NUMBER FROM DOSSIER --DERBY-PROPERTIES index=DOSSIER_MATTER_QUEUE\n"
						+ " WHERE DEPARTMENT_CODE = ? AND MATTER_CODE = ? AND STATUS = ? ORDER BY DEADLINE, NUMBER"
						+ " FETCH FIRST ? ROWS ONLY";
		List<Key> all = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			for (DossierStatus st : q.statuses()) {
				int k = 1;
				ps.setString(k++, department);
				if (q.matterCode() != null) {
					ps.setString(k++, q.matterCode());
				}
				ps.setString(k++, st.name());
				ps.setInt(k, need);
				read(ps, all);
			}
		}
		all.sort(ORDER);
		return all.subList(Math.min(from, all.size()), Math.min(need, all.size()));
	}

	private static List<Key> byText(Connection c, String department, QueueQuery q, int from) throws SQLException {
		String prefix = q.text().toLowerCase(Locale.ROOT);
		StringBuilder sql = new StringBuilder("SELECT DISTINCT DEADLINE, NUMBER FROM DOSSIER_SEARCH"
				+ " --DERBY-PROPERTIES index=DOSSIER_SEARCH_TOKEN\n"
				+ " WHERE DEPARTMENT_CODE = ? AND TOKEN >= ? AND TOKEN < ? AND STATUS IN (");
		for (int i = 0; i < q.statuses().size(); i++) {
			sql.append(i == 0 ? "?" : ", ?");
		}
		sql.append(")");
		if (q.matterCode() != null) {
			sql.append(" AND MATTER_CODE = ?");
		}
		sql.append(" ORDER BY DEADLINE, NUMBER OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
		List<Key> keys = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
			int k = 1;
			ps.setString(k++, department);
			ps.setString(k++, prefix);
			ps.setString(k++, prefix + Character.MAX_VALUE); // every key that starts with the prefix
			for (DossierStatus st : q.statuses().stream().sorted().toList()) {
				ps.setString(k++, st.name());
			}
			if (q.matterCode() != null) {
				ps.setString(k++, q.matterCode());
			}
			ps.setInt(k++, from);
			ps.setInt(k, QueueQuery.PAGE_SIZE + 1);
			read(ps, keys);
		}
		return keys;
	}

	private static void read(PreparedStatement ps, List<Key> into) throws SQLException {
		try (ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				Date d = rs.getDate(1);
				into.add(new Key(d.toLocalDate(), rs.getString(2)));
			}
		}
	}
}
