package org.miaopi.sync;

import java.time.Instant;

/**
 * What the status bar tells: whether the desk reached its hub the last time it tried, since when
 * it has not, when the last sync ended, and how many changes wait to be sent.
 *
 * @param enrolled   the desk has an identity at a hub (else it works alone, on its own data)
 * @param online     the last attempt reached the hub
 * @param offlineSince the first failed attempt after the last success, or null when online
 * @param lastEnded  when the last successful sync ended, or null
 * @param waiting    outbox entries above the hub's last known mark
 * @param problem    the last failure in plain words, or null
 * @param running    a sync is under way
 */
public record SyncStatus(boolean enrolled, boolean online, Instant offlineSince, Instant lastEnded, long waiting,
		String problem, boolean running) {

	public static final SyncStatus NOT_ENROLLED = new SyncStatus(false, false, null, null, 0, null, false);
}
