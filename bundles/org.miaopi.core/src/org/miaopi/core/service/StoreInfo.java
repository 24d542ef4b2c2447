package org.miaopi.core.service;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.miaopi.core.lifecycle.DossierStatus;

/**
 * What {@code ./miaopi store info} prints.
 *
 * @param counts           rows per table, in the store's documented order (kept: two stores print
 *                         their counts in the same order)
 * @param dossiersByStatus dossiers per status, every status in lifecycle order, zeros included
 */
public record StoreInfo(Path location, int schemaVersion, boolean encrypted, String bootMode, long sizeOnDisk,
		Map<String, Long> counts, Map<DossierStatus, Long> dossiersByStatus) {

	public StoreInfo {
		counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
		Map<DossierStatus, Long> all = new EnumMap<>(DossierStatus.class);
		for (DossierStatus s : DossierStatus.values()) {
			all.put(s, dossiersByStatus.getOrDefault(s, 0L));
		}
		dossiersByStatus = Collections.unmodifiableMap(all);
	}

	public StoreInfo(Path location, int schemaVersion, boolean encrypted, String bootMode, long sizeOnDisk, Map<String, Long> counts) {
		this(location, schemaVersion, encrypted, bootMode, sizeOnDisk, counts, Map.of());
	}

	/**
	 * The store's schema version, whether it is encrypted and how its key is given at boot: what a status line
	 * or the About dialog shows, nothing counted.
	 */
	public record Schema(int version, boolean encrypted, String bootMode) {
	}
}
