package org.miaopi.updates;

import java.util.List;

import org.miaopi.core.model.Department;

/**
 * An installed matter plugin: its bundle id and version, the matters and themes it contributes to
 * the registry (none while it is installed but not yet active: {@code active} says which), and the
 * department that decides its matters (a theme's: the department of its first matter; {@code null}
 * while the plugin is not active).
 */
public record InstalledPlugin(String id, String version, boolean removable, List<Contribution> contributions,
		boolean active, Department department) {

	/** One matter or theme: its code, names, policy version (themes have none) and certificate template. */
	public record Contribution(String code, String nameZh, String nameEn, String policyVersion, String templateId) {
	}
}
