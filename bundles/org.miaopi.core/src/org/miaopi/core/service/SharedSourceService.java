package org.miaopi.core.service;

import java.util.List;
import java.util.Set;

import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedSource;

/**
 * The availability of the shared data sources (共享数据), kept by the store: marked unavailable by
 * the sync when a source cannot be reached, or by an admin; every change is an audit event
 * ({@value #OFFLINE_EVENT} / {@value #ONLINE_EVENT}).
 */
public interface SharedSourceService {

	String OFFLINE_EVENT = "source.unavailable";
	String ONLINE_EVENT = "source.available";

	/** Every source, in {@link SharedSource} order; a source never set is available. */
	List<SourceState> sources();

	/** The sources that cannot be asked now. */
	Set<SharedSource> unavailableSources();

	/**
	 * Marks a source available or not, with an audit event; nothing happens (and no event) when it
	 * already is in that state.
	 *
	 * @param note why (required when marking it unavailable)
	 * @throws AccessDeniedException unless {@code actor} is an admin or the system (the sync)
	 * @throws IllegalArgumentException if a note is missing
	 * @return true if the state changed
	 */
	boolean setAvailable(Officer actor, SharedSource source, boolean available, String note);
}
