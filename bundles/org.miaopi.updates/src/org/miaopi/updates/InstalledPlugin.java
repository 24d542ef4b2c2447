package org.miaopi.updates;

import java.util.List;

/**
 * An installed matter plugin: its bundle id and version, and the matters and themes it contributes
 * to the registry (none while it is installed but not yet active: {@code active} says which).
 */
public record InstalledPlugin(String id, String version, boolean removable, List<Contribution> contributions,
		boolean active) {

	/** One matter or theme: its code, names, policy version (themes have none) and certificate template. */
	public record Contribution(String code, String nameZh, String nameEn, String policyVersion, String templateId) {
	}
}
