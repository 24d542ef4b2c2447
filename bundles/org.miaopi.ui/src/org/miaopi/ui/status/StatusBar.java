package org.miaopi.ui.status;

import jakarta.annotation.PostConstruct;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.miaopi.ui.Messages;
import org.miaopi.ui.MiaopiVersion;

/** Bottom line of the window: who is signed in, the state of the local store, the version. */
public class StatusBar {

	private Label user;
	private Label store;
	private Label version;
	private Composite bar;

	@PostConstruct
	public void createControls(Composite parent) {
		bar = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(5, false);
		layout.marginHeight = 2;
		layout.marginWidth = 6;
		layout.horizontalSpacing = 10;
		bar.setLayout(layout);
		user = new Label(bar, SWT.NONE);
		user.setText(Messages.Status_notSignedIn);
		separator(bar);
		store = new Label(bar, SWT.NONE);
		store.setText(Messages.Status_storeNotOpened);
		separator(bar);
		version = new Label(bar, SWT.NONE);
		version.setText(NLS.bind(Messages.Status_version, MiaopiVersion.display()));
	}

	private static void separator(Composite bar) {
		Label separator = new Label(bar, SWT.SEPARATOR | SWT.VERTICAL);
		GridData data = new GridData(SWT.CENTER, SWT.FILL, false, true);
		data.heightHint = 16;
		separator.setLayoutData(data);
	}

	public Composite getControl() {
		return bar;
	}

	public String getUserText() {
		return user.getText();
	}

	public String getStoreText() {
		return store.getText();
	}

	public String getVersionText() {
		return version.getText();
	}
}
