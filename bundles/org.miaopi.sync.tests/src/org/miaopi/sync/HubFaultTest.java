package org.miaopi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.sync.internal.Backoff;
import org.miaopi.sync.internal.HubRefused;
import org.miaopi.sync.internal.Push;
import org.miaopi.sync.internal.SyncRound;

/**
 * The hub fails while a desk works (issue 15, "Failure and bad input"): killed at random points
 * while the desk pushes, away while the officer decides, restored from an earlier backup. Each
 * test ends with {@link FaultDesk#assertExactlyOnce}: every outbox row at the hub once, none
 * missing, none twice, the chain the desk's.
 */
class HubFaultTest {

	/** Kill points; each one at a random moment (seeded) while the desk pushes. */
	static final int KILLS = 24;

	private FaultHub hub;
	private FaultDesk desk;
	private DeskIdentity id;

	@BeforeEach
	void start() throws Exception {
		hub = new FaultHub();
		desk = new FaultDesk(hub.dir);
		id = hub.enrol("psb-desk-1", FaultDesk.DEPT); //$NON-NLS-1$
	}

	@AfterEach
	void stop() throws Exception {
		desk.close();
		hub.close();
	}

	@Test
	void theHubKilledAtRandomPointsWhileTheDeskPushesEndsWithEveryRowOnce() throws Exception {
		Random random = new Random(20261203L);
		List<String> dossiers = desk.inReview(240);
		Wire wire = new Wire(HubAndDesk.transport(id));
		AtomicBoolean officerDone = new AtomicBoolean();
		AtomicInteger rounds = new AtomicInteger();
		AtomicInteger cutOff = new AtomicInteger();
		List<String> problems = Collections.synchronizedList(new ArrayList<>());
		Thread pusher = new Thread(() -> {
			while (true) {
				boolean last = officerDone.get();
				rounds.incrementAndGet();
				try {
					Push.Result r = new Push(wire, desk.store, id.desk(), 5).run();
					if (last && r.waiting() == 0 && r.highWater() == desk.store.head()) {
						return;
					}
				} catch (IOException hubDown) {
					cutOff.incrementAndGet();
					pause();
				} catch (HubRefused | RuntimeException e) {
					problems.add(e.toString());
					pause();
				} catch (InterruptedException e) {
					return;
				}
			}
		}, "desk-pusher"); //$NON-NLS-1$
		pusher.start();
		int decided = 0;
		int inFlight = 0;
		for (int kill = 0; kill < KILLS; kill++) {
			for (int n = 4 + random.nextInt(8); n > 0 && decided < dossiers.size(); n--) {
				desk.approve(dossiers.get(decided++));
			}
			Thread.sleep(random.nextInt(30)); // the kill point: somewhere in the push of these decisions
			inFlight += wire.inFlight() > 0 ? 1 : 0;
			hub.killAndRestart();
		}
		while (decided < dossiers.size()) {
			desk.approve(dossiers.get(decided++));
		}
		officerDone.set(true);
		pusher.join(120_000);
		assertFalse(pusher.isAlive(), "the desk got everything to the hub after the last restart"); //$NON-NLS-1$
		assertEquals(List.of(), problems, "the hub refused nothing: a kill only ever looks like an unreachable hub"); //$NON-NLS-1$
		assertEquals(KILLS, hub.kills);
		long rows = desk.assertExactlyOnce(hub.store(), id.desk());
		assertEquals(240 + 240, rows, "240 dossiers taken in and 240 decisions"); //$NON-NLS-1$
		System.out.printf("hub fault test: %d kills (%d with a request in flight), %d push rounds (%d cut off), %d rows checked at the hub: lost 0, doubled 0%n", //$NON-NLS-1$
				hub.kills, inFlight, rounds.get(), cutOff.get(), rows);
	}

	@Test
	void aThousandDecisionsMadeWhileTheHubIsAwayReachItOnceInTheOrderMade() throws Exception {
		List<String> dossiers = desk.inReview(1000);
		SyncRound round = new SyncRound(HubAndDesk.transport(id), null, null, null, desk.store, id.desk(), null, Backoff.DEFAULT, d -> {
		});
		SyncReport before = round.run(1);
		assertNull(before.problem());
		long taken = desk.store.head();
		assertEquals(taken, before.highWater());

		hub.down();
		for (String no : dossiers) {
			desk.approve(no);
		}
		SyncReport away = round.run(3);
		assertFalse(away.reached());
		assertEquals(1000, away.waiting(), "the thousand decisions wait"); //$NON-NLS-1$
		assertEquals(taken, hub.store().desks().highWater(id.desk()));

		hub.up();
		SyncReport back = round.run(1);
		assertNull(back.problem());
		assertTrue(back.reached());
		assertEquals(1000, back.pushed());
		assertEquals(0, back.waiting());
		assertEquals(2000, desk.assertExactlyOnce(hub.store(), id.desk()));
		List<String> order = hub.store().pushes().events(id.desk()).stream().filter(e -> e.kind().equals("dossier.approved")) //$NON-NLS-1$
				.map(e -> e.dossierNo()).toList();
		assertEquals(dossiers, order, "the hub holds the decisions in the order the officer made them"); //$NON-NLS-1$
	}

	@Test
	void aHubRestoredFromAnEarlierBackupGetsWhatItLostFromTheDesk() throws Exception {
		List<String> dossiers = desk.inReview(40);
		Push.Result first = push();
		Path backup = hub.backup();
		long atBackup = first.highWater();
		dossiers.subList(0, 30).forEach(desk::approve);
		Push.Result second = push();
		assertEquals(desk.store.head(), second.highWater());

		hub.restore(backup);
		assertEquals(atBackup, hub.store().desks().highWater(id.desk()), "the restored hub is behind the desk"); //$NON-NLS-1$
		Push.Result again = push();
		assertEquals(desk.store.head() - atBackup, again.sent(), "the desk sends again what the hub lost"); //$NON-NLS-1$
		dossiers.subList(30, 40).forEach(desk::approve);
		push();
		assertEquals(80, desk.assertExactlyOnce(hub.store(), id.desk()));
	}

	private Push.Result push() throws Exception {
		return new Push(HubAndDesk.transport(id), desk.store, id.desk(), 7).run();
	}

	private static void pause() {
		try {
			Thread.sleep(20); // the hub restarting: not a busy loop beside it
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
