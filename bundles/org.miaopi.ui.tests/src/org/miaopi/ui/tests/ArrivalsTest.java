package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.checks.Engine;
import org.miaopi.checks.Evaluator;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.StoreFactory;
import org.miaopi.demo.DemoGenerator;
import org.miaopi.sync.DeskSync;
import org.miaopi.sync.SyncReport;
import org.miaopi.sync.SyncStatus;
import org.miaopi.sync.ui.BackgroundSync;
import org.miaopi.sync.ui.SettleArrivals;

/**
 * Dossiers that arrive from the hub while the workbench is open go through 秒批 without anyone
 * asking: before, they stayed RECEIVED ("can be decided once pre-checked") until someone closed
 * the workbench and ran ./miaopi auto-approve.
 */
class ArrivalsTest {

	@Test
	void theDossiersAPullBroughtAreSettledAndTheQueueIsTold(@TempDir Path dir) throws Exception {
		try (OpenStore store = DeskFixture.service(StoreFactory.class).open(dir.resolve("store"), false)) {
			new DemoGenerator().fill(store, new DemoGenerator.Options(40, 4, LocalDate.now(), false, true), p -> {
			});
			int received = store.received(Officer.SYSTEM, 1000, null).size();
			assertEquals(40, received);
			AtomicInteger told = new AtomicInteger(-1);
			SettleArrivals job = new SettleArrivals(new Engine(store, DeskFixture.service(MatterRegistry.class), new Evaluator()), told::set);
			job.schedule();
			job.join();
			assertEquals(received, told.get(), "the queue hears how many went through");
			assertTrue(store.received(Officer.SYSTEM, 1000, null).isEmpty(), "none is left RECEIVED");

			// nothing new: the queue is not told again
			told.set(-1);
			job.schedule();
			job.join();
			assertEquals(-1, told.get());
		}
	}

	@Test
	void autoApprovalRunsAfterARoundThatReachedTheHubNotWhileItIsAway() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		Job arrivals = new Job("arrivals") {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				runs.incrementAndGet();
				return Status.OK_STATUS;
			}
		};
		Hub hub = new Hub();
		BackgroundSync sync = new BackgroundSync(hub, arrivals);
		try {
			hub.reached = false;
			sync.schedule();
			waitForRounds(sync, hub, 1);
			arrivals.join();
			assertEquals(0, runs.get(), "offline: nothing arrived");
			hub.reached = true;
			sync.now();
			waitForRounds(sync, hub, 2);
			arrivals.join();
			assertEquals(1, runs.get());
		} finally {
			sync.stop();
		}
	}

	/** Until the job ran its n-th round and went back to sleep till the next one. */
	private static void waitForRounds(BackgroundSync sync, Hub hub, int n) throws InterruptedException {
		for (int i = 0; i < 1000 && (hub.rounds.get() < n || sync.getState() != Job.SLEEPING); i++) {
			Thread.sleep(10);
		}
		assertEquals(n, hub.rounds.get());
		assertEquals(Job.SLEEPING, sync.getState());
	}

	/** A hub that is reached or not, and counts the rounds. */
	private static final class Hub implements DeskSync {
		volatile boolean reached;
		final AtomicInteger rounds = new AtomicInteger();

		@Override
		public SyncReport syncNow(int attempts) {
			rounds.incrementAndGet();
			return new SyncReport(reached, 1, 0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0, 0, null, reached ? null : "away", Duration.ZERO);
		}

		@Override
		public SyncStatus status() {
			return new SyncStatus(true, reached, null, null, 0, null, false);
		}

		@Override
		public Duration nextDelay() {
			return Duration.ofHours(1);
		}

		@Override
		public void addListener(Consumer<SyncStatus> listener) {
		}

		@Override
		public void removeListener(Consumer<SyncStatus> listener) {
		}
	}
}
