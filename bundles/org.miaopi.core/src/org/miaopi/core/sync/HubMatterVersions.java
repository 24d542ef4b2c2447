package org.miaopi.core.sync;

import java.util.Collection;
import java.util.List;

/**
 * The matter and theme versions the hub enables city-wide, as this desk last pulled them
 * (docs/hub.md, "Matter versions at the hub"). The rule: a code the hub never named keeps every
 * installed version (a desk without a hub, or a hub that names nothing, changes nothing); once
 * the hub names a version of a code, only the versions it enables are used for that code.
 */
public interface HubMatterVersions {

	/** A matter's version is its 秒批 policy version; a theme's, the version its plugin gives it. */
	String MATTER = "MATTER"; //$NON-NLS-1$
	String THEME = "THEME"; //$NON-NLS-1$

	/** One version as the hub set it. */
	record Entry(String kind, String code, String version, boolean enabled) {
	}

	/** Everything the hub named, by kind, code and version. */
	List<Entry> hubMatterVersions();

	/** Keeps the hub's changes (a version named again replaces itself), in one transaction. */
	void keepHubMatterVersions(Collection<Entry> changes);

	/** Whether {@code version} of {@code code} may be used by the rule above. */
	static boolean enabled(List<Entry> hub, String kind, String code, String version) {
		boolean named = false;
		for (Entry e : hub) {
			if (e.kind().equals(kind) && e.code().equals(code)) {
				if (e.version().equals(version)) {
					return e.enabled();
				}
				named = true;
			}
		}
		return !named;
	}

	/**
	 * The versions the hub enables that this desk has not installed: a matter whose installed policy
	 * version is another (or none), a theme with no plugin here (themes carry no version of their
	 * own yet: any installed theme of the code counts). Shown to the admin as a warning.
	 */
	static List<Entry> enabledNotInstalled(List<Entry> hub, org.miaopi.core.matter.MatterRegistry installed) {
		return hub.stream().filter(Entry::enabled).filter(e -> MATTER.equals(e.kind())
				? installed.find(e.code()).filter(m -> m.policy().version().equals(e.version())).isEmpty()
				: installed.theme(e.code()).isEmpty()).toList();
	}
}
