package org.miaopi.admin.ui;

import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.ui.api.EmptyState;

/**
 * What the admin's parts share: shown only to a signed-in admin (else an empty state says so), a
 * title, a row of action buttons, one table and a line that says what the last action did or why
 * it was refused, in words (never an exception's class). The services enforce the role; the parts
 * only ask.
 */
abstract class AdminPart {

	/** The key under which buttons carry their action's name (UI tests find them by it). */
	static final String ACTION = "miaopi.action"; //$NON-NLS-1$

	private Composite root;
	private EmptyState signedOut;
	private Composite body;
	private Label title;
	private Composite buttons;
	private Table table;
	private Label result;
	/** The signed-in admin, or null (nobody, or not an admin). */
	private Officer admin;

	@PostConstruct
	public void createControls(Composite parent) {
		root = parent;
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		parent.setLayout(layout);
		signedOut = new EmptyState(parent, Messages.Admin_signedOutTitle, Messages.Admin_signedOutHint);
		signedOut.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		body = new Composite(parent, SWT.NONE);
		body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		GridLayout bodyLayout = new GridLayout(1, false);
		bodyLayout.verticalSpacing = 6;
		body.setLayout(bodyLayout);
		title = new Label(body, SWT.WRAP);
		title.setFont(JFaceResources.getHeaderFont());
		title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		buttons = new Composite(body, SWT.NONE);
		RowLayout row = new RowLayout(SWT.HORIZONTAL);
		row.marginLeft = 0;
		row.wrap = true;
		buttons.setLayout(row);
		table = new Table(body, SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.widthHint = 100;
		table.setLayoutData(tableData);
		table.addListener(SWT.Resize, e -> fitColumns());
		result = new Label(body, SWT.WRAP);
		GridData resultData = new GridData(SWT.FILL, SWT.TOP, true, false);
		resultData.widthHint = 200;
		result.setLayoutData(resultData);
		title.setText(title());
		for (String column : columns()) {
			new TableColumn(table, SWT.LEFT).setText(column);
		}
		addButtons();
		refresh();
	}

	/** The part's heading. */
	abstract String title();

	abstract String[] columns();

	/** Adds the action buttons with {@link #button}. */
	abstract void addButtons();

	/** Fills the table afresh (the admin is signed in). */
	abstract void reload(Officer admin);

	@Inject
	void session(@Optional Officer signedIn) {
		admin = signedIn != null && signedIn.hasRole(Role.ADMIN) ? signedIn : null;
		if (root != null && !root.isDisposed()) {
			result.setText(""); //$NON-NLS-1$
			refresh();
		}
	}

	final Officer admin() {
		return admin;
	}

	final void refresh() {
		boolean show = admin != null;
		show(signedOut, !show);
		show(body, show);
		table.removeAll();
		if (show) {
			try {
				reload(admin);
			} catch (RuntimeException e) {
				say(NLS.bind(Messages.Admin_failed, e.getMessage()));
			}
			fitColumns();
		}
		root.layout(true, true);
	}

	/**
	 * Each column as wide as its content; when together they are wider than the part, the widest are
	 * narrowed to a common width first, so that the short ones (user, name, state) stay whole.
	 */
	private void fitColumns() {
		TableColumn[] columns = table.getColumns();
		int[] natural = new int[columns.length];
		int sum = 0;
		for (int i = 0; i < columns.length; i++) {
			columns[i].pack();
			natural[i] = columns[i].getWidth();
			sum += natural[i];
		}
		int room = table.getClientArea().width;
		if (room <= 0 || sum <= room) {
			return;
		}
		int cap = 48;
		for (int hi = java.util.Arrays.stream(natural).max().orElse(48); cap < hi;) {
			int mid = (cap + hi + 1) / 2;
			if (java.util.Arrays.stream(natural).map(w -> Math.min(w, mid)).sum() <= room) {
				cap = mid;
			} else {
				hi = mid - 1;
			}
		}
		for (int i = 0; i < columns.length; i++) {
			columns[i].setWidth(Math.min(natural[i], cap));
		}
	}

	private static void show(Composite c, boolean visible) {
		c.setVisible(visible);
		((GridData) c.getLayoutData()).exclude = !visible;
	}

	final Button button(String text, String action, Runnable run) {
		Button b = new Button(buttons, SWT.PUSH);
		b.setText(text);
		b.setData(ACTION, action);
		b.addListener(SWT.Selection, e -> run.run());
		return b;
	}

	final TableItem row(Object data, String... cells) {
		TableItem item = new TableItem(table, SWT.NONE);
		item.setText(cells);
		item.setData(data);
		return item;
	}

	/** The chosen row's data, or null after telling the admin to choose one. */
	final Object chosen(String chooseFirst) {
		TableItem[] s = table.getSelection();
		if (s.length == 0) {
			say(chooseFirst);
			return null;
		}
		return s[0].getData();
	}

	/** Runs an admin action (its result in words), then reads the table afresh; a refusal is said, not thrown. */
	final void act(Supplier<String> action) {
		if (admin == null) {
			say(Messages.Admin_notAdmin);
			return;
		}
		done(words(action), table.getSelectionCount() == 1 ? table.getSelection()[0].getData() : null);
	}

	/** Job family of the admin parts' background actions (tests join it). */
	public static final Object FAMILY = new Object();

	/**
	 * Runs a slow admin action (one that talks to a device) as a Job, off the UI thread, saying
	 * {@code name} meanwhile; then as {@link #act}.
	 */
	final void actInJob(String name, Supplier<String> action) {
		if (admin == null) {
			say(Messages.Admin_notAdmin);
			return;
		}
		Object kept = table.getSelectionCount() == 1 ? table.getSelection()[0].getData() : null;
		say(name);
		var display = table.getDisplay();
		Job job = new Job(name) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				String said = words(action);
				if (!display.isDisposed()) {
					display.asyncExec(() -> {
						if (!table.isDisposed()) {
							AdminPart.this.done(said, kept);
						}
					});
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.setUser(true);
		job.schedule();
	}

	private static String words(Supplier<String> action) {
		try {
			return action.get();
		} catch (AccessDeniedException e) {
			return Messages.Admin_notAdmin;
		} catch (IllegalArgumentException | IllegalStateException e) {
			return NLS.bind(Messages.Admin_refused, e.getMessage());
		} catch (RuntimeException e) {
			return NLS.bind(Messages.Admin_failed, e.getMessage());
		}
	}

	private void done(String said, Object kept) {
		refresh();
		for (int i = 0; i < table.getItemCount(); i++) {
			if (kept != null && key(kept).equals(key(table.getItem(i).getData()))) {
				table.select(i);
			}
		}
		say(said);
	}

	/** What identifies a row's data across a reload (the rows are new objects). */
	abstract String key(Object data);

	final void say(String text) {
		result.setText(text == null ? "" : text); //$NON-NLS-1$
		body.layout(true, true);
	}

	/** Asks for a reason; null when cancelled. */
	final String reason(String prompt, boolean required) {
		InputDialog d = new InputDialog(table.getShell(), Messages.Admin_reasonTitle, prompt, "", //$NON-NLS-1$
				required ? text -> text.isBlank() ? Messages.Admin_reasonRequired : null : null);
		return d.open() == Window.OK ? d.getValue().strip() : null;
	}

	final boolean confirm(String question) {
		return MessageDialog.openQuestion(table.getShell(), title(), question);
	}

	/** For tests: the rows. */
	public Table getTable() {
		return table;
	}

	/** For tests: what the last action said. */
	public String getResult() {
		return result.getText();
	}

	/** For tests and the handlers: the button of an action. */
	public Button getButton(String action) {
		for (var c : buttons.getChildren()) {
			if (action.equals(c.getData(ACTION))) {
				return (Button) c;
			}
		}
		return null;
	}
}
