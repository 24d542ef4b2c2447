package org.miaopi.sync.ui;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.miaopi.checks.Engine;
import org.miaopi.sync.DeskSync;
import org.miaopi.ui.api.Topics;

/**
 * Starts the background sync with the workbench (a little after, so the first window is not
 * slowed) and stops it on exit; the command finds it in the application's context.
 */
public class SyncAddon {

	/** The first round waits for the window to be up. */
	static final long FIRST_DELAY_MS = 5_000;

	private BackgroundSync job;

	@PostConstruct
	void start(IEclipseContext context, @Optional DeskSync sync, @Optional Engine engine, IEventBroker broker) {
		if (sync == null) {
			return;
		}
		// once 秒批 settled what arrived the queue reads again, and its decisions go to the hub at once
		job = new BackgroundSync(sync, engine == null ? null : new SettleArrivals(engine, n -> {
			broker.post(Topics.DOSSIERS_ARRIVED, n);
			job.now();
		}));
		context.set(BackgroundSync.class, job);
		job.schedule(Long.getLong("miaopi.sync.firstDelayMs", FIRST_DELAY_MS)); //$NON-NLS-1$
	}

	@PreDestroy
	void stop() {
		if (job != null) {
			job.stop();
		}
	}
}
