package org.miaopi.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.miaopi.core.service.QueueKey;

/**
 * Keyset paging: the rows after one row (the anchor) of a queue order, as ranges an index can start
 * at instead of counting rows from the front. For an order on (a, b, number) they are, nearest first:
 * {@code a = A AND b = B AND number > N}, then {@code a = A AND b > B}, then {@code a > A} ({@code <}
 * for a column the order reads descending: each column has its own direction, see {@link SortPlan}), each a range scan of the order's index (equality columns, then one range column)
 * already in order, so reading them one after the other until the page is full gives the rows in
 * order. Derby has no row-value comparison {@code (a, b) > (?, ?)}, and an OR of the three would be
 * a filter on a scan from the front, not a start position.
 * <p>
 * NULL is placed as Derby orders it (after every value ascending, before every value descending):
 * an anchor value NULL matches {@code IS NULL}, nothing follows it ascending, every value follows
 * it descending. A NULL row after a value ascending is not covered by {@code a > A}: the orders'
 * columns are all NOT NULL (SortPlan; ATTENTION is -1 until compared), which a test checks.
 */
final class Seek {

	/** One range of the rows after the anchor: a condition and the values of its parameters. */
	record Range(String sql, List<Object> values) {
	}

	private final List<Object> key;
	private final boolean byStatus;
	private final boolean[] directions;

	private Seek(List<Object> key, boolean byStatus, boolean[] directions) {
		this.key = key;
		this.byStatus = byStatus;
		this.directions = directions;
	}

	static Seek of(SortPlan plan, QueueKey anchor) {
		int expected = plan.columns().size() + (plan.byStatus() ? 1 : 0);
		if (anchor.values().size() != expected || plan.byStatus() && !(anchor.values().get(0) instanceof Integer)) {
			throw new IllegalArgumentException("the queue position " + anchor.values() + " does not belong to the order "
					+ anchor.sort() + ": it has " + anchor.values().size() + " values, the order " + expected);
		}
		return new Seek(anchor.values(), plan.byStatus(), plan.directions(anchor.descending()));
	}

	/**
	 * Where the rows of one status stand to the anchor: -1 all before it, 1 all after it, 0 seek in
	 * them (always 0 unless the order is by status first).
	 */
	int place(Integer statusOrdinal) {
		if (!byStatus || statusOrdinal == null) {
			return 0;
		}
		int c = Integer.compare(statusOrdinal, (Integer) key.get(0));
		return directions[0] ? -c : c;
	}

	/** The ranges after the anchor over the order's DOSSIER columns (the status order: within the anchor's status). */
	List<Range> ranges(List<String> columns) {
		int from = byStatus ? 1 : 0;
		return ranges(columns, key.subList(from, key.size()),
				Arrays.copyOfRange(directions, from, directions.length));
	}

	/** The ranges over every value of the key, the status position included (its column given as an expression). */
	List<Range> rangesWithStatus(List<String> columns) {
		return ranges(columns, key, directions);
	}

	private static List<Range> ranges(List<String> columns, List<Object> values, boolean[] directions) {
		if (columns.size() != values.size()) {
			throw new IllegalStateException(columns + " against " + values);
		}
		List<Range> ranges = new ArrayList<>();
		for (int i = columns.size() - 1; i >= 0; i--) {
			List<String> parts = new ArrayList<>();
			List<Object> binds = new ArrayList<>();
			for (int j = 0; j < i; j++) {
				if (values.get(j) == null) {
					parts.add(columns.get(j) + " IS NULL");
				} else {
					parts.add(columns.get(j) + " = ?");
					binds.add(values.get(j));
				}
			}
			Object v = values.get(i);
			boolean descending = directions[i];
			if (v == null) {
				if (!descending) {
					continue; // NULL is last ascending: nothing after it in this column
				}
				parts.add(columns.get(i) + " IS NOT NULL");
			} else {
				parts.add(columns.get(i) + (descending ? " < ?" : " > ?"));
				binds.add(v);
			}
			ranges.add(new Range(String.join(" AND ", parts), binds));
		}
		return ranges;
	}
}
