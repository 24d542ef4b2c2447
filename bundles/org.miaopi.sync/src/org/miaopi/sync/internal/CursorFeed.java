package org.miaopi.sync.internal;

import java.io.IOException;
import java.util.List;

import org.miaopi.core.sync.PullCache;
import org.miaopi.core.sync.PulledPage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A feed the desk pulls by its own cursor ({@code GET path?after=CURSOR&limit=N}, answered
 * {@code {"items", "next", "more"}}): page after page from the cursor kept, each page taken in
 * with its next cursor in one desk transaction, until the hub has no more. Killed midway, the next
 * pull starts from the last page kept; a page read twice changes nothing. The users' and the shared
 * records' feeds take their items in with the cursor; the settings' feeds (the sources'
 * availability, the matter versions enabled) apply theirs, then keep the cursor with no rows.
 * <p>
 * The dossiers' feed ({@link Pull#run}) pages the same way but stops between pages when asked and
 * fetches each page's files first: it keeps its own loop.
 */
final class CursorFeed {

	/** Takes one page in: its items and, with them, the cursor after them; answers how many changed on the desk. */
	@FunctionalInterface
	interface Page {
		int take(JsonNode items, long next);
	}

	/** Applies one page's items of a settings feed, answering how many changed on the desk. */
	@FunctionalInterface
	interface Apply {
		int page(JsonNode items);
	}

	private CursorFeed() {
	}

	/**
	 * @param what          what the pull is, for the refusal's message ("the pull of …")
	 * @param absentAtStart the hub may not offer the feed (an older hub): a 404 before any page is "nothing"
	 * @return how many changed on the desk, summed over the pages
	 */
	static int follow(HubTransport hub, PullCache cache, String feed, String path, int pageSize, String what,
			boolean absentAtStart, Page page) throws IOException, InterruptedException, HubRefused {
		int changed = 0;
		boolean more = true;
		while (more) {
			long cursor = cache.cursor(feed);
			HubTransport.Reply r = hub.get(path + "?after=" + cursor + "&limit=" + pageSize); //$NON-NLS-1$ //$NON-NLS-2$
			if (absentAtStart && r.status() == 404 && cursor == 0) {
				return 0;
			}
			if (!r.ok()) {
				throw new HubRefused(what, r);
			}
			JsonNode json = r.json();
			changed += page.take(json.path("items"), json.path("next").asLong(cursor)); //$NON-NLS-1$ //$NON-NLS-2$
			more = json.path("more").asBoolean(false); //$NON-NLS-1$
		}
		return changed;
	}

	/**
	 * A feed of settings the hub changes city-wide: each page applied to the desk, then its cursor
	 * kept with no rows of its own (a page applied before its cursor was kept is applied again,
	 * changing nothing).
	 *
	 * @return how many settings changed on the desk
	 */
	static int settings(HubTransport hub, PullCache cache, String feed, String path, int pageSize, String what,
			boolean absentAtStart, Apply apply) throws IOException, InterruptedException, HubRefused {
		return follow(hub, cache, feed, path, pageSize, what, absentAtStart, (items, next) -> {
			int changed = apply.page(items);
			cache.takeIn(feed, next, PulledPage.ofRecords(List.of()), Pull.ACTOR);
			return changed;
		});
	}
}
