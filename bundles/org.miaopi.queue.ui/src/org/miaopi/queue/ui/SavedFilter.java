package org.miaopi.queue.ui;

import java.util.Set;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.QueueSort;

/**
 * A queue filter an officer keeps under a name: what the filter bar and the sorted column hold.
 *
 * @param statuses   the statuses shown; {@link QueueQuery#OPEN} for the open ones
 * @param matterCode one matter, or null for all
 * @param text       the search text, or null
 */
public record SavedFilter(String name, Set<DossierStatus> statuses, String matterCode, String text, QueueSort sort,
		boolean descending) {

	public SavedFilter {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException(Messages.Queue_filterNameEmpty);
		}
		name = name.strip();
		QueueQuery q = new QueueQuery(statuses, matterCode, text, 0, sort, descending); // the same defaults
		statuses = q.statuses();
		matterCode = q.matterCode();
		text = q.text();
		sort = q.sort();
	}

	public QueueQuery query() {
		return new QueueQuery(statuses, matterCode, text, 0, sort, descending);
	}

	public SavedFilter named(String other) {
		return new SavedFilter(other, statuses, matterCode, text, sort, descending);
	}
}
