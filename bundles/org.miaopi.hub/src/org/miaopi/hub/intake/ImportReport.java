package org.miaopi.hub.intake;

import java.util.ArrayList;
import java.util.List;

/** What an import did: lines read, imported (dossiers or records), duplicates and refusals. */
public final class ImportReport {

	/** Refusals listed at most; the count goes on. */
	public static final int MAX_LISTED = 1000;

	private long lines;
	private long imported;
	private final List<String> duplicates = new ArrayList<>();
	private long duplicateCount;
	private final List<Refusal> refused = new ArrayList<>();
	private long refusedCount;

	void line() {
		lines++;
	}

	void imported(long n) {
		imported += n;
	}

	void duplicates(List<String> ids) {
		duplicateCount += ids.size();
		for (String id : ids) {
			if (duplicates.size() < MAX_LISTED) {
				duplicates.add(id);
			}
		}
	}

	void refuse(Refusal r) {
		refusedCount++;
		if (refused.size() < MAX_LISTED) {
			refused.add(r);
		}
	}

	public long lines() {
		return lines;
	}

	public long imported() {
		return imported;
	}

	public long duplicateCount() {
		return duplicateCount;
	}

	public List<String> duplicates() {
		return List.copyOf(duplicates);
	}

	public long refusedCount() {
		return refusedCount;
	}

	public List<Refusal> refused() {
		return List.copyOf(refused);
	}
}
