package org.miaopi.store;

import java.util.List;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.service.QueueSort;

/**
 * How the store reads the queue in one {@link QueueSort} order: the DOSSIER columns the order is
 * made of and the indexes that hold them in that order. Only the order's own key follows the
 * direction the officer chose; the ties after it always go the way an officer works, nearest
 * deadline first, then by dossier number (so ties keep one order across pages). Sorting by ✗
 * descending thus shows the most mismatches first and, among equal counts, the most urgent.
 * The columns are all NOT NULL (ATTENTION is -1 until compared; APPLICANT_KEY is filled at
 * intake), which keyset paging relies on ({@link Seek}).
 *
 * @param columns    the order's columns, the number last
 * @param leading    how many of the columns follow the chosen direction (the rest ascend always)
 * @param ascending  index read for the ascending order
 * @param matter     index for the ascending order with the matter filter (may be {@code ascending})
 * @param descending index read for the descending order (matter filter applied inside it), or
 *                   null where only the status position turns (the ascending indexes serve)
 * @param byStatus   whether the statuses' lifecycle order comes before the columns (it then
 *                   follows the chosen direction, the columns do not)
 */
record SortPlan(List<String> columns, int leading, String ascending, String matter, String descending,
		boolean byStatus) {

	static SortPlan of(QueueSort sort) {
		return switch (sort) {
			case DEADLINE -> new SortPlan(List.of("DEADLINE", "NUMBER"), 1, "DOSSIER_STATUS_QUEUE",
					"DOSSIER_MATTER_QUEUE", "DOSSIER_SORT_DEADLINE_D", false);
			case STATUS -> new SortPlan(List.of("DEADLINE", "NUMBER"), 0, "DOSSIER_STATUS_QUEUE", "DOSSIER_MATTER_QUEUE",
					null, true);
			case NUMBER -> same(List.of("NUMBER"), "DOSSIER_SORT_NUMBER");
			case APPLICANT -> same(List.of("APPLICANT_KEY", "DEADLINE", "NUMBER"), "DOSSIER_SORT_APPLICANT");
			case RECEIVED -> same(List.of("RECEIVED_MS", "DEADLINE", "NUMBER"), "DOSSIER_SORT_RECEIVED");
			case MATTER -> same(List.of("MATTER_CODE", "DEADLINE", "NUMBER"), "DOSSIER_SORT_MATTER");
			case MISMATCHES -> same(List.of("ATTENTION", "DEADLINE", "NUMBER"), "DOSSIER_SORT_MISMATCHES");
		};
	}

	private static SortPlan same(List<String> columns, String index) {
		return new SortPlan(columns, 1, index, index, index + "_D", false);
	}

	String index(boolean descendingOrder, boolean matterFilter) {
		return descendingOrder && descending != null ? descending : matterFilter ? matter : ascending;
	}

	/**
	 * The direction of every value of a row's key in this order, true for descending: the status
	 * position first when the order is by status, then the columns.
	 */
	boolean[] directions(boolean descendingOrder) {
		int offset = byStatus ? 1 : 0;
		boolean[] d = new boolean[columns.size() + offset];
		if (byStatus) {
			d[0] = descendingOrder;
		}
		for (int i = 0; i < leading; i++) {
			d[offset + i] = descendingOrder;
		}
		return d;
	}

	/** The lifecycle position of a status column, as SQL, for orders over several statuses at once. */
	static String statusOrdinal(String column) {
		StringBuilder b = new StringBuilder("CASE ").append(column);
		for (DossierStatus s : DossierStatus.values()) {
			b.append(" WHEN '").append(s.name()).append("' THEN ").append(s.ordinal());
		}
		return b.append(" END").toString();
	}
}
