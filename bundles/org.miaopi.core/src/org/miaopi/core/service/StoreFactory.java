package org.miaopi.core.service;

import java.nio.file.Path;

/**
 * Opens stores other than the desk's own (whose services are registered directly): for the
 * benchmark, which compares an encrypted and an unencrypted store side by side, and for tools.
 */
public interface StoreFactory {

	/**
	 * Opens or creates a store in {@code dir}; encrypted stores keep their boot key in
	 * {@code dir/boot.key} unless a password is configured (see the README).
	 */
	OpenStore open(Path dir, boolean encrypted);
}
