package org.miaopi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.ThemeApplication;
import org.miaopi.core.sync.PageTaken;
import org.miaopi.core.sync.PulledPage;
import org.miaopi.sync.internal.HubDossiers;
import org.miaopi.sync.internal.HubRefused;
import org.miaopi.sync.internal.HubTransport;
import org.miaopi.sync.internal.Pull;

import com.fasterxml.jackson.databind.JsonNode;

/** Pulling a department's dossiers from a real hub into a real desk store, page by page. */
class PullTest {

	private static final String DEPT = "SZPSB"; //$NON-NLS-1$
	private HubAndDesk env;
	private HubTransport psb;

	@BeforeEach
	void start() throws Exception {
		env = new HubAndDesk(60);
		psb = HubAndDesk.transport(env.enrol("psb-desk-1", DEPT)); //$NON-NLS-1$
	}

	@AfterEach
	void stop() throws Exception {
		env.close();
	}

	private Pull pull(HubTransport hub, int pageSize) {
		return new Pull(hub, env.desk, env.desk, new HubDossiers(env.matters), pageSize);
	}

	@Test
	void aPullStoppedBetweenPagesResumesFromTheLastPageKept() throws Exception {
		int atHub = env.hubCount(DEPT);
		assertTrue(atHub > 10, "enough dossiers for several pages: " + atHub); //$NON-NLS-1$
		AtomicInteger pagesAsked = new AtomicInteger();
		Pull.Result first = pull(psb, 4).run(DEPT, () -> pagesAsked.incrementAndGet() > 2);
		assertEquals(2, first.pages());
		assertEquals(8, first.dossiers());
		assertEquals(8, env.deskDossiers(), "what the stopped pull kept is on the desk"); //$NON-NLS-1$
		long cursor = env.desk.cursor(Pull.feed(DEPT));
		assertEquals(env.hubStore.departmentDossiers(DEPT, 0, 8).items().get(7).id(), cursor, "the cursor is the last kept dossier's id"); //$NON-NLS-1$

		Pull.Result rest = pull(psb, 4).run(DEPT, () -> false);
		assertEquals(atHub - 8, rest.dossiers(), "the second pull starts after the last page kept"); //$NON-NLS-1$
		assertEquals(0, rest.alreadyHeld(), "no page is read twice after a stop between pages"); //$NON-NLS-1$
		assertEquals(atHub, env.deskDossiers());
		assertTrue(rest.leftOut().isEmpty(), rest.leftOut().toString());
		assertEquals(0, env.desk.lacking(hashes()).size(), "every file of every pulled dossier is on the desk"); //$NON-NLS-1$
	}

	@Test
	void aPageReadTwiceChangesNothing() throws Exception {
		JsonNode page = psb.get("/v1/departments/" + DEPT + "/dossiers?after=0&limit=5").json(); //$NON-NLS-1$ //$NON-NLS-2$
		HubDossiers convert = new HubDossiers(env.matters);
		List<Dossier> dossiers = new ArrayList<>();
		List<ThemeApplication> themes = new ArrayList<>();
		for (JsonNode item : page.get("items")) { //$NON-NLS-1$
			Dossier d = convert.dossier(item);
			if (d.isPartOfTheme()) {
				themes.add(convert.theme(item));
			}
			dossiers.add(d);
		}
		long next = page.get("next").asLong(); //$NON-NLS-1$
		PageTaken once = env.desk.takeIn(Pull.feed(DEPT), next, PulledPage.ofDossiers(themes, dossiers), Pull.ACTOR);
		assertEquals(5, once.dossiers());
		long events = env.deskAuditEvents();
		PageTaken twice = env.desk.takeIn(Pull.feed(DEPT), next, PulledPage.ofDossiers(themes, dossiers), Pull.ACTOR);
		assertEquals(new PageTaken(0, 5, 0), twice);
		assertEquals(5, env.deskDossiers());
		assertEquals(events, env.deskAuditEvents(), "no audit event for a dossier already held"); //$NON-NLS-1$
		assertEquals(next, env.desk.cursor(Pull.feed(DEPT)));
		assertTrue(env.desk.verifyLedger(n -> {
		}).isIntact(), "the ledger still verifies"); //$NON-NLS-1$
	}

	@Test
	void aDeskOfAnotherDepartmentIsRefusedAndKeepsNothing() throws Exception {
		HubTransport civil = HubAndDesk.transport(env.enrol("civil-desk-1", "SZMCA")); //$NON-NLS-1$ //$NON-NLS-2$
		HubRefused refused = assertThrows(HubRefused.class, () -> pull(civil, 50).run(DEPT, () -> false));
		assertEquals(403, refused.status());
		assertTrue(refused.getMessage().contains("not of " + DEPT), refused.getMessage()); //$NON-NLS-1$
		assertEquals(0, env.deskDossiers());
		assertEquals(0, env.desk.cursor(Pull.feed(DEPT)));
		HubRefused records = assertThrows(HubRefused.class, () -> pull(civil, 50).records(DEPT, new ArrayList<>()));
		assertEquals(403, records.status(), "nor its applicants' shared records"); //$NON-NLS-1$
	}

	/** The hub's answers to POST /v1/contents changed on the way (a byte flipped, a body cut short). */
	private static HubTransport changingFiles(HubTransport real, java.util.function.UnaryOperator<byte[]> change) {
		return new HubTransport() {
			@Override
			public Reply get(String path) throws java.io.IOException, InterruptedException {
				return real.get(path);
			}

			@Override
			public Reply post(String path, JsonNode body) throws java.io.IOException, InterruptedException {
				Reply r = real.post(path, body);
				return path.equals("/v1/contents") ? new Reply(r.status(), r.contentType(), change.apply(r.body())) : r; //$NON-NLS-1$
			}
		};
	}

	/** Where the {@code n}th file's bytes of a contents answer end (n from 1), and where they start. */
	private static int[] frame(byte[] body, int n) {
		int at = 0;
		for (int i = 1;; i++) {
			int eol = at;
			while (body[eol] != '\n') {
				eol++;
			}
			int size = Integer.parseInt(new String(body, at, eol - at, java.nio.charset.StandardCharsets.US_ASCII).split(" ")[1]); //$NON-NLS-1$
			if (i == n) {
				return new int[] { eol + 1, eol + 1 + size };
			}
			at = eol + 1 + size;
		}
	}

	private long deskFiles() {
		return env.desk.info().counts().get("content"); //$NON-NLS-1$
	}

	@Test
	void aFileWithATamperedByteIsFoundAndNotKept() throws Exception {
		HubTransport tampering = changingFiles(psb, body -> {
			byte[] b = body.clone();
			int[] first = frame(b, 1);
			b[first[1] - 1] ^= 0x01; // the first file's last byte
			return b;
		});
		java.io.IOException e = assertThrows(java.io.IOException.class, () -> pull(tampering, 50).run(DEPT, () -> false));
		assertTrue(e.getMessage().contains("other bytes"), e.getMessage()); //$NON-NLS-1$
		assertEquals(0, deskFiles(), "nothing of the tampered file (nor of the answer after it) is kept"); //$NON-NLS-1$
		assertEquals(0, env.deskDossiers(), "the page waits for its files"); //$NON-NLS-1$
		assertEquals(0, env.desk.cursor(Pull.feed(DEPT)));

		Pull.Result r = pull(psb, 50).run(DEPT, () -> false);
		assertEquals(env.hubCount(DEPT), r.dossiers());
		assertEquals(0, env.desk.lacking(hashes()).size(), "every file, from the hub's true answer"); //$NON-NLS-1$
	}

	@Test
	void anAnswerCutShortKeepsTheWholeFilesOnlyAndThePullResumes() throws Exception {
		HubTransport cutting = changingFiles(psb, body -> {
			int[] second = frame(body, 2);
			return java.util.Arrays.copyOf(body, second[0] + (second[1] - second[0]) / 2); // in the middle of the second file
		});
		java.io.IOException e = assertThrows(java.io.IOException.class, () -> pull(cutting, 50).run(DEPT, () -> false));
		assertTrue(e.getMessage().contains("cut short"), e.getMessage()); //$NON-NLS-1$
		assertEquals(1, deskFiles(), "the first file came whole and checked; the one cut is not kept, in part or whole"); //$NON-NLS-1$
		assertEquals(hashes().stream().distinct().count() - 1, env.desk.lacking(hashes()).size());
		assertEquals(0, env.deskDossiers());

		Pull.Result r = pull(psb, 50).run(DEPT, () -> false);
		assertEquals(env.hubCount(DEPT), r.dossiers(), "the pull resumes: every dossier once"); //$NON-NLS-1$
		assertEquals(0, env.desk.lacking(hashes()).size());
		assertEquals(hashes().stream().distinct().count(), deskFiles(), "each file once, none under a hash of a part"); //$NON-NLS-1$
		assertEquals(hashes().stream().distinct().count() - 1, r.files(), "the second pull asked only for what was lacking"); //$NON-NLS-1$
	}

	private List<org.miaopi.core.content.Sha256> hashes() {
		List<org.miaopi.core.content.Sha256> all = new ArrayList<>();
		for (var d : env.hubStore.departmentDossiers(DEPT, 0, 100_000).items()) {
			for (var m : d.materials()) {
				if (m.sha256() != null) {
					all.add(org.miaopi.core.content.Sha256.parse(m.sha256()));
				}
			}
		}
		return all;
	}
}
