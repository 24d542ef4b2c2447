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
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.ui.Messages;

/** Choose who you are and give your password; the core checks it and records the attempt in the audit ledger. */
public final class SignInDialog extends TitleAreaDialog {

	private final SignInService signIns;
	private final List<Officer> officers;
	private final java.util.Map<String, org.miaopi.core.model.Department> departments = new java.util.HashMap<>();
	private Combo who;
	private Text password;
	private Officer signedIn;
	private final OfficerKeys keys;
	private DecisionSigner signer;

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
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.SignIn_ok, true);
		createButton(parent, IDialogConstants.CANCEL_ID, Messages.SignIn_later, false);
	}

	@Override
	protected void okPressed() {
		int i = who.getSelectionIndex();
		if (i < 0) {
			setErrorMessage(Messages.SignIn_chooseUser);
			return;
		}
		Officer o = officers.get(i);
		char[] typed = password.getTextChars();
		java.util.Optional<Officer> checked;
		try {
			checked = signIns.signIn(o.id(), typed);
			signer = checked.isPresent() && keys != null ? SigningKey.unlock(keys, o, typed) : null;
		} catch (RuntimeException e) {
			setErrorMessage(NLS.bind(Messages.SignIn_storeFailed, e.getMessage()));
			return;
		} finally {
			java.util.Arrays.fill(typed, '\0');
		}
		if (checked.isEmpty()) {
			setErrorMessage(Messages.SignIn_wrong);
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
