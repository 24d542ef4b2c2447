package org.miaopi.sync.internal;

import java.io.IOException;
import java.util.List;

import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.SharedSourceService;
import org.miaopi.core.sync.PullCache;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Follows the shared data sources' availability as the hub knows it ({@code GET /v1/sources},
 * docs/hub.md): each change after the desk's cursor is set on the desk as the system (an audit
 * event each, as when the desk's admin sets it), so 秒批 routes to officers what needs a source the
 * city marked unavailable. Only changes come: a state the desk's admin set stays until the hub
 * changes that source. A change applied before the cursor was kept is applied again, changing nothing.
 */
public final class Sources {

	public static final String FEED = "sources"; //$NON-NLS-1$

	private final HubTransport hub;
	private final PullCache cache;
	private final SharedSourceService sources;
	private final int pageSize;

	public Sources(HubTransport hub, PullCache cache, SharedSourceService sources, int pageSize) {
		this.hub = hub;
		this.cache = cache;
		this.sources = sources;
		this.pageSize = pageSize;
	}

	/** @return how many sources changed on the desk */
	public int run(List<String> leftOut) throws IOException, InterruptedException, HubRefused {
		return CursorFeed.settings(hub, cache, FEED, "/v1/sources", pageSize, "the pull of the sources' availability", false, items -> { //$NON-NLS-1$ //$NON-NLS-2$
			int changed = 0;
			for (JsonNode s : items) {
				try {
					SharedSource source = SharedSource.valueOf(s.path("source").asText()); //$NON-NLS-1$
					boolean available = s.path("available").asBoolean(true); //$NON-NLS-1$
					String note = s.path("note").isTextual() ? "at the hub: " + s.get("note").asText() : available ? null //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							: "unavailable at the hub"; //$NON-NLS-1$
					if (sources.setAvailable(Officer.SYSTEM, source, available, note)) {
						changed++;
					}
				} catch (IllegalArgumentException e) {
					leftOut.add("source " + s.path("source").asText() + ": " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				}
			}
			return changed;
		});
	}
}
