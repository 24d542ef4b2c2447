package org.miaopi.ui.session;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.audit.OfficerKeys;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.SignInResult;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.UserAccounts;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.ui.Messages;

/**
 * Choose who you are and give your password; the core checks it and records the attempt in the audit
 * ledger. A locked account is told as such (until when, or that an admin must unlock it); a
 * one-time password an admin set turns the dialog into "choose your own password".
 */
public final class SignInDialog extends TitleAreaDialog {

	private final SignInService signIns;
	private final List<Officer> officers;
	private final java.util.Map<String, org.miaopi.core.model.Department> departments = new java.util.HashMap<>();
	private Combo who;
	private Text password;
	private Officer signedIn;
	private final OfficerKeys keys;
	private DecisionSigner signer;
	/** Shown once the core answered that the password is a one-time password. */
	private Composite change;
	private Text newPassword;
	private Text repeat;
	/** The one-time password just checked, kept for {@link SignInService#changePassword}; cleared on close. */
	private char[] oneTime;
	private Officer changing;

	/** @param signIns checks the password and records the attempt in the audit ledger */
	public SignInDialog(Shell parent, StoreAdmin store, SignInService signIns) {
		this(parent, store, signIns, null);
	}

	/** @param keys unlocks the officer's signing key with the same password (null: no key is unlocked) */
	public SignInDialog(Shell parent, StoreAdmin store, SignInService signIns, OfficerKeys keys) {
		super(parent);
		this.keys = keys;
		this.signIns = signIns;
		this.officers = store.officers().stream().filter(o -> !o.isSystem()).toList();
		store.departments().forEach(d -> departments.put(d.code(), d));
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.SignIn_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(Messages.SignIn_title);
		setMessage(officers.isEmpty() ? Messages.SignIn_noUsers : Messages.SignIn_message);
		Composite form = new Composite(area, SWT.NONE);
		form.setLayout(new GridLayout(2, false));
		form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		new Label(form, SWT.NONE).setText(Messages.SignIn_user);
		who = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
		for (Officer o : officers) {
			org.miaopi.core.model.Department d = departments.get(o.departmentCode());
			who.add(NLS.bind(Messages.SignIn_userEntry, new Object[] { o.id(), o.name(),
					d == null ? o.departmentCode() : org.miaopi.ui.api.Texts.of(d), org.miaopi.ui.api.Texts.of(o.roles()) }));
		}
		// the user who last signed in on this desk, else nobody: a shared desk must not offer the admin first
		String last = LastUser.get();
		for (int i = 0; i < officers.size(); i++) {
			if (officers.get(i).id().equals(last)) {
				who.select(i);
			}
		}
		who.setVisibleItemCount(Math.min(20, Math.max(1, officers.size())));
		GridData whoData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		whoData.widthHint = 420;
		who.setLayoutData(whoData);
		new Label(form, SWT.NONE).setText(Messages.SignIn_password);
		password = new Text(form, SWT.BORDER | SWT.PASSWORD);
		password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		password.setFocus();
		change = new Composite(form, SWT.NONE);
		change.setLayout(new GridLayout(2, false));
		GridData changeData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		changeData.exclude = true;
		change.setLayoutData(changeData);
		change.setVisible(false);
		new Label(change, SWT.NONE).setText(Messages.SignIn_newPassword);
		newPassword = new Text(change, SWT.BORDER | SWT.PASSWORD);
		newPassword.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		new Label(change, SWT.NONE).setText(Messages.SignIn_repeat);
		repeat = new Text(change, SWT.BORDER | SWT.PASSWORD);
		repeat.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		return area;
	}

	/** The core said the password was a one-time password: ask for the user's own. */
	private void askForNewPassword(Officer o, char[] typed) {
		changing = o;
		oneTime = typed.clone();
		who.setEnabled(false);
		password.setEnabled(false);
		((GridData) change.getLayoutData()).exclude = false;
		change.setVisible(true);
		change.getParent().layout(true, true);
		getShell().pack();
		setErrorMessage(null);
		setMessage(NLS.bind(Messages.SignIn_changeMessage, UserAccounts.MIN_PASSWORD_LENGTH));
		newPassword.setFocus();
	}

	private void changePressed() {
		char[] first = newPassword.getTextChars();
		char[] second = repeat.getTextChars();
		try {
			if (first.length < UserAccounts.MIN_PASSWORD_LENGTH) {
				setErrorMessage(NLS.bind(Messages.SignIn_tooShort, UserAccounts.MIN_PASSWORD_LENGTH));
				return;
			}
			if (!java.util.Arrays.equals(first, second)) {
				setErrorMessage(Messages.SignIn_mismatch);
				return;
			}
			if (java.util.Arrays.equals(first, oneTime)) {
				setErrorMessage(Messages.SignIn_sameAsOneTime);
				return;
			}
			SignInResult r;
			try {
				r = signIns.changePassword(changing.id(), oneTime, first);
				if (r.signedIn() && keys != null && changing.hasRole(org.miaopi.core.model.Role.OFFICER)) {
					// the old key was protected by a password nobody knows any more: a new key for the new password
					keys.issue(changing, first);
					signer = SigningKey.unlock(keys, changing, first);
				}
			} catch (RuntimeException e) {
				setErrorMessage(NLS.bind(Messages.SignIn_storeFailed, e.getMessage()));
				return;
			}
			if (!r.signedIn()) {
				setErrorMessage(refusal(r));
				return;
			}
			signedIn = changing;
			LastUser.set(changing.id());
			super.okPressed();
		} finally {
			java.util.Arrays.fill(first, '\0');
			java.util.Arrays.fill(second, '\0');
		}
	}

	/** Why a sign-in was refused, in the user's words; never which names exist. */
	static String refusal(SignInResult r) {
		return switch (r.outcome()) {
		case LOCKED -> NLS.bind(Messages.SignIn_lockedUntil, UNTIL.format(r.lockedUntil()));
		case LOCKED_BY_ADMIN -> Messages.SignIn_lockedByAdmin;
		default -> Messages.SignIn_wrong;
		};
	}

	private static final java.time.format.DateTimeFormatter UNTIL = java.time.format.DateTimeFormatter
			.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.systemDefault()); //$NON-NLS-1$

	@Override
	public boolean close() {
		if (oneTime != null) {
			java.util.Arrays.fill(oneTime, '\0');
			oneTime = null;
		}
		return super.close();
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.SignIn_ok, true);
		createButton(parent, IDialogConstants.CANCEL_ID, Messages.SignIn_later, false);
	}

	@Override
	protected void okPressed() {
		if (changing != null) {
			changePressed();
			return;
		}
		int i = who.getSelectionIndex();
		if (i < 0) {
			setErrorMessage(Messages.SignIn_chooseUser);
			return;
		}
		Officer o = officers.get(i);
		char[] typed = password.getTextChars();
		SignInResult checked;
		try {
			checked = signIns.attempt(o.id(), typed);
			if (checked.outcome() == SignInResult.Outcome.MUST_CHANGE_PASSWORD) {
				askForNewPassword(o, typed);
				return;
			}
			signer = checked.signedIn() && keys != null ? SigningKey.unlock(keys, o, typed) : null;
		} catch (RuntimeException e) {
			setErrorMessage(NLS.bind(Messages.SignIn_storeFailed, e.getMessage()));
			return;
		} finally {
			java.util.Arrays.fill(typed, '\0');
		}
		if (!checked.signedIn()) {
			setErrorMessage(refusal(checked));
			password.selectAll();
			password.setFocus();
			return;
		}
		signedIn = o;
		LastUser.set(o.id());
		super.okPressed();
	}

	/** The officer's unlocked signing key, or null (cancelled, a supervisor, or a key the password does not open). */
	public DecisionSigner signer() {
		return signer;
	}

	/** The officer who signed in, or null if the dialog was cancelled. */
	public Officer signedIn() {
		return signedIn;
	}
}
