package org.miaopi.core.service;

import java.util.List;

import org.miaopi.core.model.Dossier;

/** @param hasMore whether a next page exists */
public record QueuePage(List<Dossier> rows, int page, boolean hasMore) {

	public QueuePage {
		rows = List.copyOf(rows);
	}
}
