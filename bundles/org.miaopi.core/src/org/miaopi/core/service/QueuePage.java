package org.miaopi.core.service;

import java.util.List;

import org.miaopi.core.model.Dossier;

/**
 * @param hasMore whether a next page exists
 * @param last    the place of the last row in the query's order, to read the next page on from
 *                ({@link QueueQuery#after}); null when the page is empty
 */
public record QueuePage(List<Dossier> rows, int page, boolean hasMore, QueueKey last) {

	public QueuePage {
		rows = List.copyOf(rows);
	}

	/** A page with no position to read on from (the next one then goes by number). */
	public QueuePage(List<Dossier> rows, int page, boolean hasMore) {
		this(rows, page, hasMore, null);
	}
}
