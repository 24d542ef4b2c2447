package org.miaopi.store;

import java.util.List;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.service.QueueSort;

/**
 * How the store reads the queue in one {@link QueueSort} order: the DOSSIER columns the order is
 * made of (the number last, so ties keep one order across pages) and the indexes that hold them in
 * that order (V5.sql, and the queue-sort migration for the rest). The columns are all NOT NULL
 * (ATTENTION is -1 until compared), which keyset paging relies on ({@link Seek}).
 *
 * @param columns   the order's columns, the number last
 * @param ascending index read for the ascending order
 * @param matter    index for the ascending order with the matter filter (may be {@code ascending})
 * @param descending index read for the descending order (matter filter applied inside it)
 * @param byStatus  whether the statuses' lifecycle order comes before the columns
 */
record SortPlan(List<String> columns, String ascending, String matter, String descending, boolean byStatus) {

	static SortPlan of(QueueSort sort) {
		return switch (sort) {
			case DEADLINE -> new SortPlan(List.of("DEADLINE", "NUMBER"), "DOSSIER_STATUS_QUEUE", "DOSSIER_MATTER_QUEUE",
					"DOSSIER_SORT_DEADLINE_D", false);
			case STATUS -> new SortPlan(List.of("DEADLINE", "NUMBER"), "DOSSIER_STATUS_QUEUE", "DOSSIER_MATTER_QUEUE",
					"DOSSIER_SORT_DEADLINE_D", true);
			case NUMBER -> same(List.of("NUMBER"), "DOSSIER_SORT_NUMBER");
			case APPLICANT -> same(List.of("APPLICANT_NAME", "NUMBER"), "DOSSIER_SORT_APPLICANT");
			case RECEIVED -> same(List.of("RECEIVED_MS", "NUMBER"), "DOSSIER_SORT_RECEIVED");
			case MATTER -> same(List.of("MATTER_CODE", "DEADLINE", "NUMBER"), "DOSSIER_SORT_MATTER");
			case MISMATCHES -> same(List.of("ATTENTION", "DEADLINE", "NUMBER"), "DOSSIER_SORT_MISMATCHES");
		};
	}

	private static SortPlan same(List<String> columns, String index) {
		return new SortPlan(columns, index, index, index + "_D", false);
	}

	String index(boolean descendingOrder, boolean matterFilter) {
		return descendingOrder ? descending : matterFilter ? matter : ascending;
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
