package org.miaopi.decision.ui;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.miaopi.certificate.Verdict;

/**
 * The issued certificate: its number and file, each verification check in plain words (wrapped
 * to the part's width, never cut off), its first page, and what can be done with it: view its
 * pages, open it in the system's PDF viewer, verify it again.
 */
public final class CertificateView extends Group {

	private final Label status;
	private final Composite actions;
	private final Button view;
	private final Button open;
	private final Button verify;
	private final ProgressBar progress;
	private final StyledText checks;
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
		actions = new Composite(this, SWT.NONE);
		RowLayout al = new RowLayout(SWT.HORIZONTAL);
		al.wrap = true;
		al.marginLeft = 0;
		al.marginTop = 0;
		al.marginBottom = 0;
		actions.setLayout(al);
		GridData ad = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		ad.widthHint = 100;
		actions.setLayoutData(ad);
		view = button(Messages.Certificate_view);
		open = button(Messages.Certificate_open);
		verify = button(Messages.Certificate_verify);
		progress = new ProgressBar(this, SWT.INDETERMINATE | SWT.HORIZONTAL);
		progress.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		// one check a line, wrapped: at 1280x800 the part is too narrow for a table's columns
		checks = new StyledText(this, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
		GridData cd = new GridData(SWT.FILL, SWT.FILL, true, true);
		cd.widthHint = 100;
		cd.heightHint = 60;
		checks.setLayoutData(cd);
		scroller = new ScrolledComposite(this, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		GridData pd = new GridData(SWT.FILL, SWT.FILL, false, true);
		pd.widthHint = 150;
		scroller.setLayoutData(pd);
		page = new Label(scroller, SWT.NONE);
		scroller.setContent(page);
		addDisposeListener(e -> disposeImage());
		clear();
	}

	private Button button(String text) {
		Button b = new Button(actions, SWT.PUSH);
		b.setText(text);
		return b;
	}

	/** What the buttons do: view the pages here, open the file in the system's viewer, verify again. */
	void actions(Runnable onView, Runnable onOpen, Runnable onVerify) {
		view.addListener(SWT.Selection, e -> onView.run());
		open.addListener(SWT.Selection, e -> onOpen.run());
		verify.addListener(SWT.Selection, e -> onVerify.run());
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
		visible(actions, false);
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
		visible(actions, false);
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
		StringBuilder text = new StringBuilder();
		java.util.List<StyleRange> styles = new java.util.ArrayList<>();
		for (Verdict.Check c : v.checks()) {
			// a check not made here (e.g. the desk's store is open elsewhere) is neither a pass nor a failure
			String sign = !c.made() ? "\u2013 " : c.ok() ? "\u2713 " : "\u2717 "; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			styles.add(new StyleRange(text.length(), sign.length() + c.name().length(), !c.made()
					? getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY)
					: c.ok() ? okColor : getDisplay().getSystemColor(SWT.COLOR_RED), null, SWT.BOLD));
			text.append(sign).append(c.name()).append(": ").append(c.words()).append('\n'); //$NON-NLS-1$
		}
		checks.setText(text.toString().strip());
		checks.setStyleRanges(styles.toArray(StyleRange[]::new));
		visible(progress, false);
		visible(checks, true);
		visible(actions, true);
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
		visible(actions, false);
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

	/** A line under the certificate's status, e.g. that it is being verified again, or why it cannot be opened. */
	void note(String text, boolean problem) {
		if (isDisposed()) {
			return;
		}
		String base = result == null ? status.getText() : NLS.bind(result.verdict().ok() ? Messages.Certificate_valid
				: Messages.Certificate_invalid, new Object[] { result.number(), result.file().getFileName(),
						result.sha256().substring(0, 16), result.file().getParent() });
		status.setText(text == null ? base : base + "\n" + text); //$NON-NLS-1$
		if (problem) {
			status.setForeground(getDisplay().getSystemColor(SWT.COLOR_RED));
		}
		layout(true, true);
	}

	/** The verification checks as shown, one a line. */
	public String getChecks() {
		return checks.getText();
	}

	public CertificateIssuance.Result getResult() {
		return result;
	}

	public String getStatus() {
		return status.getText();
	}
}
