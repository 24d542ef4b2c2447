package org.miaopi.updates.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.osgi.util.NLS;
import org.miaopi.core.model.Department;
import org.miaopi.updates.AvailablePlugin;
import org.miaopi.updates.InstalledPlugin;

/** The part's rows: installed plugins joined with what the last check found, grouped by department. */
public final class PluginRows {

	static final String MATTER_PREFIX = "org.miaopi.matter."; //$NON-NLS-1$

	public record Row(String id, InstalledPlugin installed, AvailablePlugin offered) {
		/** The id without the prefix every matter plugin shares ({@code org.miaopi.matter.}). */
		public String shortId() {
			return id.startsWith(MATTER_PREFIX) ? id.substring(MATTER_PREFIX.length()) : id;
		}

		public String installedText() {
			if (installed == null) {
				return Messages.Plugins_notInstalled;
			}
			return installed.removable() ? installed.version() : installed.version() + " (" + Messages.Plugins_partOfProduct + ")"; //$NON-NLS-1$ //$NON-NLS-2$
		}

		public String offeredText() {
			if (offered == null) {
				return ""; //$NON-NLS-1$
			}
			if (offered.isUpdate()) {
				return NLS.bind(Messages.Plugins_updateAvailable, offered.version());
			}
			return offered.isNew() ? NLS.bind(Messages.Plugins_new, offered.version()) : offered.version();
		}

		/** The deciding department: as the desk's registry has it, else as the repository's category says. */
		public Department department() {
			if (installed != null && installed.department() != null) {
				return installed.department();
			}
			return offered == null ? null : offered.department();
		}

		public String departmentText() {
			Department d = department();
			if (d == null) {
				return ""; //$NON-NLS-1$
			}
			String name = org.miaopi.ui.api.Texts.of(d);
			return name.isBlank() || name.equals(d.code()) ? d.code() : d.code() + " " + name; //$NON-NLS-1$
		}

		public String contributes() {
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

	public void installed(List<InstalledPlugin> list) {
		installed = List.copyOf(list);
	}

	public void offered(List<AvailablePlugin> list) {
		offered = List.copyOf(list);
	}

	public List<Row> rows() {
		Map<String, Row> byId = new TreeMap<>();
		for (InstalledPlugin p : installed) {
			byId.put(p.id(), new Row(p.id(), p, null));
		}
		for (AvailablePlugin a : offered) {
			Row r = byId.get(a.id());
			byId.put(a.id(), new Row(a.id(), r == null ? null : r.installed(), a));
		}
		// grouped by department (plugins of none last), then by id
		List<Row> out = new ArrayList<>(byId.values());
		out.sort(Comparator.comparing((Row r) -> r.department() == null ? "\uffff" : r.department().code()) //$NON-NLS-1$
				.thenComparing(Row::id));
		return out;
	}
}
