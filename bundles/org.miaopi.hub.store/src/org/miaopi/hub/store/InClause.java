package org.miaopi.hub.store;

import java.util.ArrayList;
import java.util.List;

/** Keys for a query's {@code IN :list}, a bounded number at a time (the hub store's queries all chunk alike). */
final class InClause {

	/** Keys in one IN list at most. */
	static final int CHUNK = 500;

	private InClause() {
	}

	/** {@code all} in consecutive views of at most {@link #CHUNK} keys, in order. */
	static <T> List<List<T>> chunks(List<T> all) {
		List<List<T>> out = new ArrayList<>();
		for (int i = 0; i < all.size(); i += CHUNK) {
			out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
		}
		return out;
	}
}
