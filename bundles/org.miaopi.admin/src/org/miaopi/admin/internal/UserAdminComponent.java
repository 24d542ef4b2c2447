package org.miaopi.admin.internal;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;

import org.miaopi.admin.UserAdmin;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
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
	private final OneTimePasswords passwords = new OneTimePasswords(new SecureRandom());

	/** For Declarative Services. */
	public UserAdminComponent() {
	}

	public UserAdminComponent(UserAccounts accounts, StoreAdmin store) {
		this.accounts = accounts;
		this.store = store;
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

	private static Role role(Role role) {
		if (role == null || !ROLES.contains(role)) {
			throw new IllegalArgumentException("a user is an officer, a supervisor or an admin, not " + role); //$NON-NLS-1$
		}
		return role;
	}
}
