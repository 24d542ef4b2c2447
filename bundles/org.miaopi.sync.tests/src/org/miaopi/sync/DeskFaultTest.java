package org.miaopi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.service.OpenStore;
import org.miaopi.hub.store.HubDossier;
import org.miaopi.sync.internal.HubDossiers;
import org.miaopi.sync.internal.HubRefused;
import org.miaopi.sync.internal.HubTransport;
import org.miaopi.sync.internal.Pull;
import org.miaopi.sync.internal.Push;

/**
 * The desk fails (issue 15, "Failure and bad input"): killed mid-pull and mid-push, its transaction
 * abandoned as a killed process leaves it ({@link Crash}); and a desk whose store was emptied
 * ({@code ./miaopi demo --force}) under the same enrolment. It resumes; nothing is lost or doubled.
 */
class DeskFaultTest {

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

	private Pull pull(HubTransport t, OpenStore on) {
		return new Pull(t, on, on, new HubDossiers(hub.matters), 2);
	}

	@Test
	void aDeskKilledMidPullResumesWithEveryDossierAndEventOnce() throws Exception {
		hub.demo(80);
		List<HubDossier> atHub = hub.store().departmentDossiers(FaultDesk.DEPT, 0, 100_000).items();
		assertTrue(atHub.size() > 12, "enough dossiers for several pages: " + atHub.size()); //$NON-NLS-1$
		Random random = new Random(15);
		List<Long> kept = new ArrayList<>();
		for (int k = 0; k < 3; k++) {
			Wire wire = new Wire(HubAndDesk.transport(id));
			OpenStore running = desk.store;
			Thread pulling = new Thread(() -> {
				try {
					pull(wire, running).run(FaultDesk.DEPT, () -> wire.cut);
				} catch (Exception killed) {
					// the process is gone: what it did after the kill is in no file the desk reads
				}
			}, "desk-pull"); //$NON-NLS-1$
			long cursor = running.cursor(Pull.feed(FaultDesk.DEPT));
			pulling.start();
			while (pulling.isAlive() && running.cursor(Pull.feed(FaultDesk.DEPT)) == cursor) {
				Thread.sleep(5); // until this run kept a page: the kill falls within the pull, not before it
			}
			Thread.sleep(random.nextInt(60)); // the kill point, within a later page
			desk.kill(wire, pulling);
			kept.add(desk.store.info().counts().get("dossier")); //$NON-NLS-1$
		}
		Pull.Result rest = pull(HubAndDesk.transport(id), desk.store).run(FaultDesk.DEPT, () -> false);
		assertTrue(rest.leftOut().isEmpty(), rest.leftOut().toString());
		assertEquals((long) atHub.size(), desk.store.info().counts().get("dossier"), "every dossier once"); //$NON-NLS-1$

		// the same pull into a desk never killed: the same dossiers, the same number of audit events
		try (FaultDesk clean = new FaultDesk(hub.dir.resolve("clean"))) { //$NON-NLS-1$
			pull(HubAndDesk.transport(id), clean.store).run(FaultDesk.DEPT, () -> false);
			assertEquals(clean.store.info().counts().get("audit_event"), desk.store.info().counts().get("audit_event"), //$NON-NLS-1$ //$NON-NLS-2$
					"no dossier taken in twice, none lost"); //$NON-NLS-1$
			assertEquals(clean.store.head(), desk.store.head(), "one outbox row per event"); //$NON-NLS-1$
		}
		assertEquals(0, desk.store.lacking(hashes(atHub)).size(), "every file of every dossier is on the desk"); //$NON-NLS-1$
		new Push(HubAndDesk.transport(id), desk.store, id.desk(), 50).run();
		long rows = desk.assertExactlyOnce(hub.store(), id.desk());
		assertEquals(3, desk.kills);
		System.out.printf("desk fault test (pull): killed with %s of %d dossiers kept, resumed: %d dossiers, %d rows at the hub, lost 0, doubled 0%n", //$NON-NLS-1$
				kept, atHub.size(), desk.store.info().counts().get("dossier"), rows); //$NON-NLS-1$
	}

	@Test
	void aDeskKilledMidPushResumesAndTheHubHoldsEachRowOnce() throws Exception {
		List<String> dossiers = desk.inReview(90);
		Random random = new Random(16);
		List<String> marks = new ArrayList<>();
		int decided = 0;
		for (int k = 0; k < 3; k++) {
			for (int n = 0; n < 30; n++) {
				desk.approve(dossiers.get(decided++));
			}
			Wire wire = new Wire(HubAndDesk.transport(id));
			OpenStore running = desk.store;
			Thread pushing = new Thread(() -> {
				try {
					new Push(wire, running, id.desk(), 3).run();
				} catch (Exception killed) {
					// as above
				}
			}, "desk-push"); //$NON-NLS-1$
			pushing.start();
			Thread.sleep(random.nextInt(200)); // the kill point
			desk.kill(wire, pushing);
			// what the hub applied, and what the restarted desk knows of it (its last checkpoint)
			marks.add(hub.store().desks().highWater(id.desk()) + "/" //$NON-NLS-1$
					+ desk.store.latestCheckpoint().map(c -> c.sequence()).orElse(0L) + " of " + desk.store.head()); //$NON-NLS-1$
		}
		Push.Result resumed = new Push(HubAndDesk.transport(id), desk.store, id.desk(), 3).run();
		assertEquals(0, resumed.waiting());
		assertEquals(180, desk.assertExactlyOnce(hub.store(), id.desk()));
		assertEquals(3, desk.kills);
		System.out.printf("desk fault test (push): killed at hub mark/desk checkpoint %s, resumed: 180 rows at the hub, lost 0, doubled 0%n", marks); //$NON-NLS-1$
	}

	@Test
	void aStoreEmptiedUnderTheSameEnrolmentIsToldToEnrolAgainAndUnderANewNameReachesTheHub() throws Exception {
		desk.inReview(6).forEach(desk::approve);
		new Push(HubAndDesk.transport(id), desk.store, id.desk(), 50).run();
		long held = hub.store().desks().highWater(id.desk());
		assertEquals(12, held);

		desk.store.clear(); // ./miaopi demo --force: a new ledger
		desk.store.putDepartments(List.of(new org.miaopi.core.model.Department(FaultDesk.DEPT, "公安局", "Public Security"))); //$NON-NLS-1$ //$NON-NLS-2$
		desk.store.putOfficers(List.of(desk.officer), java.util.Map.of());
		desk.inReview(5);
		HubRefused shorter = assertThrows(HubRefused.class, () -> new Push(HubAndDesk.transport(id), desk.store, id.desk(), 50).run());
		assertTrue(shorter.getMessage().contains("Enrol it again under a new desk name"), shorter.getMessage()); //$NON-NLS-1$
		desk.inReview(10);
		HubRefused longer = assertThrows(HubRefused.class, () -> new Push(HubAndDesk.transport(id), desk.store, id.desk(), 50).run());
		assertTrue(longer.getMessage().contains("is not this store's change 12"), longer.getMessage()); //$NON-NLS-1$
		assertEquals(held, hub.store().desks().highWater(id.desk()), "nothing of the new ledger went to the old name"); //$NON-NLS-1$
		assertEquals(held, hub.store().pushes().events(id.desk()).size());

		DeskIdentity again = hub.enrol("psb-desk-2", FaultDesk.DEPT); //$NON-NLS-1$
		Push.Result r = new Push(HubAndDesk.transport(again), desk.store, again.desk(), 50).run();
		assertEquals(desk.store.head(), r.sent());
		desk.assertExactlyOnce(hub.store(), again.desk());
	}

	private static List<Sha256> hashes(List<HubDossier> dossiers) {
		List<Sha256> all = new ArrayList<>();
		for (HubDossier d : dossiers) {
			d.materials().stream().filter(m -> m.sha256() != null).forEach(m -> all.add(Sha256.parse(m.sha256())));
		}
		return all;
	}
}
