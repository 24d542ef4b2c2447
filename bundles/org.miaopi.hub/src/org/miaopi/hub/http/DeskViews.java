package org.miaopi.hub.http;

import org.miaopi.hub.store.HubUser;
import org.miaopi.hub.store.NumberBlock;
import org.miaopi.hub.store.Page;
import org.miaopi.hub.store.SourceStates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON of what desks pull for their own running (users, number blocks), as docs/hub.md documents it. */
final class DeskViews {

	private DeskViews() {
	}

	/** {@code GET /v1/departments/D/officers}: the department's users changed after the cursor. */
	static ObjectNode officerPage(Page<HubUser> page) {
		ObjectNode o = JsonViews.JSON.createObjectNode();
		ArrayNode items = o.putArray("items"); //$NON-NLS-1$
		for (HubUser u : page.items()) {
			ObjectNode x = items.addObject().put("id", u.id()).put("name", u.name()).put("department", u.departmentCode()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					.put("roles", u.roles()).put("passwordHash", u.passwordHash()).put("mustChangePassword", u.mustChangePassword()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					.put("locked", u.locked() || u.removed()).put("removed", u.removed()).put("version", u.version()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (u.lockReason() != null) {
				x.put("lockReason", u.lockReason()); //$NON-NLS-1$
			}
		}
		return o.put("next", page.next()).put("more", page.more()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** {@code GET /v1/sources}: the shared data sources whose availability changed after the cursor. */
	static ObjectNode sourcePage(Page<SourceStates.State> page) {
		ObjectNode o = JsonViews.JSON.createObjectNode();
		ArrayNode items = o.putArray("items"); //$NON-NLS-1$
		for (SourceStates.State s : page.items()) {
			items.addObject().put("source", s.source()).put("available", s.available()).put("note", s.note()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					.put("version", s.version()).put("updatedAt", s.updatedAt().toString()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return o.put("next", page.next()).put("more", page.more()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static ObjectNode matterVersionPage(Page<org.miaopi.hub.store.MatterVersions.State> page) {
		ObjectNode o = JsonViews.JSON.createObjectNode();
		ArrayNode items = o.putArray("items"); //$NON-NLS-1$
		for (var s : page.items()) {
			items.addObject().put("kind", s.kind().name()).put("code", s.code()).put("version", s.version()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					.put("enabled", s.enabled()).put("seq", s.seq()).put("updatedAt", s.updatedAt().toString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return o.put("next", page.next()).put("more", page.more()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static ObjectNode block(NumberBlock b) {
		return JsonViews.JSON.createObjectNode().put("department", b.departmentCode()).put("first", b.first()).put("last", b.last()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
