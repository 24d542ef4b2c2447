package org.miaopi.core.service;

import java.time.Instant;
import java.util.Objects;

import org.miaopi.core.model.SharedSource;

/**
 * Whether a shared data source can be asked now. An unavailable source's records are never used
 * to approve: the 秒批 engine routes every dossier that needs it to an officer ("source unavailable").
 *
 * @param changed   when the state was last set (null: never, available by default)
 * @param changedBy who set it: the sync, an admin (null: never)
 * @param note      why, e.g. the sync's error (may be null)
 * @param lastSync  when the source's records were last synchronised (null: unknown)
 */
public record SourceState(SharedSource source, boolean available, Instant changed, String changedBy, String note, Instant lastSync) {

	public SourceState {
		Objects.requireNonNull(source, "source");
	}
}
