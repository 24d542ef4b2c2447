package org.miaopi.updates.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.osgi.util.NLS;
import org.miaopi.updates.AvailablePlugin;
import org.miaopi.updates.InstalledPlugin;

/** The part's rows: installed plugins joined with what the last check found, by plugin id. */
final class PluginRows {

	record Row(String id, InstalledPlugin installed, AvailablePlugin offered) {
		String installedText() {
			if (installed == null) {
				return Messages.Plugins_notInstalled;
			}
			return installed.removable() ? installed.version() : installed.version() + " (" + Messages.Plugins_partOfProduct + ")"; //$NON-NLS-1$ //$NON-NLS-2$
		}

		String offeredText() {
			if (offered == null) {
				return ""; //$NON-NLS-1$
			}
			if (offered.isUpdate()) {
				return NLS.bind(Messages.Plugins_updateAvailable, offered.version());
			}
			return offered.isNew() ? NLS.bind(Messages.Plugins_new, offered.version()) : offered.version();
		}

		String category() {
			return offered == null || offered.category() == null ? "" : offered.category(); //$NON-NLS-1$
		}

		String contributes() {
			if (installed == null) {
				return ""; //$NON-NLS-1$
			}
			if (!installed.active()) {
				return Messages.Plugins_notActive;
			}
			List<String> parts = new ArrayList<>();
			for (InstalledPlugin.Contribution c : installed.contributions()) {
				StringBuilder b = new StringBuilder(c.code()).append(' ').append(c.nameZh());
				if (c.policyVersion() != null) {
					b.append(", ").append(NLS.bind(Messages.Plugins_policy, c.policyVersion())); //$NON-NLS-1$
				}
				if (c.templateId() != null) {
					b.append(", ").append(NLS.bind(Messages.Plugins_template, c.templateId())); //$NON-NLS-1$
				}
				parts.add(b.toString());
			}
			return String.join("; ", parts); //$NON-NLS-1$
		}
	}

	private volatile List<InstalledPlugin> installed = List.of();
	private volatile List<AvailablePlugin> offered = List.of();

	void installed(List<InstalledPlugin> list) {
		installed = List.copyOf(list);
	}

	void offered(List<AvailablePlugin> list) {
		offered = List.copyOf(list);
	}

	List<Row> rows() {
		Map<String, Row> byId = new TreeMap<>();
		for (InstalledPlugin p : installed) {
			byId.put(p.id(), new Row(p.id(), p, null));
		}
		for (AvailablePlugin a : offered) {
			Row r = byId.get(a.id());
			byId.put(a.id(), new Row(a.id(), r == null ? null : r.installed(), a));
		}
		return new ArrayList<>(byId.values());
	}
}
