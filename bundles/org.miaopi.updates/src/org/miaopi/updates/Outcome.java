package org.miaopi.updates;

/**
 * What an install, update, uninstall or roll-back changed. {@code restartNeeded} is true when the
 * running desk could not apply the change at once (the new installation is used at the next start).
 */
public record Outcome(Kind kind, String pluginId, String fromVersion, String toVersion, boolean restartNeeded) {

	public enum Kind {
		INSTALLED, UPDATED, UNINSTALLED, ROLLED_BACK, UP_TO_DATE
	}
}
