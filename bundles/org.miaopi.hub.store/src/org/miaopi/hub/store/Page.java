package org.miaopi.hub.store;

import java.util.List;

/**
 * One page read by cursor: the items after the cursor asked for, and the cursor to ask with
 * next (the last item's position, or the same cursor when the page is empty).
 */
public record Page<T>(List<T> items, long next, boolean more) {

	public Page {
		items = List.copyOf(items);
	}
}
