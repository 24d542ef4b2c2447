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

	@Test
	void anEmptyRoundIsOneRequestAndWhatIsNewAtTheHubStillComes() throws Exception {
		String dept = "SZPSB"; //$NON-NLS-1$
		DeskIdentity id = env.enrol("psb-desk-1", dept); //$NON-NLS-1$
		List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
		org.miaopi.sync.internal.HubTransport real = HubAndDesk.transport(id);
		org.miaopi.sync.internal.HubTransport counting = new org.miaopi.sync.internal.HubTransport() {
			@Override
			public Reply get(String path) throws java.io.IOException, InterruptedException {
				asked.add("GET " + path.replaceAll("\\?.*", "")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				return real.get(path);
			}

			@Override
			public Reply post(String path, com.fasterxml.jackson.databind.JsonNode body) throws java.io.IOException, InterruptedException {
				asked.add("POST " + path); //$NON-NLS-1$
				return real.post(path, body);
			}
		};
		SyncRound round = new SyncRound(counting, env.desk, env.desk, env.matters, env.desk, id.desk(), id.department(), Backoff.DEFAULT,
				d -> {
					throw new AssertionError("the hub is up: no retry"); //$NON-NLS-1$
				}).sources(env.desk);
		assertNull(round.run(1).problem());
		assertTrue(asked.contains("POST /v1/contents"), "files in batches: " + asked); //$NON-NLS-1$
		assertTrue(asked.stream().noneMatch(a -> a.startsWith("GET /v1/contents/")), "no request per file: " + asked); //$NON-NLS-1$
		assertNull(round.run(1).problem(), "the first round's own outbox rows pushed"); //$NON-NLS-1$

		asked.clear();
		SyncReport empty = round.run(1);
		assertNull(empty.problem());
		assertEquals(List.of("GET /v1/me"), asked, "nothing new anywhere: one request tells it"); //$NON-NLS-1$

		// something new in one feed: that feed is asked again, and its news arrive
		env.hubStore.sources().set("EDUCATION", false, "maintenance"); //$NON-NLS-1$ //$NON-NLS-2$
		new org.miaopi.hub.HubUserAdmin(env.hubStore.users()).create("li.na", "李娜", dept, "OFFICER"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		asked.clear();
		SyncReport news = round.run(1);
		assertNull(news.problem());
		// (then the push of what taking them in wrote to the outbox)
		assertEquals(List.of("GET /v1/me", "GET /v1/departments/SZPSB/officers", "GET /v1/sources", "POST /v1/desks/me/batches"), asked); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals(1, news.officers());
		assertEquals(0, news.pulled(), "the dossiers' feed was at its mark"); //$NON-NLS-1$
		assertTrue(env.desk.sources().stream().anyMatch(s -> s.source().name().equals("EDUCATION") && !s.available()), //$NON-NLS-1$
				"the source the hub marked unavailable is unavailable at the desk"); //$NON-NLS-1$
	}
}
