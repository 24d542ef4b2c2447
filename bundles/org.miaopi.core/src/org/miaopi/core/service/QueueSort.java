package org.miaopi.core.service;

/**
 * What a queue page is ordered by. A descending order reverses the order's own key only: rows that
 * tie on it always go nearest deadline first (the order an officer works in), then by dossier
 * number, so ties keep one stable order across pages and the most urgent comes first either way.
 */
public enum QueueSort {
	/** working days left: the nearest deadline first (the default) */
	DEADLINE,
	/** dossier number */
	NUMBER,
	/** applicant's name in the Chinese (pinyin) collation, then deadline */
	APPLICANT,
	/** matter code, then deadline */
	MATTER,
	/** time received, then deadline */
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
