package org.miaopi.admin.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.admin.UserAdmin;
import org.miaopi.core.audit.OfficerKeys;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.AdminLedger;
import org.miaopi.core.service.OneTimePasswords;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.service.UserAccount;
import org.miaopi.core.service.UserAccounts;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link UserAdmin} over the store's {@link UserAccounts}; the store checks the role and writes the audit events. */
@Component(service = UserAdmin.class)
public class UserAdminComponent implements UserAdmin {

	@Reference
	private UserAccounts accounts;
	@Reference
	private StoreAdmin store;
	@Reference
	private OfficerKeys keys;
	@Reference
	private AdminLedger ledger;
	private final OneTimePasswords passwords = new OneTimePasswords(new SecureRandom());

	/** For Declarative Services. */
	public UserAdminComponent() {
	}

	public UserAdminComponent(UserAccounts accounts, StoreAdmin store) {
		this(accounts, store, null, null);
	}

	public UserAdminComponent(UserAccounts accounts, StoreAdmin store, OfficerKeys keys, AdminLedger ledger) {
		this.accounts = accounts;
		this.store = store;
		this.keys = keys;
		this.ledger = ledger;
	}

	@Override
	public List<UserAccount> users(Officer admin) {
		return accounts.accounts(admin);
	}

	@Override
	public List<Department> departments() {
		return store.departments();
	}

	@Override
	public String create(Officer admin, String id, String name, String departmentCode, Role role) {
		String userId = id == null ? "" : id.strip(); //$NON-NLS-1$
		if (!userId.matches("[a-z0-9._-]{1,64}")) { //$NON-NLS-1$
			throw new IllegalArgumentException("a user id is 1 to 64 of a-z, 0-9, '.', '_' and '-': '" + id + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("the user needs a name"); //$NON-NLS-1$
		}
		Officer user = new Officer(userId, name.strip(), departmentCode, EnumSet.of(role(role)));
		String oneTime = passwords.next();
		accounts.create(admin, user, oneTime.toCharArray());
		return oneTime;
	}

	@Override
	public boolean change(Officer admin, String id, String departmentCode, Role role) {
		return accounts.change(admin, id, departmentCode, EnumSet.of(role(role)));
	}

	@Override
	public boolean lock(Officer admin, String id, String reason) {
		return accounts.lock(admin, id, reason);
	}

	@Override
	public boolean unlock(Officer admin, String id) {
		return accounts.unlock(admin, id);
	}

	@Override
	public String resetPassword(Officer admin, String id) {
		String oneTime = passwords.next();
		accounts.resetPassword(admin, id, oneTime.toCharArray());
		return oneTime;
	}

	@Override
	public String moveKeyToToken(Officer admin, String id, Path module, long slot, char[] pin) {
		if (admin == null || !admin.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException(AccessDeniedException.Rule.NO_ROLE,
					(admin == null ? "nobody" : admin.id()) + " cannot move a signing key: only an admin may"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Officer officer = accounts.accounts(admin).stream().map(UserAccount::officer).filter(o -> o.id().equals(id)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("'" + id + "' is no user of this desk")); //$NON-NLS-1$ //$NON-NLS-2$
		String serial = keys.useToken(officer, module, slot, pin);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("officer", officer.id()); //$NON-NLS-1$
		details.put("module", module.toString()); //$NON-NLS-1$
		details.put("slot", Long.toString(slot)); //$NON-NLS-1$
		details.put("serial", serial); //$NON-NLS-1$
		ledger.record(admin, KEY_ON_TOKEN, details);
		return serial;
	}

	private static Role role(Role role) {
		if (role == null || !ROLES.contains(role)) {
			throw new IllegalArgumentException("a user is an officer, a supervisor or an admin, not " + role); //$NON-NLS-1$
		}
		return role;
	}
}
