package org.miaopi.sync;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The desk's sync with its hub, as a service: the CLI's {@code ./miaopi sync} and the workbench's
 * background job call the same rounds.
 */
public interface DeskSync {

	/**
	 * One round, pull then push, retrying an unreachable hub up to {@code attempts} times with
	 * exponential back-off. Blocks: call it off the UI thread.
	 *
	 * @throws IllegalStateException the desk is not enrolled
	 */
	SyncReport syncNow(int attempts) throws InterruptedException;

	SyncStatus status();

	/** When the background job should run next: the interval, or the back-off while the hub is away. */
	Duration nextDelay();

	/** Told the new status whenever it changes (from any thread). */
	void addListener(Consumer<SyncStatus> listener);

	void removeListener(Consumer<SyncStatus> listener);
}
