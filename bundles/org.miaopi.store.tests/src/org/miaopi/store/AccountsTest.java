package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.SignInResult;
import org.miaopi.core.service.SignInResult.Outcome;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.UserAccount;
import org.miaopi.core.service.UserAccounts;

/** Users managed by the admin, enforced by the store; sign-in locks after failed attempts and one-time passwords. */
class AccountsTest extends SeededStoreTest {

	private static final Officer NEW = new Officer("sun.li", "孙丽", "PSB", EnumSet.of(Role.OFFICER));
	private static final String ONE_TIME = "first-time-7x";
	private static final String OWN = "my own password 9";

	Instant now = Instant.parse("2026-12-03T08:00:00Z");
	UserAccounts accounts;
	SignInService sessions;

	@BeforeEach
	void clock() {
		setClock(now);
		accounts = store.accounts();
		sessions = store.sessions();
	}

	private void setClock(Instant t) {
		now = t;
		store.clock = Clock.fixed(t, ZoneOffset.UTC);
	}

	private UserAccount account(String id) {
		return accounts.accounts(Fixtures.ADMIN).stream().filter(a -> a.officer().id().equals(id)).findFirst().orElseThrow();
	}

	private List<AuditEvent> eventsSince(int before) {
		List<AuditEvent> all = store.ledger();
		return all.subList(before, all.size());
	}

	@Test
	void theAdminCreatesAnOfficerWhoMustChangeTheOneTimePasswordAtTheFirstSignIn() {
		int before = store.ledger().size();
		accounts.create(Fixtures.ADMIN, NEW, ONE_TIME.toCharArray());
		assertTrue(account(NEW.id()).mustChangePassword());
		assertEquals(NEW, account(NEW.id()).officer());

		SignInResult first = sessions.attempt(NEW.id(), ONE_TIME.toCharArray());
		assertEquals(Outcome.MUST_CHANGE_PASSWORD, first.outcome());
		assertTrue(sessions.signIn(NEW.id(), ONE_TIME.toCharArray()).isEmpty(), "a one-time password alone never signs in");
		assertThrows(IllegalArgumentException.class, () -> sessions.changePassword(NEW.id(), ONE_TIME.toCharArray(), "short".toCharArray()));
		assertThrows(IllegalArgumentException.class,
				() -> sessions.changePassword(NEW.id(), ONE_TIME.toCharArray(), ONE_TIME.toCharArray()));
		assertEquals(Outcome.REFUSED, sessions.changePassword(NEW.id(), "not-the-one-time".toCharArray(), OWN.toCharArray()).outcome());

		assertEquals(Outcome.SIGNED_IN, sessions.changePassword(NEW.id(), ONE_TIME.toCharArray(), OWN.toCharArray()).outcome());
		assertFalse(account(NEW.id()).mustChangePassword());
		assertEquals(Outcome.REFUSED, sessions.attempt(NEW.id(), ONE_TIME.toCharArray()).outcome(), "the one-time password is gone");
		assertEquals(Outcome.SIGNED_IN, sessions.attempt(NEW.id(), OWN.toCharArray()).outcome());
		assertThrows(IllegalArgumentException.class, () -> sessions.changePassword(NEW.id(), OWN.toCharArray(), "another one 8".toCharArray()),
				"changing a password that is not one-time goes through no back door");

		List<String> types = eventsSince(before).stream().map(AuditEvent::type).toList();
		assertEquals(List.of(UserAccounts.CREATED, SignInService.SIGN_IN_FAILED, UserAccounts.PASSWORD_CHANGED, SignInService.SIGNED_IN,
				SignInService.SIGN_IN_FAILED, SignInService.SIGNED_IN), types);
		AuditEvent created = eventsSince(before).get(0);
		assertEquals(Fixtures.ADMIN.id(), created.actor());
		assertEquals(Map.of("user", NEW.id(), "department", "PSB", "roles", "OFFICER"), created.details());
		for (AuditEvent e : eventsSince(before)) {
			assertFalse(e.details().toString().contains(ONE_TIME) || e.details().toString().contains(OWN), "a password in the ledger");
		}
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(store.ledger()));
	}

	@Test
	void onlyTheAdminRoleManagesUsers() {
		accounts.create(Fixtures.ADMIN, NEW, ONE_TIME.toCharArray());
		int before = store.ledger().size();
		for (Officer wrong : List.of(Fixtures.OFFICER, Fixtures.SUPERVISOR, Officer.SYSTEM)) {
			AccessDeniedException e = assertThrows(AccessDeniedException.class,
					() -> accounts.create(wrong, new Officer("x.y", "某", "PSB", EnumSet.of(Role.OFFICER)), ONE_TIME.toCharArray()));
			assertEquals(AccessDeniedException.Rule.NO_ROLE, e.rule());
			assertThrows(AccessDeniedException.class, () -> accounts.lock(wrong, NEW.id(), "why"));
			assertThrows(AccessDeniedException.class, () -> accounts.unlock(wrong, NEW.id()));
			assertThrows(AccessDeniedException.class, () -> accounts.resetPassword(wrong, NEW.id(), ONE_TIME.toCharArray()));
			assertThrows(AccessDeniedException.class, () -> accounts.change(wrong, NEW.id(), "MSB", EnumSet.of(Role.SUPERVISOR)));
			assertThrows(AccessDeniedException.class, () -> accounts.accounts(wrong));
		}
		assertEquals(before, store.ledger().size(), "a refused change records nothing");
		assertEquals(NEW, account(NEW.id()).officer());
	}

	@Test
	void theAdminLocksUnlocksResetsAndMovesAUserEachAnAuditEvent() {
		accounts.create(Fixtures.ADMIN, NEW, ONE_TIME.toCharArray());
		sessions.changePassword(NEW.id(), ONE_TIME.toCharArray(), OWN.toCharArray());
		int before = store.ledger().size();

		assertTrue(accounts.lock(Fixtures.ADMIN, NEW.id(), "left the department"));
		assertFalse(accounts.lock(Fixtures.ADMIN, NEW.id(), "again"), "a second click records nothing");
		assertEquals(Outcome.LOCKED_BY_ADMIN, sessions.attempt(NEW.id(), OWN.toCharArray()).outcome());
		assertTrue(account(NEW.id()).locked());
		assertEquals("left the department", account(NEW.id()).lockReason());
		assertTrue(accounts.unlock(Fixtures.ADMIN, NEW.id()));
		assertFalse(accounts.unlock(Fixtures.ADMIN, NEW.id()));
		assertEquals(Outcome.SIGNED_IN, sessions.attempt(NEW.id(), OWN.toCharArray()).outcome());

		accounts.resetPassword(Fixtures.ADMIN, NEW.id(), "reset-once-42".toCharArray());
		assertEquals(Outcome.REFUSED, sessions.attempt(NEW.id(), OWN.toCharArray()).outcome(), "the old password is gone");
		assertEquals(Outcome.MUST_CHANGE_PASSWORD, sessions.attempt(NEW.id(), "reset-once-42".toCharArray()).outcome());

		assertTrue(accounts.change(Fixtures.ADMIN, NEW.id(), "MSB", EnumSet.of(Role.SUPERVISOR)));
		assertFalse(accounts.change(Fixtures.ADMIN, NEW.id(), "MSB", EnumSet.of(Role.SUPERVISOR)));
		assertEquals(new Officer(NEW.id(), NEW.name(), "MSB", EnumSet.of(Role.SUPERVISOR)), account(NEW.id()).officer());
		assertTrue(store.officers().contains(account(NEW.id()).officer()), "the desk's users see the change");

		assertThrows(IllegalArgumentException.class, () -> accounts.change(Fixtures.ADMIN, NEW.id(), "NOPE", EnumSet.of(Role.OFFICER)));
		assertThrows(IllegalArgumentException.class, () -> accounts.change(Fixtures.ADMIN, NEW.id(), "PSB", EnumSet.of(Role.SYSTEM)));
		assertThrows(IllegalArgumentException.class, () -> accounts.lock(Fixtures.ADMIN, Fixtures.ADMIN.id(), "oops"));
		assertThrows(IllegalArgumentException.class, () -> accounts.lock(Fixtures.ADMIN, NEW.id(), " "));
		assertThrows(IllegalArgumentException.class, () -> accounts.create(Fixtures.ADMIN, NEW, ONE_TIME.toCharArray()), "the id is taken");
		assertThrows(IllegalArgumentException.class, () -> accounts.lock(Fixtures.ADMIN, "nobody", "why"));

		List<AuditEvent> events = eventsSince(before).stream()
				.filter(e -> e.type().startsWith("user.")).toList();
		assertEquals(List.of(UserAccounts.LOCKED, UserAccounts.UNLOCKED, UserAccounts.PASSWORD_RESET, UserAccounts.CHANGED),
				events.stream().map(AuditEvent::type).toList());
		events.forEach(e -> assertEquals(Fixtures.ADMIN.id(), e.actor()));
		events.forEach(e -> assertEquals(NEW.id(), e.details().get("user")));
		assertEquals("left the department", events.get(0).details().get("reason"));
		assertEquals("MSB", events.get(3).details().get("department"));
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(store.ledger()));
	}

	@Test
	void theFifthFailureLocksForFifteenMinutesEvenAgainstTheRightPassword() {
		accounts.create(Fixtures.ADMIN, NEW, ONE_TIME.toCharArray());
		sessions.changePassword(NEW.id(), ONE_TIME.toCharArray(), OWN.toCharArray());
		for (int i = 1; i < SignInService.FAILURES_BEFORE_LOCK; i++) {
			assertEquals(Outcome.REFUSED, sessions.attempt(NEW.id(), ("guess " + i).toCharArray()).outcome(), "attempt " + i);
		}
		assertEquals(4, account(NEW.id()).failedAttempts());
		SignInResult fifth = sessions.attempt(NEW.id(), "guess 5".toCharArray());
		assertEquals(Outcome.LOCKED, fifth.outcome(), "the 5th failure locks");
		assertEquals(now.plus(Duration.ofMinutes(15)), fifth.lockedUntil());
		AuditEvent last = store.ledger().get(store.ledger().size() - 1);
		assertEquals(SignInService.SIGN_IN_FAILED, last.type());
		assertEquals(fifth.lockedUntil().toString(), last.details().get("lockedUntil"));

		setClock(now.plus(Duration.ofMinutes(14)));
		SignInResult during = sessions.attempt(NEW.id(), OWN.toCharArray());
		assertEquals(Outcome.LOCKED, during.outcome(), "the right password during the lock");
		assertEquals(fifth.lockedUntil(), during.lockedUntil(), "the refusal says until when");
		assertEquals(fifth.lockedUntil(), account(NEW.id()).lockedUntil());

		setClock(fifth.lockedUntil());
		assertEquals(Outcome.SIGNED_IN, sessions.attempt(NEW.id(), OWN.toCharArray()).outcome(), "the lock has expired");
		assertNull(account(NEW.id()).lockedUntil());
		assertEquals(0, account(NEW.id()).failedAttempts());
		assertEquals(Outcome.REFUSED, sessions.attempt(NEW.id(), "one more".toCharArray()).outcome(),
				"the count starts again after the lock");
	}

	@Test
	void theAdminUnlocksALockAfterFailedAttempts() {
		store.putOfficers(List.of(NEW), Map.of());
		accounts.resetPassword(Fixtures.ADMIN, NEW.id(), ONE_TIME.toCharArray());
		for (int i = 0; i < SignInService.FAILURES_BEFORE_LOCK; i++) {
			sessions.attempt(NEW.id(), "nope".toCharArray());
		}
		assertEquals(Outcome.LOCKED, sessions.attempt(NEW.id(), ONE_TIME.toCharArray()).outcome());
		assertTrue(account(NEW.id()).refusesSignIn(now));
		assertTrue(accounts.unlock(Fixtures.ADMIN, NEW.id()));
		assertEquals(Outcome.MUST_CHANGE_PASSWORD, sessions.attempt(NEW.id(), ONE_TIME.toCharArray()).outcome());
	}

	@Test
	void reloadingTheDemoOfficersKeepsAnAdminsLock() {
		accounts.lock(Fixtures.ADMIN, Fixtures.OFFICER.id(), "on leave");
		store.putOfficers(List.of(Fixtures.OFFICER), Map.of());
		assertTrue(account(Fixtures.OFFICER.id()).locked());
	}

	@Test
	void adminActionsOutsideTheStoreAreRecordedForTheAdminOnly() {
		int before = store.ledger().size();
		assertThrows(AccessDeniedException.class, () -> store.recordAdminAction(Fixtures.OFFICER, "admin.seal-rotated", Map.of()));
		assertThrows(IllegalArgumentException.class, () -> store.recordAdminAction(Fixtures.ADMIN, "dossier.approved", Map.of()));
		assertEquals(before, store.ledger().size());
		store.recordAdminAction(Fixtures.ADMIN, "admin.seal-rotated", Map.of("department", "PSB"));
		AuditEvent e = store.ledger().get(before);
		assertEquals("admin.seal-rotated", e.type());
		assertEquals(Fixtures.ADMIN.id(), e.actor());
	}

	@Test
	void pluginChangesAreRecordedForTheAdminAndTheHeadlessSystemOnly() {
		int before = store.ledger().size();
		assertThrows(AccessDeniedException.class, () -> store.recordAdminAction(Fixtures.OFFICER, "plugin.installed", Map.of()));
		assertThrows(IllegalArgumentException.class, () -> store.recordAdminAction(Fixtures.ADMIN, "plugin.", Map.of()));
		assertThrows(IllegalArgumentException.class, () -> store.recordAdminAction(Officer.SYSTEM, "dossier.approved", Map.of()));
		assertEquals(before, store.ledger().size());
		store.recordAdminAction(Officer.SYSTEM, "plugin.installed", Map.of("plugin", "org.miaopi.matters.sample"));
		store.recordAdminAction(Fixtures.ADMIN, "plugin.rolled-back", Map.of());
		assertEquals(List.of("plugin.installed", "plugin.rolled-back"),
			store.ledger().subList(before, before + 2).stream().map(AuditEvent::type).toList());
		assertEquals(Officer.SYSTEM_ID, store.ledger().get(before).actor());
	}

	@Test
	void aPasswordChangedAtTheDeskGoesToTheHubAsItsVerifierInTheOutboxNeverAsThePassword() throws Exception {
		accounts.create(Fixtures.ADMIN, NEW, ONE_TIME.toCharArray());
		long before = store.head();
		assertEquals(Outcome.SIGNED_IN, sessions.changePassword(NEW.id(), ONE_TIME.toCharArray(), OWN.toCharArray()).outcome());
		List<org.miaopi.core.sync.OutboxEntry> rows = store.after(before, 10).stream()
				.filter(e -> e.kind().equals(UserAccounts.PASSWORD_CHANGED)).toList();
		assertEquals(1, rows.size());
		String payload = rows.get(0).payload();
		String verifier = store.passwordHash(NEW.id()).orElseThrow();
		assertTrue(payload.contains("\"password\":{\"user\":\"sun.li\",\"passwordHash\":\"" + verifier + "\"}"), payload);
		assertFalse(payload.contains(OWN) || payload.contains(ONE_TIME), "the password itself never leaves");
		assertTrue(store.after(0, 1000).stream().filter(e -> !e.kind().equals(UserAccounts.PASSWORD_CHANGED))
				.noneMatch(e -> e.payload().contains("passwordHash")), "no other row carries a verifier");
	}
}
