package org.miaopi.sync.ui;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.miaopi.checks.Engine;

/**
 * 秒批 over the dossiers a pull brought: the engine settles what the data settle and routes the rest
 * to officers with its reasons, as {@code ./miaopi auto-approve} does, without anyone asking. A
 * second pull while it runs does not start a second run: the job is scheduled again and takes
 * whatever is still RECEIVED then.
 */
public final class SettleArrivals extends Job {

	static final int PAGE = 500;

	private final Engine engine;
	private final IntConsumer settled;

	/** @param settled told how many dossiers were evaluated, after a run that evaluated any */
	public SettleArrivals(Engine engine, IntConsumer settled) {
		super(Messages.Settle_job);
		this.engine = engine;
		this.settled = settled;
		setPriority(Job.LONG);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		monitor.beginTask(Messages.Settle_job, IProgressMonitor.UNKNOWN);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		int[] done = { 0 };
		try {
			int seen = engine.runAll(PAGE, Instant.now(), pool, 2, monitor::isCanceled, page -> {
				done[0] += page.items().size();
				monitor.subTask(NLS.bind(Messages.Settle_progress, done[0]));
				monitor.worked(page.items().size());
			});
			if (seen > 0) {
				settled.accept(seen);
			}
			return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
		} catch (RuntimeException e) {
			// the dossiers stay RECEIVED: the next pull, or ./miaopi auto-approve, takes them again
			Platform.getLog(SettleArrivals.class).error(NLS.bind(Messages.Settle_failed, e.getMessage()), e);
			return Status.OK_STATUS;
		} finally {
			pool.shutdownNow();
			monitor.done();
		}
	}
}
