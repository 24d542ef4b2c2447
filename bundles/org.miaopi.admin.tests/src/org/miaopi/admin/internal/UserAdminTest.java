package org.miaopi.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.miaopi.admin.UserAdmin;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.audit.OfficerKeys;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.OneTimePasswords;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.UserAccount;
import org.miaopi.core.service.UserAccounts;

/** What the admin service adds to the store's accounts: checked ids and roles, one-time passwords. */
class UserAdminTest {

	static final Officer ADMIN = new Officer("admin", "管理员", "MKT", EnumSet.of(Role.ADMIN));

	/** Records what reached the store. */
	static final class Accounts implements UserAccounts {
		final List<Officer> created = new ArrayList<>();
		final List<String> passwords = new ArrayList<>();

		final List<UserAccount> existing = new ArrayList<>();

		@Override
		public List<UserAccount> accounts(Officer admin) {
			return existing;
		}

		@Override
		public void create(Officer admin, Officer user, char[] oneTimePassword) {
			created.add(user);
			passwords.add(new String(oneTimePassword));
		}

		@Override
		public boolean change(Officer admin, String userId, String departmentCode, Set<Role> roles) {
			return true;
		}

		@Override
		public boolean lock(Officer admin, String userId, String reason) {
			return true;
		}

		@Override
		public boolean unlock(Officer admin, String userId) {
			return true;
		}

		@Override
		public void resetPassword(Officer admin, String userId, char[] oneTimePassword) {
			passwords.add(new String(oneTimePassword));
		}
	}

	final Accounts accounts = new Accounts();
	final UserAdminComponent users = new UserAdminComponent(accounts, null);

	@Test
	void aNewUserGetsAFreshOneTimePasswordThatReachesTheStoreOnly() {
		String first = users.create(ADMIN, " sun.li ", " 孙丽 ", "MKT", Role.OFFICER);
		String second = users.resetPassword(ADMIN, "sun.li");
		assertEquals(List.of(new Officer("sun.li", "孙丽", "MKT", EnumSet.of(Role.OFFICER))), accounts.created);
		assertEquals(List.of(first, second), accounts.passwords);
		assertNotEquals(first, second);
		for (String p : accounts.passwords) {
			assertEquals(OneTimePasswords.LENGTH, p.length());
			assertTrue(p.chars().noneMatch(c -> "0O1lI".indexOf(c) >= 0), "look-alike characters in " + p);
			assertTrue(p.length() >= UserAccounts.MIN_PASSWORD_LENGTH);
		}
	}

	@Test
	void badIdsNamesAndRolesAreRefusedBeforeTheStore() {
		assertThrows(IllegalArgumentException.class, () -> users.create(ADMIN, "Sun Li", "孙丽", "MKT", Role.OFFICER));
		assertThrows(IllegalArgumentException.class, () -> users.create(ADMIN, "", "孙丽", "MKT", Role.OFFICER));
		assertThrows(IllegalArgumentException.class, () -> users.create(ADMIN, "sun.li", " ", "MKT", Role.OFFICER));
		assertThrows(IllegalArgumentException.class, () -> users.create(ADMIN, "sun.li", "孙丽", "MKT", Role.SYSTEM));
		assertThrows(IllegalArgumentException.class, () -> users.change(ADMIN, "sun.li", "MKT", Role.SYSTEM));
		assertEquals(List.of(), accounts.created);
	}

	/** Keys that only note which officer's key moved where. */
	static final class Keys implements OfficerKeys {
		final List<String> moved = new ArrayList<>();

		@Override
		public Optional<DecisionSigner> unlock(Officer officer, char[] password) {
			return Optional.empty();
		}

		@Override
		public void issue(Officer officer, char[] password) {
		}

		@Override
		public String useToken(Officer officer, Path module, long slot, char[] pin) {
			moved.add(officer.id() + "@" + module + "#" + slot);
			return "1f";
		}
	}

	@Test
	void onlyAnAdminPutsAKnownOfficersKeyOnATokenAndTheLedgerSaysSo() {
		Officer liNa = new Officer("li.na", "李娜", "PSB", EnumSet.of(Role.OFFICER));
		accounts.existing.add(new UserAccount(liNa, false, null, null, 0, false));
		Keys keys = new Keys();
		List<String> ledger = new ArrayList<>();
		UserAdminComponent admin = new UserAdminComponent(accounts, null, keys,
				(actor, type, details) -> ledger.add(actor.id() + " " + type + " " + details));
		Path module = Path.of("/usr/lib/softhsm/libsofthsm2.so");

		assertThrows(AccessDeniedException.class, () -> admin.moveKeyToToken(liNa, "li.na", module, 7, "1234".toCharArray()),
				"an officer cannot move keys, not even her own");
		assertThrows(IllegalArgumentException.class, () -> admin.moveKeyToToken(ADMIN, "nobody", module, 7, "1234".toCharArray()));
		assertEquals(List.of(), keys.moved);
		assertEquals(List.of(), ledger);

		assertEquals("1f", admin.moveKeyToToken(ADMIN, "li.na", module, 7, "1234".toCharArray()));
		assertEquals(List.of("li.na@" + module + "#7"), keys.moved);
		assertEquals(1, ledger.size());
		assertTrue(ledger.get(0).startsWith("admin " + UserAdmin.KEY_ON_TOKEN), ledger.get(0));
		assertTrue(ledger.get(0).contains("officer=li.na") && ledger.get(0).contains("serial=1f"), ledger.get(0));
		assertTrue(!ledger.get(0).contains("1234"), "the PIN is never recorded");
	}
}
