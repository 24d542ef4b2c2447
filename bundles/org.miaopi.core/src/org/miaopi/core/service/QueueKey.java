package org.miaopi.core.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A row's place in one queue order: the values of the order's sort key as the store read them,
 * the dossier number last. The store hands one out with every page ({@link QueuePage#last()}); a
 * query given it ({@link QueueQuery#after}) reads on from just after that row by seeking in the
 * order's index, so a page deep in the queue costs what the first one does (keyset paging), where
 * a page number makes the store step over every row before it.
 *
 * @param sort       the order the values belong to
 * @param descending whether that order is reversed
 * @param values     the sort key's values, opaque to callers; the dossier number last
 */
public record QueueKey(QueueSort sort, boolean descending, List<Object> values) {

	public QueueKey {
		Objects.requireNonNull(sort, "sort");
		if (values == null || values.isEmpty() || !(values.get(values.size() - 1) instanceof String)) {
			throw new IllegalArgumentException("a queue position ends in the dossier number: " + values);
		}
		// an unmodifiable copy that keeps nulls, should a store ever read one
		values = Collections.unmodifiableList(new ArrayList<>(values));
	}

	/** The dossier number of the row. */
	public String number() {
		return (String) values.get(values.size() - 1);
	}
}
