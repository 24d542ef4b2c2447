package org.miaopi.queue.ui;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.miaopi.ui.api.ColumnFit;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.QueueSort;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.ui.api.EmptyState;
import org.miaopi.ui.api.MatterCatalog;
import org.miaopi.ui.api.Topics;

/**
 * The officer's queue: a virtual table over {@link DossierService#queue}, pages fetched as rows
 * are painted. Filters by matter and status, type-to-search, column sort; Enter opens the
 * dossier for every other part (event {@link Topics#DOSSIER_OPENED}).
 */
public class QueuePart {

	public static final String ID = Topics.PART_QUEUE;
	private static final int SEARCH_DELAY_MS = 250;

	@Inject
	@Optional
	private DossierService service;
	@Inject
	private MatterCatalog matters;
	@Inject
	private IEventBroker broker;
	@Inject
	private ESelectionService selection;
	@Inject
	private org.eclipse.e4.core.contexts.IEclipseContext context;

	private Composite root;
	private EmptyState emptyState;
	/** Under the filters, in place of the rows: what a search or filter with no result means and what to do. */
	private EmptyState noMatch;
	private Text search;
	private QueueFilterBar filters;
	private Label count;
	private Table table;
	private SecondLines secondLines;
	private QueueCells cells;
	private QueueRows rows;
	private QueueHeader header;
	private SavedFilterControl saved;
	private boolean applying;
	private Officer officer;
	private final Runnable delayedSearch = this::reload;

	/** The part's persisted-state key of the columns chosen by hand (see {@link ColumnFit#choices()}). */
	static final String COLUMNS = "miaopi.columns"; //$NON-NLS-1$

	@PostConstruct
	public void createControls(Composite parent, MPart part) {
		root = parent;
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 4;
		parent.setLayout(layout);
		emptyState = new EmptyState(parent, Messages.Queue_signedOutTitle, Messages.Queue_signedOutHint);
		emptyState.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		createFilters(parent);
		noMatch = new EmptyState(parent, "", ""); //$NON-NLS-1$ //$NON-NLS-2$
		noMatch.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		show(noMatch, false);
		table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.widthHint = 100; // the part's width, not the columns', decides the table's (ColumnFit fits them in)
		table.setLayoutData(tableData);
		cells = new QueueCells(table, matters);
		cells.holders(officer, context.get(StoreAdmin.class));
		header = new QueueHeader(table, this::reloadByHand);
		secondLines = new SecondLines(table, header.fit());
		// the columns shown or hidden by hand are kept with the part, so they survive a restart
		header.fit().restore(part.getPersistedState().get(COLUMNS));
		header.fit().onChoice(() -> part.getPersistedState().put(COLUMNS, header.fit().choices()));
		showSavedFilters(null);
		table.addListener(SWT.SetData, e -> {
			TableItem item = (TableItem) e.item;
			int index = table.indexOf(item);
			QueueRow row = rows == null || index < 0 ? null : rows.get(index);
			if (row != null) {
				cells.fill(item, row);
			}
			growIfNeeded(index);
		});
		table.addListener(SWT.Selection, e -> {
			QueueRow row = selectedRow();
			selection.setSelection(row == null ? null : row.dossier());
		});
		table.addListener(SWT.DefaultSelection, e -> openSelected());
		AssignmentMenu.install(table, context);
		table.addListener(SWT.KeyDown, e -> {
			// type-to-search: a printable key in the table starts a search with that character
			if (e.character > ' ' && e.character != 127 && (e.stateMask & (SWT.CTRL | SWT.ALT)) == 0) {
				search.setFocus();
				search.setText(search.getText() + e.character);
				search.setSelection(search.getText().length());
				e.doit = false;
			}
		});
		reload();
	}

	private void createFilters(Composite parent) {
		filters = new QueueFilterBar(parent, matters, this::reloadByHand,
				bar -> saved = new SavedFilterControl(bar, context, () -> officer, this::apply));
		search = filters.search();
		count = filters.count();
		search.addListener(SWT.Modify, e -> {
			if (!applying) {
				saved.clearChoice();
			}
			search.getDisplay().timerExec(-1, delayedSearch);
			search.getDisplay().timerExec(SEARCH_DELAY_MS, delayedSearch);
		});
		search.addListener(SWT.DefaultSelection, e -> {
			reload();
			table.setFocus();
		});
		search.addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.ARROW_DOWN) {
				table.setFocus();
			}
		});
	}

	@Inject
	void session(@Optional Officer signedIn, @Optional StoreAdmin users) {
		officer = signedIn;
		if (cells != null) {
			cells.holders(signedIn, users);
		}
		if (table != null && !table.isDisposed()) {
			showSavedFilters(null);
			reload();
		}
	}

	@Inject
	@Optional
	void changed(@UIEventTopic(Topics.DOSSIER_CHANGED) Dossier dossier) {
		if (table == null || table.isDisposed()) {
			return;
		}
		reload();
		// the parts still show the changed dossier: the queue selects it where it still is, and no
		// other one where it left the list (a decided dossier leaves the open queue)
		int at = indexOf(dossier.number());
		if (at >= 0) {
			table.setSelection(at);
		} else {
			table.deselectAll();
		}
		selection.setSelection(dossier);
	}

	@Inject
	@Optional
	void arrived(@UIEventTopic(Topics.DOSSIERS_ARRIVED) Integer count) {
		if (table == null || table.isDisposed()) {
			return;
		}
		reload();
	}

	/** The row of dossier {@code number} among the rows read so far, or -1. */
	private int indexOf(String number) {
		for (int i = 0; rows != null && i < rows.known(); i++) {
			QueueRow r = rows.get(i);
			if (r != null && r.dossier().number().equals(number)) {
				return i;
			}
		}
		return -1;
	}

	@Inject
	@Optional
	void bench(@UIEventTopic(Topics.BENCH_QUEUE) Officer signedIn) {
		if (service != null && table != null && !table.isDisposed()) {
			QueueBench.run(this, service, matters, signedIn);
		}
	}

	/** Drops every fetched page and starts again from the first, with the current filters. */
	public void reload() {
		if (table == null || table.isDisposed()) {
			return;
		}
		search.getDisplay().timerExec(-1, delayedSearch);
		boolean signedIn = officer != null && service != null;
		// an admin has no queue (the Admin perspective has none): nothing is asked of the store for them
		boolean hasQueue = signedIn && (officer.hasRole(Role.OFFICER) || officer.hasRole(Role.SUPERVISOR));
		if (signedIn && !hasQueue) {
			emptyState.set(Messages.Queue_noRoleTitle, Messages.Queue_noRoleHint);
		} else {
			emptyState.set(Messages.Queue_signedOutTitle, Messages.Queue_signedOutHint);
		}
		show(emptyState, !hasQueue);
		show(noMatch, false);
		signedIn = hasQueue;
		header.mark();
		table.clearAll();
		if (!signedIn) {
			rows = null;
			table.setItemCount(0);
			count.setText(""); //$NON-NLS-1$
			root.layout(true, true);
			return;
		}
		rows = new QueueRows(service, matters, officer, new QueueQuery(filters.statuses(), filters.matterCode(), search.getText(), 0, header.order(), header.descending()), ChinaTime.today());
		try {
			rows.get(0);
		} catch (RuntimeException e) {
			rows = null;
			table.setItemCount(0);
			if (e instanceof AccessDeniedException && !officer.roles().contains(Role.OFFICER)
					&& !officer.roles().contains(Role.SUPERVISOR)) {
				// a role with no queue (an administrator): say so in the user's words, not the store's
				count.setText(""); //$NON-NLS-1$
				emptyState.set(Messages.Queue_noRoleTitle, Messages.Queue_noRoleHint);
				show(emptyState, true);
			} else {
				count.setText(NLS.bind(Messages.Queue_failed, e.getMessage()));
			}
			root.layout(true, true);
			return;
		}
		updateCount();
		header.fitOnce(cells, rows);
		if (rows.known() == 0) {
			String text = search.getText().strip();
			noMatch.set(text.isEmpty() ? Messages.Queue_noMatchFilters : NLS.bind(Messages.Queue_noMatchText, text),
					NLS.bind(Messages.Queue_noMatchHint, filters.matterLabel(), filters.statusLabel()));
			show(noMatch, true);
		}
		if (table.getItemCount() > 0) {
			table.setSelection(0);
			selection.setSelection(selectedRow() == null ? null : selectedRow().dossier());
		}
		root.layout(true, true);
	}

	private static void show(EmptyState state, boolean visible) {
		state.setVisible(visible);
		((GridData) state.getLayoutData()).exclude = !visible;
	}

	private void growIfNeeded(int index) {
		if (rows != null && rows.hasMore() && index >= rows.known() - QueueQuery.PAGE_SIZE / 2) {
			// the next page is near: let the table know there is more to scroll to (once: every row
			// painted near the end asks, and only the first of them may read the next page)
			QueueRows asking = rows;
			table.getDisplay().asyncExec(() -> {
				if (!table.isDisposed() && rows == asking && rows.hasMore() && index >= rows.known() - QueueQuery.PAGE_SIZE / 2) {
					rows.get(rows.known());
					updateCount();
				}
			});
		}
	}

	private void updateCount() {
		int n = rows.known();
		table.setItemCount(n);
		// MessageFormat: the English count says "1 dossier", "2 dossiers"
		count.setText(java.text.MessageFormat.format(rows.hasMore() ? Messages.Queue_countMore : Messages.Queue_count, n));
		count.getParent().layout();
	}

	/** Orders the queue (the store sorts, any size) and reads it afresh from the first page. */
	public void sort(QueueSort order, boolean reversed) {
		header.sort(order, reversed);
	}

	public QueueSort sortOrder() {
		return header.order();
	}

	public boolean isDescending() {
		return header.descending();
	}

	/** The sort menu (Ctrl+Shift+O): every column, the current one checked; choosing it again reverses it. */
	public void showSortMenu() {
		header.showMenu();
	}

	private void reloadByHand() {
		if (!applying) {
			saved.clearChoice();
		}
		reload();
	}

	/** The filter bar and the order as they are, under {@code name}. */
	public SavedFilter currentFilter(String name) {
		return new SavedFilter(name, filters.statuses(), filters.matterCode(), search.getText(), header.order(), header.descending());
	}

	/** Sets the filter bar and the order to {@code f} and reads the queue. */
	public void apply(SavedFilter f) {
		applying = true;
		try {
			filters.select(f.matterCode(), f.statuses());
			search.setText(f.text() == null ? "" : f.text()); //$NON-NLS-1$
			header.set(f.sort(), f.descending());
			showSavedFilters(f.name());
			reload();
		} finally {
			applying = false;
		}
	}

	/** The signed-in officer's saved filters, or null when no one is signed in. */
	public SavedFilters savedFilters() {
		return saved.filters();
	}

	/** Refreshes the saved filters' combo, {@code current} chosen. */
	public void showSavedFilters(String current) {
		saved.show(current);
	}

	/** Saves the filter bar and the order as {@code name} (replacing one of that name) and shows it chosen. */
	public void saveFilter(String name) {
		saved.save(currentFilter(name));
	}

	public void renameFilter(String from, String to) {
		saved.rename(from, to);
	}

	public void deleteFilter(String name) {
		saved.delete(name);
	}

	/** The saved filter chosen in the combo, or null. */
	public SavedFilter chosenFilter() {
		return saved.chosen();
	}

	/** Ctrl+Shift+F: to the saved filters, list open, arrow keys apply. */
	public void focusSavedFilters() {
		saved.focus();
	}

	public Combo getSavedFilterCombo() {
		return saved.combo();
	}

	/** The dossier selected in the table, as the queue read it; null if none. */
	public Dossier selectedDossier() {
		QueueRow row = table == null || table.isDisposed() ? null : selectedRow();
		return row == null ? null : row.dossier();
	}

	private QueueRow selectedRow() {
		int i = table.getSelectionIndex();
		return i < 0 || rows == null ? null : rows.get(i);
	}

	/** Opens the selected dossier, read afresh, in every part. */
	public void openSelected() {
		QueueRow row = selectedRow();
		if (row == null || officer == null) {
			return;
		}
		Dossier fresh = service.find(officer, row.dossier().number()).orElse(row.dossier());
		broker.send(Topics.DOSSIER_OPENED, fresh);
	}

	/** Filters by matter (null: all) and status (null: the open ones), as the combos do. */
	public void filter(String matter, DossierStatus status) {
		filters.select(matter, status);
		reloadByHand();
	}

	public void focusSearch() {
		search.setFocus();
		search.selectAll();
	}

	@Focus
	public void setFocus() {
		if (table.getItemCount() > 0) {
			table.setFocus();
		} else {
			search.setFocus();
		}
	}

	@PreDestroy
	void dispose() {
		if (search != null && !search.isDisposed()) {
			search.getDisplay().timerExec(-1, delayedSearch);
		}
	}

	public Table getTable() {
		return table;
	}

	public Text getSearch() {
		return search;
	}

	/** Which columns the part's width shows; the header's menu chooses by hand. */
	public org.miaopi.ui.api.ColumnFit getColumnFit() {
		return header.fit();
	}

	/**
	 * The second line a row's cell shows while the part is too narrow for some columns (their
	 * texts), or null for a cell of one line.
	 */
	public String getSecondLine(TableItem item, int column) {
		return secondLines.second(item, column);
	}

	public QueueRows getRows() {
		return rows;
	}

	public EmptyState getEmptyState() {
		return emptyState;
	}
}
