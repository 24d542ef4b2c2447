package org.miaopi.admin.ui;

import java.time.Instant;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.miaopi.admin.UserAdmin;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.UserAccount;
import org.miaopi.ui.api.Texts;

/**
 * The desk's users for the admin: create an officer or supervisor (with a one-time password shown
 * once), change department and role, lock, unlock, reset a password. The store enforces the role
 * and writes every change to the audit ledger.
 */
public class UsersPart extends AdminPart {

	public static final String ID = "org.miaopi.admin.ui.part.users"; //$NON-NLS-1$

	@Inject
	@Optional
	private UserAdmin users;

	@Override
	String title() {
		return Messages.Users_title;
	}

	@Override
	String[] columns() {
		return new String[] { Messages.Users_columnId, Messages.Users_columnName, Messages.Users_columnRole,
				Messages.Users_columnState, Messages.Users_columnDepartment };
	}

	@Override
	void addButtons() {
		button(Messages.Users_create, "create", this::create); //$NON-NLS-1$
		button(Messages.Users_change, "change", this::change); //$NON-NLS-1$
		button(Messages.Users_lock, "lock", this::lock); //$NON-NLS-1$
		button(Messages.Users_unlock, "unlock", this::unlock); //$NON-NLS-1$
		button(Messages.Users_reset, "reset", this::reset); //$NON-NLS-1$
	}

	@Override
	void reload(Officer admin) {
		if (users == null) {
			return;
		}
		java.util.Map<String, Department> departments = new java.util.HashMap<>();
		users.departments().forEach(d -> departments.put(d.code(), d));
		Instant now = Instant.now();
		for (UserAccount a : users.users(admin)) {
			Officer u = a.officer();
			Department d = departments.get(u.departmentCode());
			row(a, u.id(), u.name(), Texts.of(u.roles()), state(a, now), d == null ? u.departmentCode() : Texts.of(d));
		}
	}

	static String state(UserAccount a, Instant now) {
		if (a.locked()) {
			return NLS.bind(Messages.Users_lockedByAdmin, a.lockReason() == null ? "" : a.lockReason()); //$NON-NLS-1$
		}
		if (a.lockedUntil() != null && a.lockedUntil().isAfter(now)) {
			return NLS.bind(Messages.Users_lockedUntil, Texts.time(a.lockedUntil()));
		}
		return a.mustChangePassword() ? Messages.Users_mustChange : Messages.Users_active;
	}

	@Override
	String key(Object data) {
		return ((UserAccount) data).officer().id();
	}

	private UserAccount chosen() {
		return (UserAccount) chosen(Messages.Users_chooseFirst);
	}

	private void create() {
		UserDialog dialog = new UserDialog(getTable().getShell(), users.departments(), null);
		if (dialog.open() != Window.OK) {
			return;
		}
		String[] oneTime = new String[1];
		act(() -> {
			oneTime[0] = users.create(admin(), dialog.id(), dialog.name(), dialog.department(), dialog.role());
			return NLS.bind(Messages.Users_created, dialog.id());
		});
		if (oneTime[0] != null) {
			new OneTimePasswordDialog(getTable().getShell(), dialog.id(), oneTime[0]).open();
		}
	}

	private void change() {
		UserAccount a = chosen();
		if (a == null) {
			return;
		}
		UserDialog dialog = new UserDialog(getTable().getShell(), users.departments(), a.officer());
		if (dialog.open() == Window.OK) {
			act(() -> users.change(admin(), a.officer().id(), dialog.department(), dialog.role())
					? NLS.bind(Messages.Users_changed, a.officer().id()) : Messages.Users_unchanged);
		}
	}

	private void lock() {
		UserAccount a = chosen();
		String why = a == null ? null : reason(NLS.bind(Messages.Users_lockPrompt, a.officer().id()), true);
		if (why != null) {
			act(() -> {
				users.lock(admin(), a.officer().id(), why);
				return NLS.bind(Messages.Users_locked, a.officer().id());
			});
		}
	}

	private void unlock() {
		UserAccount a = chosen();
		if (a != null) {
			act(() -> {
				users.unlock(admin(), a.officer().id());
				return NLS.bind(Messages.Users_unlocked, a.officer().id());
			});
		}
	}

	private void reset() {
		UserAccount a = chosen();
		if (a == null || !confirm(NLS.bind(Messages.Users_resetConfirm, a.officer().id()))) {
			return;
		}
		String[] oneTime = new String[1];
		act(() -> {
			oneTime[0] = users.resetPassword(admin(), a.officer().id());
			return Messages.Users_mustChange;
		});
		if (oneTime[0] != null) {
			new OneTimePasswordDialog(getTable().getShell(), a.officer().id(), oneTime[0]).open();
		}
	}
}
