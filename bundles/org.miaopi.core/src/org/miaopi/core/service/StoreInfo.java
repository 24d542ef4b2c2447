package org.miaopi.core.service;

import java.nio.file.Path;
import java.util.Map;

/** What {@code ./miaopi store info} prints. */
public record StoreInfo(Path location, int schemaVersion, boolean encrypted, String bootMode, long sizeOnDisk,
		Map<String, Long> counts) {

	public StoreInfo {
		counts = Map.copyOf(counts);
	}
}
