package org.miaopi.updates;

/**
 * A matter plugin a repository offers: its newest version there, the version installed on the desk
 * ({@code null} when it is not), and the repository category (one per department) it is listed in.
 */
public record AvailablePlugin(String id, String name, String version, String installedVersion, String category) {

	public boolean isNew() {
		return installedVersion == null;
	}

	public boolean isUpdate() {
		return installedVersion != null
				&& org.osgi.framework.Version.parseVersion(version).compareTo(
						org.osgi.framework.Version.parseVersion(installedVersion)) > 0;
	}
}
