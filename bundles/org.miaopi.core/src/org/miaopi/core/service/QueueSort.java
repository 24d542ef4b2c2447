package org.miaopi.core.service;

/**
 * What a queue page is ordered by. Every order ends in the dossier number, so rows that tie on the
 * key keep one stable order across pages; most also break ties by deadline first, the order an
 * officer works in.
 */
public enum QueueSort {
	/** working days left: the nearest deadline first (the default) */
	DEADLINE,
	/** dossier number */
	NUMBER,
	/** applicant's name (by character code, not by pinyin), then number */
	APPLICANT,
	/** matter code, then deadline */
	MATTER,
	/** time received, then number */
	RECEIVED,
	/** lifecycle order of the status, then deadline */
	STATUS,
	/** comparison results that need attention (not compared yet first), then deadline */
	MISMATCHES;

	/** The sort named (any case), or null for null or an unknown name: a saved filter from a newer desk. */
	public static QueueSort parse(String name) {
		if (name == null) {
			return null;
		}
		for (QueueSort s : values()) {
			if (s.name().equalsIgnoreCase(name.strip())) {
				return s;
			}
		}
		return null;
	}
}
