package org.miaopi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.sync.internal.Backoff;
import org.miaopi.sync.internal.SyncRound;

/** A desk enrols at a real hub (mutual TLS), then syncs: its department's dossiers and files arrive once. */
class EndToEndTest {

	private HubAndDesk env;

	@BeforeEach
	void start() throws Exception {
		env = new HubAndDesk(80);
	}

	@AfterEach
	void stop() throws Exception {
		env.close();
	}

	@Test
	void enrolThenSyncPullsTheDepartmentsDossiersAndFilesOnce() throws Exception {
		String dept = "SZAMR"; // the pharmacy theme's members: themes come along //$NON-NLS-1$
		DeskIdentity id = env.enrol("amr-desk-1", dept); //$NON-NLS-1$
		assertEquals(dept, id.department());
		SyncRound round = new SyncRound(HubAndDesk.transport(id), env.desk, env.desk, env.matters, null, id.desk(), id.department(),
				Backoff.DEFAULT, d -> {
					throw new AssertionError("the hub is up: no retry"); //$NON-NLS-1$
				});
		SyncReport first = round.run(3);
		assertNull(first.problem());
		assertTrue(first.reached());
		int atHub = env.hubCount(dept);
		assertTrue(atHub > 0);
		assertEquals(atHub, first.pulled(), first.leftOut().toString());
		assertEquals(List.of(), first.leftOut());
		assertEquals(atHub, env.deskDossiers());
		assertTrue(first.files() > 0);
		int records = env.hubRecords(dept);
		assertTrue(records > 0, "the hub holds records of the department's applicants"); //$NON-NLS-1$
		assertEquals(records, first.records(), "each record of the department's applicants arrives once"); //$NON-NLS-1$
		assertEquals((long) records, env.desk.info().counts().get("shared_record")); //$NON-NLS-1$
		assertTrue(env.desk.verifyLedger(n -> {
		}).isIntact());

		SyncReport second = round.run(3);
		assertEquals(0, second.pulled(), "an empty round pulls nothing"); //$NON-NLS-1$
		assertEquals(0, second.files());
		assertEquals(0, second.records());
		assertEquals(atHub, env.deskDossiers());
	}
}
