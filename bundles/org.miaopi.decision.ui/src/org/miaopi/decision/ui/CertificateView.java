package org.miaopi.decision.ui;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.miaopi.certificate.Verdict;

/** The issued certificate: its number and file, and each verification check in plain words. */
public final class CertificateView extends Group {

	private final Label status;
	private final ProgressBar progress;
	private final Table checks;
	private final Color okColor = new Color(30, 110, 40);
	private final ScrolledComposite scroller;
	private final Label page;
	private Image image;
	private CertificateIssuance.Result result;

	public CertificateView(Composite parent) {
		super(parent, SWT.NONE);
		setText(Messages.Certificate_title);
		setLayout(new GridLayout(2, false));
		status = new Label(this, SWT.WRAP);
		GridData sd = new GridData(SWT.FILL, SWT.TOP, true, false);
		sd.widthHint = 100; // wrap within the part instead of widening it
		sd.horizontalSpan = 2;
		status.setLayoutData(sd);
		progress = new ProgressBar(this, SWT.INDETERMINATE | SWT.HORIZONTAL);
		progress.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		checks = new Table(this, SWT.BORDER | SWT.FULL_SELECTION);
		checks.setHeaderVisible(true);
		checks.setLinesVisible(true);
		checks.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		scroller = new ScrolledComposite(this, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		GridData pd = new GridData(SWT.FILL, SWT.FILL, false, true);
		pd.widthHint = 210;
		scroller.setLayoutData(pd);
		page = new Label(scroller, SWT.NONE);
		scroller.setContent(page);
		addDisposeListener(e -> disposeImage());
		String[] names = { Messages.Certificate_check, Messages.Certificate_result, Messages.Certificate_words };
		int[] widths = { 130, 60, 300 };
		for (int i = 0; i < names.length; i++) {
			TableColumn c = new TableColumn(checks, SWT.LEFT);
			c.setText(names[i]);
			c.setWidth(widths[i]);
		}
		org.miaopi.ui.api.TableColumns.fillLast(checks);
		clear();
	}

	@Override
	protected void checkSubclass() {
		// a Group with a fixed set of children; nothing of Group's internals is overridden
	}

	public void clear() {
		result = null;
		status.setText(Messages.Certificate_none);
		status.setForeground(null);
		visible(progress, false);
		visible(checks, false);
		showPage(null);
		layout(true, true);
	}

	public void issuing(String title) {
		result = null;
		setText(title);
		status.setText(Messages.Certificate_issuing);
		status.setForeground(null);
		visible(progress, true);
		visible(checks, false);
		showPage(null);
		layout(true, true);
	}

	public void show(CertificateIssuance.Result r) {
		if (isDisposed()) {
			return;
		}
		result = r;
		Verdict v = r.verdict();
		status.setText(NLS.bind(v.ok() ? Messages.Certificate_valid : Messages.Certificate_invalid,
				new Object[] { r.number(), r.file().getFileName(), r.sha256().substring(0, 16), r.file().getParent() }));
		status.setForeground(v.ok() ? okColor : getDisplay().getSystemColor(SWT.COLOR_RED));
		checks.removeAll();
		for (Verdict.Check c : v.checks()) {
			TableItem item = new TableItem(checks, SWT.NONE);
			item.setText(new String[] { c.name(), c.ok() ? "\u2713 OK" : "\u2717 FAIL", c.words() }); //$NON-NLS-1$ //$NON-NLS-2$
			item.setForeground(1, c.ok() ? okColor : getDisplay().getSystemColor(SWT.COLOR_RED));
		}
		visible(progress, false);
		visible(checks, true);
		showPage(r.page());
		getParent().layout(true, true);
	}

	public void failed(String message) {
		if (isDisposed()) {
			return;
		}
		status.setText(NLS.bind(Messages.Certificate_failed, message));
		status.setForeground(getDisplay().getSystemColor(SWT.COLOR_RED));
		visible(progress, false);
		visible(checks, false);
		layout(true, true);
	}

	private void showPage(ImageData data) {
		disposeImage();
		if (data != null) {
			image = new Image(getDisplay(), data);
		}
		page.setImage(image);
		page.setSize(page.computeSize(SWT.DEFAULT, SWT.DEFAULT));
		visible(scroller, data != null);
	}

	private void disposeImage() {
		if (image != null) {
			image.dispose();
			image = null;
		}
	}

	/** Whether the sealed certificate's first page is on screen. */
	public boolean hasPage() {
		return image != null;
	}

	private static void visible(org.eclipse.swt.widgets.Control c, boolean show) {
		c.setVisible(show);
		((GridData) c.getLayoutData()).exclude = !show;
	}

	public CertificateIssuance.Result getResult() {
		return result;
	}

	public String getStatus() {
		return status.getText();
	}
}
