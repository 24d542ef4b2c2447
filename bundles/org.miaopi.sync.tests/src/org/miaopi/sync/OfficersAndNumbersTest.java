package org.miaopi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.certificate.CertificateException;
import org.miaopi.certificate.FileCertificateRegistry;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.SignInResult.Outcome;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.sync.NumberBlocks;
import org.miaopi.hub.HubUserAdmin;
import org.miaopi.hub.store.CertificateNumbers;
import org.miaopi.store.DeskStore;
import org.miaopi.sync.internal.Backoff;
import org.miaopi.sync.internal.Blocks;
import org.miaopi.sync.internal.HubTransport;
import org.miaopi.sync.internal.Officers;
import org.miaopi.sync.internal.Sources;
import org.miaopi.sync.internal.SyncRound;

/**
 * What a desk pulls for its own running from a real hub: its department's users (so officers sign
 * in offline, and a lock at the hub reaches the desk) and blocks of certificate numbers (so desks
 * of one department never issue the same number offline).
 */
class OfficersAndNumbersTest {

	private static final String DEPT = "SZPSB"; //$NON-NLS-1$
	private static final String OTHER = "SZMKT"; //$NON-NLS-1$
	private HubAndDesk env;
	private HubUserAdmin admin;
	private HubTransport psb;

	@BeforeEach
	void start() throws Exception {
		env = new HubAndDesk(0);
		admin = new HubUserAdmin(env.hubStore.users());
		psb = HubAndDesk.transport(env.enrol("psb-desk-1", DEPT)); //$NON-NLS-1$
	}

	@AfterEach
	void stop() throws Exception {
		env.close();
	}

	private SignInService signIn() {
		return ((DeskStore) env.desk).sessions();
	}

	private int pullUsers() throws Exception {
		List<String> leftOut = new ArrayList<>();
		int n = new Officers(psb, env.desk, 50).run(DEPT, leftOut);
		assertTrue(leftOut.isEmpty(), leftOut.toString());
		return n;
	}

	@Test
	void anOfficerCreatedAtTheHubSignsInAtTheDeskAndAHubLockReachesIt() throws Exception {
		String oneTime = admin.create("li.na", "李娜", DEPT, "officer"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(Outcome.REFUSED, signIn().attempt("li.na", oneTime.toCharArray()).outcome(), "unknown before the pull"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(1, pullUsers());
		assertEquals(0, pullUsers(), "a second pull brings nothing new"); //$NON-NLS-1$

		env.server.close(); // the hub is out of reach: signing in needs only what the desk pulled
		assertEquals(Outcome.MUST_CHANGE_PASSWORD, signIn().attempt("li.na", oneTime.toCharArray()).outcome()); //$NON-NLS-1$
		char[] own = "her-own-password-1".toCharArray(); //$NON-NLS-1$
		assertEquals(Outcome.SIGNED_IN, signIn().changePassword("li.na", oneTime.toCharArray(), own).outcome()); //$NON-NLS-1$
		assertEquals(DEPT, signIn().signIn("li.na", own).orElseThrow().departmentCode()); //$NON-NLS-1$
	}

	@Test
	void aLockOrRemovalAtTheHubLocksTheDeskAccountAndAnUnlockKeepsThePasswordChangedAtTheDesk() throws Exception {
		String oneTime = admin.create("li.na", "李娜", DEPT, "OFFICER"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		pullUsers();
		char[] own = "her-own-password-1".toCharArray(); //$NON-NLS-1$
		signIn().changePassword("li.na", oneTime.toCharArray(), own); //$NON-NLS-1$

		assertTrue(admin.lock("li.na", "moved to another post")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(Outcome.SIGNED_IN, signIn().attempt("li.na", own).outcome(), "the desk learns of the lock at its next pull"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(1, pullUsers());
		assertEquals(Outcome.LOCKED_BY_ADMIN, signIn().attempt("li.na", own).outcome()); //$NON-NLS-1$

		assertTrue(admin.unlock("li.na")); //$NON-NLS-1$
		pullUsers();
		assertEquals(Outcome.SIGNED_IN, signIn().attempt("li.na", own).outcome(), //$NON-NLS-1$
				"unlocked, with the password she chose here (the hub did not reset it)"); //$NON-NLS-1$

		String reset = admin.resetPassword("li.na"); //$NON-NLS-1$
		pullUsers();
		assertEquals(Outcome.REFUSED, signIn().attempt("li.na", own).outcome(), "a reset at the hub replaces the desk's password"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(Outcome.MUST_CHANGE_PASSWORD, signIn().attempt("li.na", reset.toCharArray()).outcome()); //$NON-NLS-1$

		assertTrue(admin.remove("li.na")); //$NON-NLS-1$
		pullUsers();
		assertEquals(Outcome.LOCKED_BY_ADMIN, signIn().attempt("li.na", reset.toCharArray()).outcome(), "removed at the hub: locked here"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void aSyncRoundBringsTheUsersAndABlockAndTheLedgerStillVerifies() throws Exception {
		admin.create("li.na", "李娜", DEPT, "OFFICER"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		FileCertificateRegistry numbers = new FileCertificateRegistry(env.dir.resolve("desk-certificates"), Clock.systemUTC()); //$NON-NLS-1$
		DeskIdentity id = env.enrol("psb-desk-2", DEPT); //$NON-NLS-1$
		SyncRound round = new SyncRound(HubAndDesk.transport(id), env.desk, env.desk, env.matters, null, id.desk(), DEPT, Backoff.DEFAULT, d -> {
			throw new AssertionError("the hub is up: no retry"); //$NON-NLS-1$
		}).numbers(numbers);
		SyncReport first = round.run(1);
		assertEquals(null, first.problem());
		assertEquals(1, first.officers());
		assertEquals(CertificateNumbers.BLOCK, first.numbersLeft());
		SyncReport second = round.run(1);
		assertEquals(0, second.officers(), "an empty round changes no user"); //$NON-NLS-1$
		assertEquals(CertificateNumbers.BLOCK, second.numbersLeft(), "enough numbers: no second block"); //$NON-NLS-1$
		assertTrue(env.desk.verifyLedger(n -> {
		}).isIntact(), "the users' audit events continue the chain"); //$NON-NLS-1$
		numbers.close();
	}

	@Test
	void aSourceMarkedUnavailableAtTheHubIsUnavailableAtTheDeskUntilTheHubSaysOtherwise() throws Exception {
		env.desk.setAvailable(Officer.SYSTEM, SharedSource.SOCIAL_SECURITY, false, "the desk's own note"); //$NON-NLS-1$
		assertTrue(env.hubStore.sources().set(SharedSource.EDUCATION.name(), false, "maintenance until 18:00")); //$NON-NLS-1$
		Sources follow = new Sources(psb, env.desk, env.desk, 50);
		List<String> leftOut = new ArrayList<>();
		assertEquals(1, follow.run(leftOut));
		assertEquals(Set.of(SharedSource.EDUCATION, SharedSource.SOCIAL_SECURITY), env.desk.unavailableSources(),
				"the hub's change, and the desk's own setting of another source kept"); //$NON-NLS-1$
		assertEquals(0, follow.run(leftOut), "nothing changed at the hub: nothing changes here"); //$NON-NLS-1$
		assertTrue(env.hubStore.sources().set(SharedSource.EDUCATION.name(), true, null));
		assertEquals(1, follow.run(leftOut));
		assertEquals(Set.of(SharedSource.SOCIAL_SECURITY), env.desk.unavailableSources());
		assertTrue(leftOut.isEmpty(), leftOut.toString());
	}

	@Test
	void aDeskNeverReceivesAnotherDepartmentsOfficers() throws Exception {
		admin.create("li.na", "李娜", DEPT, "OFFICER"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		String theirs = admin.create("wang.wu", "王五", OTHER, "OFFICER"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		HubTransport.Reply asked = psb.get("/v1/departments/" + OTHER + "/officers?after=0"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(403, asked.status(), "a desk of " + DEPT + " asking for " + OTHER + "'s users: " + asked.reason()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertFalse(new String(asked.body(), java.nio.charset.StandardCharsets.UTF_8).contains("pbkdf2"), "no verifier in the refusal"); //$NON-NLS-1$ //$NON-NLS-2$

		var page = psb.get("/v1/departments/" + DEPT + "/officers?after=0").json(); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(1, page.get("items").size()); //$NON-NLS-1$
		assertEquals("li.na", page.get("items").get(0).get("id").asText()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(1, pullUsers());
		assertEquals(Outcome.REFUSED, signIn().attempt("wang.wu", theirs.toCharArray()).outcome(), //$NON-NLS-1$
				"another department's officer cannot sign in at this desk"); //$NON-NLS-1$
	}

	@Test
	void twoDesksOfOneDepartmentNeverIssueTheSameNumberOffline() throws Exception {
		HubTransport second = HubAndDesk.transport(env.enrol("psb-desk-2", DEPT)); //$NON-NLS-1$
		FileCertificateRegistry a = new FileCertificateRegistry(env.dir.resolve("desk-a-certificates"), Clock.systemUTC()); //$NON-NLS-1$
		FileCertificateRegistry b = new FileCertificateRegistry(env.dir.resolve("desk-b-certificates"), Clock.systemUTC()); //$NON-NLS-1$
		new Blocks(psb, a).run(DEPT);
		new Blocks(second, b).run(DEPT);
		env.server.close(); // both desks offline from here on
		Set<String> issued = new HashSet<>();
		for (int i = 0; i < 300; i++) {
			assertTrue(issued.add(a.allocate(DEPT, 2026)), "desk A drew a number already drawn"); //$NON-NLS-1$
			assertTrue(issued.add(b.allocate(DEPT, 2026)), "desk B drew a number already drawn"); //$NON-NLS-1$
		}
		assertEquals(600, issued.size());
		assertTrue(issued.stream().allMatch(n -> n.startsWith(DEPT + "-2026-H")), "numbers from the hub's blocks"); //$NON-NLS-1$
		assertEquals(CertificateNumbers.BLOCK - 300, a.remaining(DEPT));
		a.close();
		b.close();
		FileCertificateRegistry again = new FileCertificateRegistry(env.dir.resolve("desk-a-certificates"), Clock.systemUTC()); //$NON-NLS-1$
		assertTrue(issued.add(again.allocate(DEPT, 2026)), "after a restart the desk goes on above what it handed out"); //$NON-NLS-1$
		again.close();
	}

	@Test
	void aDeskLowOnNumbersReservesTheNextBlockAndReportsItsVoidNumbers() throws Exception {
		FileCertificateRegistry a = new FileCertificateRegistry(env.dir.resolve("desk-a-certificates"), Clock.systemUTC()); //$NON-NLS-1$
		assertEquals(CertificateNumbers.BLOCK, new Blocks(psb, a).run(DEPT));
		String last = null;
		while (a.remaining(DEPT) >= Blocks.LOW) {
			last = a.allocate(DEPT, 2026);
		}
		a.recordVoid(last, "the sealing failed"); //$NON-NLS-1$
		long left = a.remaining(DEPT);
		assertEquals(left + CertificateNumbers.BLOCK, new Blocks(psb, a).run(DEPT), "a new block when fewer than LOW numbers are left"); //$NON-NLS-1$
		assertEquals(List.of(last), env.hubStore.numbers().voids(DEPT), "the void number is recorded at the hub"); //$NON-NLS-1$
		assertEquals(left + CertificateNumbers.BLOCK, new Blocks(psb, a).run(DEPT), "enough left: no block reserved"); //$NON-NLS-1$
		assertTrue(a.unreportedVoids(DEPT).isEmpty(), "a void number is reported once"); //$NON-NLS-1$
		assertEquals(2, env.hubStore.numbers().blocks("psb-desk-1").size()); //$NON-NLS-1$
		a.close();
	}

	@Test
	void aDeskWithoutBlocksNumbersAloneAndOneWhoseBlocksRanOutIsRefused() throws Exception {
		FileCertificateRegistry alone = new FileCertificateRegistry(env.dir.resolve("alone"), Clock.systemUTC()); //$NON-NLS-1$
		assertEquals(DEPT + "-2026-00000001", alone.allocate(DEPT, 2026), "a desk that never took a block numbers as before"); //$NON-NLS-1$ //$NON-NLS-2$
		alone.close();

		FileCertificateRegistry small = new FileCertificateRegistry(env.dir.resolve("small"), Clock.systemUTC()); //$NON-NLS-1$
		small.add(new NumberBlocks.Block(DEPT, 41, 42));
		assertEquals(DEPT + "-2026-H00000041", small.allocate(DEPT, 2026)); //$NON-NLS-1$
		assertEquals(DEPT + "-2026-H00000042", small.allocate(DEPT, 2026)); //$NON-NLS-1$
		CertificateException none = assertThrows(CertificateException.class, () -> small.allocate(DEPT, 2026));
		assertTrue(none.getMessage().contains("sync with the hub"), none.getMessage()); //$NON-NLS-1$
		small.add(new NumberBlocks.Block(DEPT, 1, 10));
		assertEquals(0, small.remaining(DEPT), "an older block is not taken again"); //$NON-NLS-1$
		assertTrue(small.allocate(OTHER, 2026).startsWith(OTHER + "-2026-0"), "a department without blocks numbers alone"); //$NON-NLS-1$ //$NON-NLS-2$
		small.close();
	}
}
