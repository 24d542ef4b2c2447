package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.service.QueueQuery;

/**
 * The numbers of one queue page, in any {@link org.miaopi.core.service.QueueSort} order, each filter
 * shape answered by index range scans already in that order (schemas 5 and 8), so Derby neither
 * sorts the department nor reads its rows:
 * <ul>
 * <li>by status (and matter): one scan per status of the order's index, each stopping after the
 * rows the page can need, merged here (for the status order: concatenated in lifecycle order);</li>
 * <li>by text: a prefix range of DOSSIER_SEARCH_TOKEN (number, applicant ID, name from its first,
 * second or third character), filtered in the index; only the matches are sorted.</li>
 * </ul>
 * An IN list of statuses would make Derby probe the index per status and then sort everything found.
 * Derby cannot scan an index backwards: descending orders have indexes of their own.
 */
final class QueueReader {

	/** One row's place in the order: the sort's values, the number last. */
	private record Key(Comparable<Object>[] values) {
		String number() {
			return (String) (Object) values[values.length - 1];
		}
	}

	private static final Comparator<Key> ASCENDING = (a, b) -> {
		for (int i = 0; i < a.values.length; i++) {
			int c = a.values[i].compareTo(b.values[i]);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	};

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
		SortPlan plan = SortPlan.of(q.sort());
		String dir = q.descending() ? " DESC" : "";
		StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", plan.columns()))
				.append(" FROM DOSSIER --DERBY-PROPERTIES index=").append(plan.index(q.descending(), q.matterCode() != null))
				.append("\n WHERE DEPARTMENT_CODE = ? AND STATUS = ?");
		if (q.matterCode() != null) {
			sql.append(" AND MATTER_CODE = ?");
		}
		sql.append(" ORDER BY ").append(String.join(dir + ", ", plan.columns())).append(dir)
				.append(" FETCH FIRST ? ROWS ONLY");
		List<Key> all = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
			for (DossierStatus st : q.statuses()) {
				int k = 1;
				ps.setString(k++, department);
				ps.setString(k++, st.name());
				if (q.matterCode() != null) {
					ps.setString(k++, q.matterCode());
				}
				ps.setInt(k, need);
				read(ps, plan.byStatus() ? st.ordinal() : null, all);
			}
		}
		all.sort(q.descending() ? ASCENDING.reversed() : ASCENDING);
		return all.subList(Math.min(from, all.size()), Math.min(need, all.size()));
	}

	private static List<Key> byText(Connection c, String department, QueueQuery q, int from) throws SQLException {
		String prefix = q.text().toLowerCase(Locale.ROOT);
		SortPlan plan = SortPlan.of(q.sort());
		String dir = q.descending() ? " DESC" : "";
		List<String> columns = new ArrayList<>();
		if (plan.byStatus()) {
			columns.add(SortPlan.statusOrdinal("S.STATUS"));
		}
		// deadline order from the search table alone; other orders read their keys from the dossier
		boolean own = plan.columns().equals(List.of("DEADLINE", "NUMBER"));
		plan.columns().forEach(col -> columns.add((own || col.equals("NUMBER") ? "S." : "D.") + col));
		StringBuilder sql = new StringBuilder("SELECT DISTINCT ").append(String.join(", ", columns))
				.append(" FROM DOSSIER_SEARCH S --DERBY-PROPERTIES index=DOSSIER_SEARCH_TOKEN\n");
		if (!own) {
			sql.append(" JOIN DOSSIER D ON D.NUMBER = S.NUMBER");
		}
		sql.append(" WHERE S.DEPARTMENT_CODE = ? AND S.TOKEN >= ? AND S.TOKEN < ? AND S.STATUS IN (");
		for (int i = 0; i < q.statuses().size(); i++) {
			sql.append(i == 0 ? "?" : ", ?");
		}
		sql.append(")");
		if (q.matterCode() != null) {
			sql.append(" AND S.MATTER_CODE = ?");
		}
		sql.append(" ORDER BY ");
		for (int i = 1; i <= columns.size(); i++) {
			sql.append(i == 1 ? "" : ", ").append(i).append(dir);
		}
		sql.append(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
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
			read(ps, null, keys);
		}
		return keys;
	}

	/** Every column of each row as a key value; {@code first} (the status order) in front when given. */
	@SuppressWarnings("unchecked")
	private static void read(PreparedStatement ps, Integer first, List<Key> into) throws SQLException {
		try (ResultSet rs = ps.executeQuery()) {
			int n = rs.getMetaData().getColumnCount();
			int offset = first == null ? 0 : 1;
			while (rs.next()) {
				Comparable<Object>[] values = new Comparable[n + offset];
				if (first != null) {
					values[0] = (Comparable<Object>) (Comparable<?>) first;
				}
				for (int i = 1; i <= n; i++) {
					values[i - 1 + offset] = (Comparable<Object>) rs.getObject(i);
				}
				into.add(new Key(values));
			}
		}
	}
}
