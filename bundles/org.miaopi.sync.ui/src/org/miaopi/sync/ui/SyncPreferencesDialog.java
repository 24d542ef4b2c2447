package org.miaopi.sync.ui;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.miaopi.core.MiaopiHome;
import org.miaopi.sync.DeskIdentity;
import org.miaopi.sync.SyncSettings;

/**
 * The hub's address and the sync interval (kept with the desk's identity in
 * {@code $MIAOPI_HOME/desk/hub.properties}, as {@code ./miaopi sync --hub --interval} does), and the
 * desk's identity, read only: it comes from enrolment.
 */
public class SyncPreferencesDialog extends Dialog {

	private final Path dir = DeskIdentity.directory(MiaopiHome.current());
	private Text hub;
	private Spinner minutes;
	private Label error;

	public SyncPreferencesDialog(Shell parent) {
		super(parent);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Prefs_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(2, false));
		Label intro = new Label(area, SWT.WRAP);
		intro.setText(Messages.Prefs_intro);
		GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		wide.widthHint = 520;
		intro.setLayoutData(wide);
		if (!DeskIdentity.exists(dir)) {
			Label not = new Label(area, SWT.WRAP);
			not.setText(Messages.Prefs_notEnrolled);
			not.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
			return area;
		}
		try {
			SyncSettings settings = SyncSettings.read(dir);
			DeskIdentity id = DeskIdentity.load(dir);
			hub = field(area, Messages.Prefs_hub, String.valueOf(settings.hub() == null ? id.hub() : settings.hub()), true);
			new Label(area, SWT.NONE).setText(Messages.Prefs_interval);
			minutes = new Spinner(area, SWT.BORDER);
			minutes.setValues((int) Math.max(1, settings.interval().toMinutes()), 1, 24 * 60, 0, 1, 10);
			field(area, Messages.Prefs_desk, id.desk(), false);
			field(area, Messages.Prefs_department, String.valueOf(id.department()), false);
			field(area, Messages.Prefs_certificate, id.certificate().getSerialNumber().toString(16) + " \u00b7 " //$NON-NLS-1$
					+ id.certificate().getNotAfter().toInstant().toString().substring(0, 10), false);
			field(area, Messages.Prefs_root, DeskIdentity.fingerprint(id.root()), false);
		} catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
			Label bad = new Label(area, SWT.WRAP);
			bad.setText(NLS.bind(Messages.Prefs_cannotRead, e.getMessage()));
			bad.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		}
		error = new Label(area, SWT.WRAP);
		error.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		error.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		return area;
	}

	private static Text field(Composite area, String name, String value, boolean editable) {
		new Label(area, SWT.NONE).setText(name);
		Text t = new Text(area, SWT.BORDER | (editable ? 0 : SWT.READ_ONLY));
		t.setText(value);
		GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
		d.widthHint = 380;
		t.setLayoutData(d);
		return t;
	}

	@Override
	protected void okPressed() {
		if (hub == null) {
			super.okPressed();
			return;
		}
		URI address;
		try {
			address = URI.create(hub.getText().strip());
			new SyncSettings(address, Duration.ofMinutes(minutes.getSelection())).write(dir);
		} catch (IllegalArgumentException e) {
			error.setText(Messages.Prefs_badHub);
			error.getParent().layout(true);
			return;
		} catch (IOException e) {
			error.setText(NLS.bind(Messages.Prefs_cannotSave, e.getMessage()));
			error.getParent().layout(true);
			return;
		}
		super.okPressed();
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}
}
