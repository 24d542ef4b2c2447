package org.miaopi.updates;

import org.miaopi.core.model.Department;

/**
 * A matter plugin a repository offers: its newest version there, the version installed on the desk
 * ({@code null} when it is not), the repository category it is listed in (its label, as the
 * repository states it) and the department that category stands for (one category per department;
 * {@code null} when the repository puts the plugin in none).
 */
public record AvailablePlugin(String id, String name, String version, String installedVersion, String category,
		Department department) {

	public boolean isNew() {
		return installedVersion == null;
	}

	public boolean isUpdate() {
		return installedVersion != null
				&& org.osgi.framework.Version.parseVersion(version).compareTo(
						org.osgi.framework.Version.parseVersion(installedVersion)) > 0;
	}
}
