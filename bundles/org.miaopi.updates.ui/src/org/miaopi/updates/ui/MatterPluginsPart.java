package org.miaopi.updates.ui;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.ui.api.ColumnFit;
import org.miaopi.updates.MatterPlugins;
import org.miaopi.updates.Outcome;
import org.miaopi.updates.PluginRefusedException;

/**
 * The Admin perspective's Matter plugins: what is installed and what each contributes, what the
 * repository offers, and install, update, uninstall and roll back. Every read and change runs as
 * a Job of {@link #FAMILY} with a progress bar; the part only shows what {@link MatterPlugins} says.
 */
public class MatterPluginsPart {

	public static final String ID = "org.miaopi.ui.part.plugins"; //$NON-NLS-1$
	/** Job family of every read and change of this part (tests join it). */
	public static final Object FAMILY = MatterPluginsPart.class;

	@Inject
	@Optional
	private MatterPlugins plugins;
	/** The matter versions the hub enables and what is installed: a version enabled there but not here is a warning. */
	@Inject
	@Optional
	private org.miaopi.core.sync.HubMatterVersions hubVersions;
	@Inject
	@Optional
	private org.miaopi.core.matter.MatterRegistry matters;

	private Officer officer;
	private Text repository;
	private Label message;
	private ProgressBar progress;
	private TableViewer viewer;
	private ColumnFit fit;
	private final PluginRows rows = new PluginRows();
	private boolean disposed;
	/** Jobs of this part not yet shown (UI thread only). */
	private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

	@PostConstruct
	public void createControls(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		Composite bar = new Composite(parent, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		bar.setLayout(new GridLayout(7, false));
		new Label(bar, SWT.NONE).setText(Messages.Plugins_repository);
		repository = new Text(bar, SWT.BORDER | SWT.SINGLE);
		repository.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		if (plugins != null) {
			plugins.configuredRepository().ifPresent(u -> repository.setText(u.toString()));
		}
		button(bar, Messages.Plugins_check, this::check);
		button(bar, Messages.Plugins_install, () -> change(Action.INSTALL));
		button(bar, Messages.Plugins_update, () -> change(Action.UPDATE));
		button(bar, Messages.Plugins_uninstall, () -> change(Action.UNINSTALL));
		button(bar, Messages.Plugins_rollback, () -> change(Action.ROLLBACK));
		progress = new ProgressBar(parent, SWT.INDETERMINATE);
		progress.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		progress.setVisible(false);
		message = new Label(parent, SWT.WRAP);
		message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.widthHint = 100; // the part's width decides the table's; ColumnFit fits the columns in
		viewer.getTable().setLayoutData(tableData);
		String[] names = { Messages.Plugins_columnPlugin, Messages.Plugins_columnInstalled, Messages.Plugins_columnOffered,
				Messages.Plugins_columnCategory, Messages.Plugins_columnContributes };
		column(names[0], 150, PluginRows.Row::shortId);
		column(names[1], 170, PluginRows.Row::installedText);
		column(names[2], 190, PluginRows.Row::offeredText);
		column(names[3], 200, PluginRows.Row::departmentText);
		column(names[4], 520, PluginRows.Row::contributes);
		// plugin, versions and offer whole; the rows are grouped by department, which shares what is
		// left with the contributions (cut texts in the cell's tooltip); the contributions leave first
		fit = new ColumnFit(viewer.getTable(), names).column(3, 1, 90, 3).column(4, 2, 160, 2);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		if (plugins == null) {
			message.setText(NLS.bind(Messages.Plugins_unavailable, "-")); //$NON-NLS-1$
			return;
		}
		reload();
		if (!repository.getText().isBlank()) {
			// the configured repository is the hub's mirror on disk or a file: one: checking it costs no network
			check();
		}
	}

	@Inject
	void session(@Optional Officer signedIn) {
		officer = signedIn;
	}

	private void button(Composite bar, String text, Runnable action) {
		Button b = new Button(bar, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, e -> action.run());
	}

	private void column(String title, int width, java.util.function.Function<PluginRows.Row, String> text) {
		TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new org.eclipse.jface.viewers.ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((PluginRows.Row) element);
			}
		});
	}

	/** Reads the installed plugins off the UI thread, then shows them. */
	private void reload() {
		run(Messages.Plugins_jobList, () -> {
			rows.installed(plugins.installed());
			return hubWarning();
		});
	}

	/** The versions enabled at the hub but not installed here, as a warning; null when there are none. */
	private String hubWarning() {
		if (hubVersions == null || matters == null) {
			return null;
		}
		java.util.List<String> missing = org.miaopi.core.sync.HubMatterVersions.enabledNotInstalled(hubVersions.hubMatterVersions(), matters)
				.stream().map(e -> e.code() + " " + e.version()).toList(); //$NON-NLS-1$
		return missing.isEmpty() ? null : NLS.bind(Messages.Plugins_hubNotInstalled, String.join(", ", missing)); //$NON-NLS-1$
	}

	private void check() {
		URI repo = repositoryUri();
		if (repo == null) {
			message.setText(Messages.Plugins_noRepository);
			return;
		}
		run(NLS.bind(Messages.Plugins_jobCheck, repo), () -> {
			var offered = plugins.check(repo, null);
			rows.offered(offered);
			long updates = offered.stream().filter(a -> a.isUpdate()).count();
			long fresh = offered.stream().filter(a -> a.isNew()).count();
			return NLS.bind(Messages.Plugins_checked, new Object[] { offered.size(), updates, fresh });
		});
	}

	enum Action {
		INSTALL, UPDATE, UNINSTALL, ROLLBACK
	}

	private void change(Action action) {
		if (officer == null || !officer.hasRole(Role.ADMIN)) {
			message.setText(Messages.Plugins_adminOnly);
			return;
		}
		String id = action == Action.ROLLBACK ? null : selectedId();
		if (action != Action.ROLLBACK && id == null) {
			message.setText(Messages.Plugins_selectFirst);
			return;
		}
		URI repo = repositoryUri();
		if ((action == Action.INSTALL || action == Action.UPDATE) && repo == null) {
			message.setText(Messages.Plugins_noRepository);
			return;
		}
		Officer actor = officer;
		run(Messages.Plugins_jobChange, () -> {
			Outcome o = switch (action) {
			case INSTALL -> plugins.install(actor, repo, id, null);
			case UPDATE -> plugins.update(actor, repo, id, null);
			case UNINSTALL -> plugins.uninstall(actor, id, null);
			case ROLLBACK -> plugins.rollback(actor, null);
			};
			rows.installed(plugins.installed());
			return Texts.done(o);
		});
	}

	interface Work {
		String call();
	}

	/** Runs {@code work} as a Job of this part's family; its text (or the refusal) lands in the message line. */
	private void run(String name, Work work) {
		running.incrementAndGet();
		progress.setVisible(true);
		message.setText(name);
		new PartJob(name, work).schedule();
	}

	private final class PartJob extends Job {
		private final Work work;

		PartJob(String name, Work work) {
			super(name);
			this.work = work;
			setUser(true);
		}

		@Override
		protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
			String text;
			try {
				text = work.call();
			} catch (PluginRefusedException e) {
				text = Texts.refused(e);
			}
			String shown = text;
			var display = viewer.getTable().getDisplay();
			if (!display.isDisposed()) {
				display.asyncExec(() -> show(shown));
			}
			return Status.OK_STATUS;
		}

		@Override
		public boolean belongsTo(Object family) {
			return family == FAMILY;
		}
	}

	private void show(String text) {
		if (disposed || viewer.getTable().isDisposed()) {
			return;
		}
		progress.setVisible(running.decrementAndGet() > 0);
		if (text != null) {
			message.setText(text);
		}
		message.getParent().layout(true, true);
		viewer.setInput(rows.rows());
		fitColumns();
	}

	/** What each column needs for its header and the texts it shows now. */
	private void fitColumns() {
		var columns = viewer.getTable().getColumns();
		int[] widths = new int[columns.length];
		for (int c = 0; c < columns.length; c++) {
			widths[c] = fit.width(columns[c].getText());
			for (var item : viewer.getTable().getItems()) {
				widths[c] = Math.max(widths[c], fit.width(item.getText(c)));
			}
		}
		fit.natural(widths);
	}

	private String selectedId() {
		Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
		return first instanceof PluginRows.Row r ? r.id() : null;
	}

	private URI repositoryUri() {
		String text = repository.getText().strip();
		if (text.isEmpty()) {
			return null;
		}
		return text.contains(":") ? URI.create(text) : Path.of(text).toAbsolutePath().toUri(); //$NON-NLS-1$
	}

	@Focus
	public void setFocus() {
		viewer.getTable().setFocus();
	}

	@PreDestroy
	void dispose() {
		disposed = true;
	}

	public TableViewer getViewer() {
		return viewer;
	}

	public String getMessage() {
		return message.getText();
	}

	List<PluginRows.Row> rows() {
		return rows.rows();
	}
}
