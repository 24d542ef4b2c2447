package org.miaopi.sync.internal;

import java.io.IOException;
import java.util.List;

import org.miaopi.core.sync.PullCache;
import org.miaopi.core.sync.PulledPage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A feed of settings the hub changes city-wide (the sources' availability, the matter versions it
 * enables): paged by cursor, each page applied to the desk, then its cursor kept with no rows of its
 * own. A page applied before its cursor was kept is applied again, changing nothing.
 */
final class SettingsFeed {

	/** Applies one page's items, answering how many changed on the desk. */
	@FunctionalInterface
	interface Apply {
		int page(JsonNode items);
	}

	private SettingsFeed() {
	}

	/**
	 * @param absentAtStart the hub may not offer the feed (an older hub): a 404 before any page is "nothing"
	 * @return how many settings changed on the desk
	 */
	static int follow(HubTransport hub, PullCache cache, String feed, String path, int pageSize, String what,
			boolean absentAtStart, Apply apply) throws IOException, InterruptedException, HubRefused {
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
			JsonNode page = r.json();
			changed += apply.page(page.path("items")); //$NON-NLS-1$
			cache.takeIn(feed, page.path("next").asLong(cursor), PulledPage.ofRecords(List.of()), Pull.ACTOR); //$NON-NLS-1$
			more = page.path("more").asBoolean(false); //$NON-NLS-1$
		}
		return changed;
	}
}
