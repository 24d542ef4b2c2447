package org.miaopi.admin.ui;

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
import org.miaopi.admin.UserAdmin;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.ui.api.Texts;

/** A new user (id, name, department, role), or another department and role for an existing one. */
final class UserDialog extends TitleAreaDialog {

	private final List<Department> departments;
	/** The user being changed, or null for a new one. */
	private final Officer existing;
	private Text idText;
	private Text nameText;
	private Combo departmentCombo;
	private Combo roleCombo;
	private String id;
	private String name;
	private String department;
	private Role role;

	UserDialog(Shell parent, List<Department> departments, Officer existing) {
		super(parent);
		this.departments = departments;
		this.existing = existing;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(existing == null ? Messages.Users_newTitle : NLS.bind(Messages.Users_changeTitle, existing.id()));
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(existing == null ? Messages.Users_newTitle : NLS.bind(Messages.Users_changeTitle, existing.id()));
		setMessage(existing == null ? Messages.Users_newMessage : existing.name());
		Composite form = new Composite(area, SWT.NONE);
		form.setLayout(new GridLayout(2, false));
		form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		if (existing == null) {
			new Label(form, SWT.NONE).setText(Messages.Users_fieldId);
			idText = new Text(form, SWT.BORDER);
			idText.setMessage(Messages.Users_idHint);
			idText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			new Label(form, SWT.NONE).setText(Messages.Users_fieldName);
			nameText = new Text(form, SWT.BORDER);
			nameText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		}
		new Label(form, SWT.NONE).setText(Messages.Users_fieldDepartment);
		departmentCombo = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
		for (Department d : departments) {
			departmentCombo.add(Texts.of(d) + "  (" + d.code() + ")"); //$NON-NLS-1$ //$NON-NLS-2$
			if (existing != null && d.code().equals(existing.departmentCode())) {
				departmentCombo.select(departmentCombo.getItemCount() - 1);
			}
		}
		GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false);
		wide.widthHint = 360;
		departmentCombo.setLayoutData(wide);
		new Label(form, SWT.NONE).setText(Messages.Users_fieldRole);
		roleCombo = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
		for (Role r : UserAdmin.ROLES) {
			roleCombo.add(Texts.of(r));
			if (existing != null ? existing.hasRole(r) && roleCombo.getSelectionIndex() < 0 : r == Role.OFFICER) {
				roleCombo.select(roleCombo.getItemCount() - 1);
			}
		}
		if (departmentCombo.getSelectionIndex() < 0 && !departments.isEmpty()) {
			departmentCombo.select(0);
		}
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	@Override
	protected void okPressed() {
		// the service checks the id, name and role and says what is wrong; the dialog only collects
		id = idText == null ? existing.id() : idText.getText().strip();
		name = nameText == null ? existing.name() : nameText.getText().strip();
		int d = departmentCombo.getSelectionIndex();
		department = d < 0 ? null : departments.get(d).code();
		int r = roleCombo.getSelectionIndex();
		role = r < 0 ? null : UserAdmin.ROLES.get(r);
		super.okPressed();
	}

	String id() {
		return id;
	}

	String name() {
		return name;
	}

	String department() {
		return department;
	}

	Role role() {
		return role;
	}
}
