package org.miaopi.hub.store;

import java.util.List;

/**
 * What one import transaction did.
 *
 * @param duplicates submission ids seen before: not imported again
 */
public record ImportResult(int imported, List<String> duplicates) {

	public ImportResult {
		duplicates = List.copyOf(duplicates);
	}
}
