package org.miaopi.sync.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.miaopi.core.sync.HubMatterVersions;
import org.miaopi.core.sync.PullCache;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Follows the matter and theme versions the hub enables city-wide ({@code GET /v1/matter-versions},
 * docs/hub.md "Matter versions at the hub"): each change after the desk's cursor is kept in the
 * desk's store, which the 秒批 engine asks before it decides a dossier on its own. A page is kept,
 * then its cursor: a change kept twice changes nothing.
 */
public final class MatterVersions {

	public static final String FEED = "matter-versions"; //$NON-NLS-1$

	private final HubTransport hub;
	private final PullCache cache;
	private final HubMatterVersions versions;
	private final int pageSize;

	public MatterVersions(HubTransport hub, PullCache cache, HubMatterVersions versions, int pageSize) {
		this.hub = hub;
		this.cache = cache;
		this.versions = versions;
		this.pageSize = pageSize;
	}

	/** @return how many versions changed */
	public int run(List<String> leftOut) throws IOException, InterruptedException, HubRefused {
		// a hub of before schema 5 names no version (404): the desk keeps its installed ones
		return CursorFeed.settings(hub, cache, FEED, "/v1/matter-versions", pageSize, "the pull of the matter versions enabled at the hub", //$NON-NLS-1$ //$NON-NLS-2$
				true, items -> {
					List<HubMatterVersions.Entry> entries = new ArrayList<>();
					for (JsonNode v : items) {
						String kind = v.path("kind").asText(); //$NON-NLS-1$
						if (!HubMatterVersions.MATTER.equals(kind) && !HubMatterVersions.THEME.equals(kind) || v.path("code").asText().isEmpty() //$NON-NLS-1$
								|| v.path("version").asText().isEmpty()) { //$NON-NLS-1$
							leftOut.add("matter version " + v + ": not a matter or theme with a code and a version"); //$NON-NLS-1$ //$NON-NLS-2$
							continue;
						}
						entries.add(new HubMatterVersions.Entry(kind, v.get("code").asText(), v.get("version").asText(), v.path("enabled").asBoolean(false))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					}
					if (!entries.isEmpty()) {
						versions.keepHubMatterVersions(entries);
					}
					return entries.size();
				});
	}
}
