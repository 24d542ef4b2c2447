package org.miaopi.queue.ui;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.QueueSort;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

/**
 * An officer's saved queue filters, kept in the workbench's instance preferences
 * ({@code <MIAOPI_HOME>/workspace/.metadata/.plugins/org.eclipse.core.runtime/.settings/org.miaopi.queue.ui.prefs}),
 * one node per officer ID and one per filter, written through at once so they survive a restart or
 * a crash. Not in the store: a filter is the officer's view of this desk, not a record of the
 * approval process; the store holds what is synced with the hub and audited, and a view setting
 * there would need a schema change and an audit story for nothing.
 */
public final class SavedFilters {

	private static final String ROOT = "savedFilters"; //$NON-NLS-1$
	private final Preferences officerNode;

	public SavedFilters(Preferences root, String officerId) {
		this.officerNode = root.node(ROOT).node(encode(officerId));
	}

	/** The filters of {@code officerId} on this desk. */
	public static SavedFilters of(String officerId) {
		return new SavedFilters(InstanceScope.INSTANCE.getNode("org.miaopi.queue.ui"), officerId); //$NON-NLS-1$
	}

	/** Every saved filter, by name. */
	public List<SavedFilter> all() {
		List<SavedFilter> out = new ArrayList<>();
		try {
			for (String child : officerNode.childrenNames()) {
				out.add(read(decode(child), officerNode.node(child)));
			}
		} catch (BackingStoreException e) {
			throw new IllegalStateException(Messages.Queue_filterStoreFailed, e);
		}
		out.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
		return out;
	}

	public SavedFilter find(String name) {
		return all().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
	}

	/** Saves {@code filter}, replacing one of the same name. */
	public void save(SavedFilter filter) {
		Preferences n = officerNode.node(encode(filter.name()));
		n.put("statuses", filter.statuses().equals(QueueQuery.OPEN) ? "" //$NON-NLS-1$ //$NON-NLS-2$
				: filter.statuses().stream().map(Enum::name).sorted().collect(Collectors.joining(","))); //$NON-NLS-1$
		n.put("matter", filter.matterCode() == null ? "" : filter.matterCode()); //$NON-NLS-1$ //$NON-NLS-2$
		n.put("text", filter.text() == null ? "" : filter.text()); //$NON-NLS-1$ //$NON-NLS-2$
		n.put("sort", filter.sort().name()); //$NON-NLS-1$
		n.putBoolean("descending", filter.descending()); //$NON-NLS-1$
		flush();
	}

	/** Renames {@code from} to {@code to}; refused if {@code to} is taken by another filter. */
	public void rename(String from, String to) {
		SavedFilter f = find(from);
		if (f == null) {
			throw new IllegalArgumentException(org.eclipse.osgi.util.NLS.bind(Messages.Queue_filterMissing, from));
		}
		SavedFilter renamed = f.named(to);
		if (!renamed.name().equals(from) && find(renamed.name()) != null) {
			throw new IllegalArgumentException(org.eclipse.osgi.util.NLS.bind(Messages.Queue_filterNameTaken, renamed.name()));
		}
		delete(from);
		save(renamed);
	}

	public void delete(String name) {
		try {
			if (officerNode.nodeExists(encode(name))) {
				officerNode.node(encode(name)).removeNode();
			}
		} catch (BackingStoreException e) {
			throw new IllegalStateException(Messages.Queue_filterStoreFailed, e);
		}
		flush();
	}

	private static SavedFilter read(String name, Preferences n) {
		Set<DossierStatus> statuses = EnumSet.noneOf(DossierStatus.class);
		Arrays.stream(n.get("statuses", "").split(",")).map(String::strip).filter(s -> !s.isEmpty()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.forEach(s -> {
					try {
						statuses.add(DossierStatus.valueOf(s));
					} catch (IllegalArgumentException unknown) {
						// a status this desk does not know (a newer desk wrote it): left out
					}
				});
		return new SavedFilter(name, statuses, n.get("matter", null), n.get("text", null), //$NON-NLS-1$ //$NON-NLS-2$
				QueueSort.parse(n.get("sort", null)), n.getBoolean("descending", false)); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private void flush() {
		try {
			officerNode.flush();
		} catch (BackingStoreException e) {
			throw new IllegalStateException(Messages.Queue_filterStoreFailed, e);
		}
	}

	/** Preference node names may not hold '/', and some stores dislike other characters. */
	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static String decode(String s) {
		return URLDecoder.decode(s, StandardCharsets.UTF_8);
	}
}
