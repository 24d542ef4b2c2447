package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.service.QueueKey;
import org.miaopi.core.service.QueueQuery;

/**
 * The numbers of one queue page, in any {@link org.miaopi.core.service.QueueSort} order, each filter
 * shape answered by index range scans already in that order (schemas 5 and 9), so Derby neither
 * sorts the department nor reads its rows:
 * <ul>
 * <li>by status (and matter): one scan per status of the order's index, each stopping after the
 * rows the page can need, merged here (for the status order: concatenated in lifecycle order);</li>
 * <li>by text: a prefix range of DOSSIER_SEARCH_TOKEN (number, applicant ID, name from its first,
 * second or third character), filtered in the index; only the matches are sorted.</li>
 * </ul>
 * A page goes by number (the scans step over every row before it: OFFSET) or, given the key of the
 * row before it ({@link QueueQuery#after}), by seeking (keyset paging): see {@link Seek}.
 * An IN list of statuses would make Derby probe the index per status and then sort everything found.
 * Derby cannot scan an index backwards: descending orders have indexes of their own.
 */
final class QueueReader {

	/** One row's place in the order: the sort's values, the number last. */
	record Key(Object[] values) {
		String number() {
			return (String) values[values.length - 1];
		}

		QueueKey toQueueKey(QueueQuery q) {
			return new QueueKey(q.sort(), q.descending(), Arrays.asList(values));
		}
	}

	/** Derby's order of the values: NULL after every value ascending (so first descending). */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static final Comparator<Object> VALUE = Comparator.nullsLast((a, b) -> ((Comparable) a).compareTo(b));

	/** The order of keys whose values go the given directions (true: descending), as Derby orders them. */
	static Comparator<Key> order(boolean[] directions) {
		return (a, b) -> {
			for (int i = 0; i < a.values.length; i++) {
				int c = VALUE.compare(a.values[i], b.values[i]);
				if (c != 0) {
					return directions[i] ? -c : c;
				}
			}
			return 0;
		};
	}

	private QueueReader() {
	}

	/** Up to {@code PAGE_SIZE + 1} numbers from the start of the page (one more tells there is a next page). */
	static List<Key> keys(Connection c, String department, QueueQuery q) throws SQLException {
		return keys(c, department, q, QueueQuery.PAGE_SIZE);
	}

	/** Up to {@code size + 1} rows of the page of {@code size} rows {@code q} names (tests use small pages). */
	static List<Key> keys(Connection c, String department, QueueQuery q, int size) throws SQLException {
		SortPlan plan = SortPlan.of(q.sort());
		Seek seek = q.after() == null ? null : Seek.of(plan, q.after());
		int from = seek != null ? 0 : q.page() * size;
		return q.text() != null ? byText(c, department, q, plan, seek, from, size)
				: byStatus(c, department, q, plan, seek, from, size);
	}

	private static List<Key> byStatus(Connection c, String department, QueueQuery q, SortPlan plan, Seek seek, int from,
			int size) throws SQLException {
		int need = from + size + 1;
		boolean[] directions = plan.directions(q.descending());
		int offset = plan.byStatus() ? 1 : 0;
		StringBuilder head = new StringBuilder("SELECT ").append(String.join(", ", plan.columns()))
				.append(" FROM DOSSIER --DERBY-PROPERTIES index=").append(plan.index(q.descending(), q.matterCode() != null))
				.append("\n WHERE DEPARTMENT_CODE = ? AND STATUS = ?");
		if (q.matterCode() != null) {
			head.append(" AND MATTER_CODE = ?");
		}
		List<String> orderBy = new ArrayList<>();
		for (int i = 0; i < plan.columns().size(); i++) {
			orderBy.add(plan.columns().get(i) + (directions[offset + i] ? " DESC" : ""));
		}
		String tail = " ORDER BY " + String.join(", ", orderBy) + " FETCH FIRST ? ROWS ONLY";
		List<Key> all = new ArrayList<>();
		// the whole status, then (seeking) one statement per shape of "after the anchor", see Seek
		List<Seek.Range> ranges = seek == null ? List.of() : seek.ranges(plan.columns());
		PreparedStatement[] statements = new PreparedStatement[ranges.size() + 1];
		try {
			for (DossierStatus st : q.statuses()) {
				Integer ordinal = plan.byStatus() ? st.ordinal() : null;
				int place = seek == null ? 1 : seek.place(ordinal);
				if (place < 0) {
					continue; // the whole status comes before the anchor
				}
				int got = 0;
				int whole = ranges.size(); // the statement without a range: the status from its start
				for (int r = place > 0 ? whole : 0; r < (place > 0 ? whole + 1 : whole) && got < need; r++) {
					if (statements[r] == null) {
						String where = r < whole ? " AND " + ranges.get(r).sql() : "";
						statements[r] = c.prepareStatement(head + where + tail);
					}
					PreparedStatement ps = statements[r];
					int k = 1;
					ps.setString(k++, department);
					ps.setString(k++, st.name());
					if (q.matterCode() != null) {
						ps.setString(k++, q.matterCode());
					}
					if (r < whole) {
						for (Object v : ranges.get(r).values()) {
							ps.setObject(k++, v);
						}
					}
					ps.setInt(k, need - got);
					got += read(ps, ordinal, all);
				}
			}
		} finally {
			for (PreparedStatement ps : statements) {
				if (ps != null) {
					ps.close();
				}
			}
		}
		all.sort(order(directions));
		return all.subList(Math.min(from, all.size()), Math.min(need, all.size()));
	}

	private static List<Key> byText(Connection c, String department, QueueQuery q, SortPlan plan, Seek seek, int from,
			int size) throws SQLException {
		String prefix = q.text().toLowerCase(Locale.ROOT);
		boolean[] directions = plan.directions(q.descending());
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
		// the matches are sorted anyway: seeking here only keeps those before the anchor out of the sort
		List<Seek.Range> ranges = seek == null ? List.of() : seek.rangesWithStatus(columns);
		if (seek != null) {
			List<String> any = ranges.stream().map(r -> "(" + r.sql() + ")").toList();
			sql.append(" AND (").append(any.isEmpty() ? "1 = 0" : String.join(" OR ", any)).append(")");
		}
		sql.append(" ORDER BY ");
		for (int i = 1; i <= columns.size(); i++) {
			sql.append(i == 1 ? "" : ", ").append(i).append(directions[i - 1] ? " DESC" : "");
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
			for (Seek.Range r : ranges) {
				for (Object v : r.values()) {
					ps.setObject(k++, v);
				}
			}
			ps.setInt(k++, from);
			ps.setInt(k, size + 1);
			read(ps, null, keys);
		}
		return keys;
	}

	/** Every column of each row as a key value; {@code first} (the status order) in front when given. */
	private static int read(PreparedStatement ps, Integer first, List<Key> into) throws SQLException {
		int count = 0;
		try (ResultSet rs = ps.executeQuery()) {
			int n = rs.getMetaData().getColumnCount();
			int offset = first == null ? 0 : 1;
			while (rs.next()) {
				Object[] values = new Object[n + offset];
				if (first != null) {
					values[0] = first;
				}
				for (int i = 1; i <= n; i++) {
					values[i - 1 + offset] = rs.getObject(i);
				}
				into.add(new Key(values));
				count++;
			}
		}
		return count;
	}
}
