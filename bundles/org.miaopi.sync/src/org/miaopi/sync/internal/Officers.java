package org.miaopi.sync.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.sync.PullCache;
import org.miaopi.core.sync.PulledOfficer;
import org.miaopi.core.sync.PulledPage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Pulls the department's users from the hub by their own cursor (docs/hub.md,
 * {@code GET /v1/departments/D/officers}): those the hub created or changed since the last pull,
 * with their password verifiers, so they sign in at this desk while the hub is out of reach; a
 * user locked or removed at the hub is locked here once the page is kept.
 */
public final class Officers {

	private final HubTransport hub;
	private final PullCache cache;
	private final int pageSize;

	public Officers(HubTransport hub, PullCache cache, int pageSize) {
		this.hub = hub;
		this.cache = cache;
		this.pageSize = pageSize;
	}

	public static String feed(String department) {
		return "officers/" + department; //$NON-NLS-1$
	}

	/** @return how many users the desk created or changed */
	public int run(String department, List<String> leftOut) throws IOException, InterruptedException, HubRefused {
		String feed = feed(department);
		return CursorFeed.follow(hub, cache, feed, "/v1/departments/" + department + "/officers", pageSize, //$NON-NLS-1$ //$NON-NLS-2$
				"the pull of " + department + "'s users", false, //$NON-NLS-1$ //$NON-NLS-2$
				(items, next) -> cache.takeIn(feed, next, PulledPage.ofOfficers(users(department, items, leftOut)), Pull.ACTOR).officers());
	}

	/** The page's users; one that does not read (another department's, the system's role) is left out and named. */
	private static List<PulledOfficer> users(String department, JsonNode items, List<String> leftOut) {
		List<PulledOfficer> users = new ArrayList<>();
		for (JsonNode u : items) {
			try {
				if (!department.equals(u.path("department").asText())) { //$NON-NLS-1$
					throw new IllegalArgumentException("a user of another department"); //$NON-NLS-1$
				}
				users.add(new PulledOfficer(new Officer(u.path("id").asText(), u.path("name").asText(), department, roles(u.path("roles").asText())), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						u.path("passwordHash").asText(null), u.path("locked").asBoolean(true), u.path("lockReason").asText(null), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						u.path("mustChangePassword").asBoolean(true), u.path("version").asLong())); //$NON-NLS-1$ //$NON-NLS-2$
			} catch (RuntimeException e) {
				leftOut.add("user " + u.path("id").asText() + ": " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
		}
		return users;
	}

	private static Set<Role> roles(String names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String n : names.split(",")) { //$NON-NLS-1$
			Role r = Role.valueOf(n.strip());
			if (r == Role.SYSTEM) {
				throw new IllegalArgumentException("the system's role is not the hub's to give"); //$NON-NLS-1$
			}
			roles.add(r);
		}
		return roles;
	}
}
