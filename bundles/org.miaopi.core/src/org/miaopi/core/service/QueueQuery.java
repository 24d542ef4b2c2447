package org.miaopi.core.service;

import java.util.EnumSet;
import java.util.Set;

import org.miaopi.core.lifecycle.DossierStatus;

/**
 * One page of an officer's queue: the department is always the viewer's own, never a parameter.
 *
 * @param statuses   which statuses to show; empty means the open ones ({@link #OPEN})
 * @param matterCode only this matter, or null
 * @param text       the start of the dossier number, of the applicant's ID, or of the name from its
 *                   first, second or third character (so a given name too); any case; or null
 * @param page       0-based page of {@link #PAGE_SIZE} rows
 * @param sort       the order of the rows (null: {@link QueueSort#DEADLINE}); ties end in number order
 * @param descending the order reversed, ties included (so paging stays stable either way)
 * @param after      null, or the row to read on from ({@link QueuePage#last()} of the page before): the
 *                   page starts just after it and {@code page} only numbers it; must be of this order
 */
public record QueueQuery(Set<DossierStatus> statuses, String matterCode, String text, int page, QueueSort sort,
		boolean descending, QueueKey after) {

	public static final int PAGE_SIZE = 50;

	/** What an officer still has to work on. */
	public static final Set<DossierStatus> OPEN = Set.copyOf(EnumSet.of(DossierStatus.RECEIVED,
			DossierStatus.PRE_CHECKED, DossierStatus.ASSIGNED, DossierStatus.IN_REVIEW,
			DossierStatus.SUPPLEMENT_REQUESTED));

	public QueueQuery {
		statuses = statuses == null || statuses.isEmpty() ? OPEN : Set.copyOf(statuses);
		matterCode = blankToNull(matterCode);
		text = blankToNull(text);
		if (page < 0) {
			throw new IllegalArgumentException("page is negative: " + page);
		}
		sort = sort == null ? QueueSort.DEADLINE : sort;
		if (after != null && (after.sort() != sort || after.descending() != descending)) {
			throw new IllegalArgumentException("the queue position is in the order " + after.sort()
					+ (after.descending() ? " descending" : "") + ", not in " + sort + (descending ? " descending" : ""));
		}
	}

	/** Page {@code page} by its number (offset paging). */
	public QueueQuery(Set<DossierStatus> statuses, String matterCode, String text, int page, QueueSort sort,
			boolean descending) {
		this(statuses, matterCode, text, page, sort, descending, null);
	}

	/** By deadline, nearest first. */
	public QueueQuery(Set<DossierStatus> statuses, String matterCode, String text, int page) {
		this(statuses, matterCode, text, page, QueueSort.DEADLINE, false);
	}

	/** The same filter and order, another page, by its number. */
	public QueueQuery atPage(int other) {
		return new QueueQuery(statuses, matterCode, text, other, sort, descending, null);
	}

	/**
	 * The same filter and order, page {@code other} read on from just after {@code key} (the last row
	 * of the page before): a seek in the store, not a count of the rows before it.
	 */
	public QueueQuery after(QueueKey key, int other) {
		return new QueueQuery(statuses, matterCode, text, other, sort, descending, key);
	}

	public static QueueQuery open() {
		return new QueueQuery(null, null, null, 0);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
