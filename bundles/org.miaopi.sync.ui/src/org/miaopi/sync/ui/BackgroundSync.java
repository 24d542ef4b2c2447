package org.miaopi.sync.ui;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.miaopi.sync.DeskSync;

/**
 * The workbench's sync: one round in the background, then again after the interval (or after the
 * back-off while the hub is away). Nothing in the officer's flow waits for it: the store takes the
 * pulled pages in its own transactions, and the status bar hears of each round by a listener.
 */
public final class BackgroundSync extends Job {

	/** The job family, for tests and for anything that waits for the sync to end. */
	public static final Object FAMILY = BackgroundSync.class;

	private final DeskSync sync;
	private final Job arrivals;
	private volatile boolean stopped;

	public BackgroundSync(DeskSync sync) {
		this(sync, null);
	}

	/** @param arrivals run after each round that reached the hub (秒批 over what arrived), or null */
	public BackgroundSync(DeskSync sync, Job arrivals) {
		super(Messages.Sync_job);
		this.sync = sync;
		this.arrivals = arrivals;
		setSystem(true);
		setPriority(Job.LONG);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		try {
			if (!monitor.isCanceled() && sync.status().enrolled()) {
				// one attempt: the back-off is the next schedule, not a sleep in this job
				if (sync.syncNow(1).reached() && arrivals != null) {
					// also after a round that pulled nothing: dossiers a headless sync left RECEIVED
					arrivals.schedule();
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (RuntimeException e) {
			Platform.getLog(BackgroundSync.class).warn("sync: " + e.getMessage(), e); //$NON-NLS-1$
		}
		if (!stopped) {
			schedule(sync.nextDelay().toMillis());
		}
		return Status.OK_STATUS;
	}

	/** Sync now (the command): wakes the sleeping job; a round under way is not doubled. */
	public void now() {
		if (stopped) {
			return;
		}
		if (getState() == Job.SLEEPING) {
			wakeUp();
		} else if (getState() == Job.NONE) {
			schedule();
		}
	}

	public void stop() {
		stopped = true;
		cancel();
		if (arrivals != null) {
			arrivals.cancel();
		}
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}
}
