package org.miaopi.queue.ui;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.QueueSort;
import org.miaopi.ui.api.EmptyState;
import org.miaopi.ui.api.MatterCatalog;
import org.miaopi.ui.api.Texts;
import org.miaopi.ui.api.Topics;

/**
 * The officer's queue: a virtual table over {@link DossierService#queue}, pages fetched as rows
 * are painted. Filters by matter and status, type-to-search, column sort; Enter opens the
 * dossier for every other part (event {@link Topics#DOSSIER_OPENED}).
 */
public class QueuePart {

	public static final String ID = Topics.PART_QUEUE;
	private static final int SEARCH_DELAY_MS = 250;
	private static final List<DossierStatus> STATUS_CHOICES = List.of(DossierStatus.RECEIVED, DossierStatus.PRE_CHECKED,
			DossierStatus.ASSIGNED, DossierStatus.IN_REVIEW, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.APPROVED,
			DossierStatus.REJECTED, DossierStatus.CERTIFICATE_ISSUED, DossierStatus.ARCHIVED, DossierStatus.WITHDRAWN);

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
	private Text search;
	private Combo matterFilter;
	private Combo statusFilter;
	private Label count;
	private Table table;
	private QueueCells cells;
	private QueueRows rows;
	private TableColumn[] columns;
	private QueueSort sort = QueueSort.DEADLINE;
	private boolean descending;
	private int sortColumn = QueueCells.DEADLINE_COLUMN;
	private SavedFilterBar saved;
	private boolean applying;
	private boolean fitted;
	private Officer officer;
	private final Runnable delayedSearch = this::reload;

	@PostConstruct
	public void createControls(Composite parent) {
		root = parent;
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 4;
		parent.setLayout(layout);
		emptyState = new EmptyState(parent, Messages.Queue_signedOutTitle, Messages.Queue_signedOutHint);
		emptyState.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		createFilters(parent);
		table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		cells = new QueueCells(table, matters);
		String[] names = { Messages.Queue_columnNumber, Messages.Queue_columnDeadline, Messages.Queue_columnApplicant,
				Messages.Queue_columnMatter, Messages.Queue_columnStatus, Messages.Queue_columnMismatches,
				Messages.Queue_columnMarkers, Messages.Queue_columnReceived };
		columns = new TableColumn[names.length];
		for (int i = 0; i < names.length; i++) {
			TableColumn column = new TableColumn(table, i == QueueCells.MISMATCH_COLUMN ? SWT.RIGHT : SWT.LEFT);
			column.setText(names[i]);
			column.setToolTipText(NLS.bind(Messages.Queue_sortTip, names[i]));
			column.setMoveable(true);
			int index = i;
			column.addListener(SWT.Selection, e -> sortBy(index));
			columns[i] = column;
		}
		// what an officer scans first stays in view in a narrow part: the mismatch and 秒批/容缺 columns
		// come right after the deadline (display order only: the column indexes stay as they are)
		table.setColumnOrder(new int[] { 0, QueueCells.DEADLINE_COLUMN, QueueCells.MISMATCH_COLUMN,
				QueueCells.MARKERS_COLUMN, 2, 3, 4, 7 });
		ColumnWidths.initial(table);
		showSavedFilters(null);
		table.addListener(SWT.SetData, e -> {
			TableItem item = (TableItem) e.item;
			int index = table.indexOf(item);
			QueueRow row = rows == null ? null : rows.get(index);
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
		Composite bar = new Composite(parent, SWT.NONE);
		// three rows, so a narrow queue (40 % of 1280 pixels) shows every control whole: search;
		// matter and status; saved filters and the count
		GridLayout layout = new GridLayout(4, false);
		layout.marginWidth = 4;
		layout.marginHeight = 2;
		bar.setLayout(layout);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		search = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
		search.setMessage(Messages.Queue_searchHint);
		GridData searchData = new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1);
		search.setLayoutData(searchData);
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
		new Label(bar, SWT.NONE).setText(Messages.Queue_matter);
		matterFilter = new Combo(bar, SWT.READ_ONLY);
		matterFilter.add(Messages.Queue_allMatters);
		for (String code : matters.matterCodes()) {
			matterFilter.add(matters.name(code));
		}
		matterFilter.select(0);
		GridData md = new GridData(SWT.FILL, SWT.CENTER, true, false);
		md.widthHint = 120;
		matterFilter.setLayoutData(md);
		matterFilter.addListener(SWT.Selection, e -> reloadByHand());
		new Label(bar, SWT.NONE).setText(Messages.Queue_status);
		statusFilter = new Combo(bar, SWT.READ_ONLY);
		statusFilter.add(Messages.Queue_openStatuses);
		for (DossierStatus s : STATUS_CHOICES) {
			statusFilter.add(Texts.of(s));
		}
		statusFilter.select(0);
		GridData sd = new GridData(SWT.FILL, SWT.CENTER, true, false);
		sd.widthHint = 110;
		statusFilter.setLayoutData(sd);
		statusFilter.addListener(SWT.Selection, e -> reloadByHand());
		saved = new SavedFilterBar(bar, this::apply, () -> run(SaveFilterHandler.ID), () -> run(RenameFilterHandler.ID),
				() -> run(DeleteFilterHandler.ID));
		count = new Label(bar, SWT.NONE);
		count.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
	}

	@Inject
	void session(@Optional Officer signedIn) {
		officer = signedIn;
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
		int selected = table.getSelectionIndex();
		reload();
		if (selected >= 0 && selected < table.getItemCount()) {
			table.setSelection(selected);
		}
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
		emptyState.setVisible(!signedIn);
		((GridData) emptyState.getLayoutData()).exclude = signedIn;
		table.setSortColumn(columns[sortColumn]);
		table.setSortDirection(descending ? SWT.DOWN : SWT.UP);
		table.clearAll();
		if (!signedIn) {
			rows = null;
			table.setItemCount(0);
			count.setText(""); //$NON-NLS-1$
			root.layout(true, true);
			return;
		}
		rows = new QueueRows(service, matters, officer, new QueueQuery(statuses(), matterCode(), search.getText(), 0, sort, descending), ChinaTime.today());
		try {
			rows.get(0);
		} catch (RuntimeException e) {
			rows = null;
			table.setItemCount(0);
			count.setText(NLS.bind(Messages.Queue_failed, e.getMessage()));
			root.layout(true, true);
			return;
		}
		updateCount();
		if (!fitted && rows.known() > 0) {
			fitted = true; // once: columns that jump at every filter change are worse than a tight one
			ColumnWidths.fit(table, cells, rows);
		}
		if (table.getItemCount() > 0) {
			table.setSelection(0);
			selection.setSelection(selectedRow() == null ? null : selectedRow().dossier());
		}
		root.layout(true, true);
	}

	private void growIfNeeded(int index) {
		if (rows != null && rows.hasMore() && index >= rows.known() - QueueQuery.PAGE_SIZE / 2) {
			// the next page is near: let the table know there is more to scroll to
			table.getDisplay().asyncExec(() -> {
				if (!table.isDisposed() && rows != null) {
					rows.get(rows.known());
					updateCount();
				}
			});
		}
	}

	private void updateCount() {
		int n = rows.known();
		table.setItemCount(n);
		count.setText(NLS.bind(rows.hasMore() ? Messages.Queue_countMore : Messages.Queue_count, n));
		count.getParent().layout();
	}

	/** A header click: by that column, or the other way round if it is the sorted one already. */
	private void sortBy(int column) {
		boolean reverse = column == sortColumn && !descending;
		sort = QueueCells.sortOf(column);
		sortColumn = column;
		descending = reverse;
		reloadByHand();
	}

	/** Orders the queue (the store sorts, any size) and reads it afresh from the first page. */
	public void sort(QueueSort order, boolean reversed) {
		sort = order;
		sortColumn = QueueCells.columnOf(order);
		descending = reversed;
		reloadByHand();
	}

	public QueueSort sortOrder() {
		return sort;
	}

	public boolean isDescending() {
		return descending;
	}

	/** The sort menu (Ctrl+Shift+O): every column, the current one checked; choosing it again reverses it. */
	public void showSortMenu() {
		org.eclipse.swt.widgets.Menu menu = new org.eclipse.swt.widgets.Menu(table);
		for (int i = 0; i < columns.length; i++) {
			// push items, the sorted one marked: radio items also fire when they lose the selection
			org.eclipse.swt.widgets.MenuItem item = new org.eclipse.swt.widgets.MenuItem(menu, SWT.PUSH);
			boolean current = i == sortColumn;
			item.setText(current ? columns[i].getText() + (descending ? "  \u25bc" : "  \u25b2") : columns[i].getText()); //$NON-NLS-1$ //$NON-NLS-2$
			int index = i;
			item.addListener(SWT.Selection, e -> sortBy(index));
		}
		// disposed once closed, after its item ran (GTK hides a menu before the item's selection arrives)
		menu.addListener(SWT.Hide, e -> menu.getDisplay().asyncExec(menu::dispose));
		menu.setLocation(table.toDisplay(0, table.getHeaderHeight()));
		menu.setVisible(true);
	}

	private void reloadByHand() {
		if (!applying) {
			saved.clearChoice();
		}
		reload();
	}

	/** The filter bar and the order as they are, under {@code name}. */
	public SavedFilter currentFilter(String name) {
		return new SavedFilter(name, statuses(), matterCode(), search.getText(), sort, descending); //$NON-NLS-1$
	}

	/** Sets the filter bar and the order to {@code f} and reads the queue. */
	public void apply(SavedFilter f) {
		applying = true;
		try {
			matterFilter.select(f.matterCode() == null ? 0 : matters.matterCodes().indexOf(f.matterCode()) + 1);
			statusFilter.select(f.statuses().size() == 1 ? STATUS_CHOICES.indexOf(f.statuses().iterator().next()) + 1 : 0);
			search.setText(f.text() == null ? "" : f.text()); //$NON-NLS-1$
			sort = f.sort();
			sortColumn = QueueCells.columnOf(sort);
			descending = f.descending();
			showSavedFilters(f.name());
			reload();
		} finally {
			applying = false;
		}
	}

	/** The signed-in officer's saved filters, or null when no one is signed in. */
	public SavedFilters savedFilters() {
		return officer == null ? null : SavedFilters.of(officer.id());
	}

	/** Refreshes the saved filters' combo, {@code current} chosen. */
	public void showSavedFilters(String current) {
		SavedFilters all = savedFilters();
		saved.show(all == null ? List.of() : all.all(), current);
	}

	/** Saves the filter bar and the order as {@code name} (replacing one of that name) and shows it chosen. */
	public void saveFilter(String name) {
		SavedFilter f = currentFilter(name);
		savedFilters().save(f);
		showSavedFilters(f.name());
	}

	public void renameFilter(String from, String to) {
		savedFilters().rename(from, to);
		showSavedFilters(to.strip());
	}

	public void deleteFilter(String name) {
		savedFilters().delete(name);
		showSavedFilters(null);
	}

	/** The saved filter chosen in the combo, or null. */
	public SavedFilter chosenFilter() {
		return saved.selected();
	}

	/** Ctrl+Shift+F: to the saved filters, list open, arrow keys apply. */
	public void focusSavedFilters() {
		saved.focus();
	}

	public Combo getSavedFilterCombo() {
		return saved.combo();
	}

	private void run(String commandId) {
		org.eclipse.e4.core.commands.ECommandService commands = context.get(org.eclipse.e4.core.commands.ECommandService.class);
		org.eclipse.e4.core.commands.EHandlerService handlers = context.get(org.eclipse.e4.core.commands.EHandlerService.class);
		handlers.executeHandler(commands.createCommand(commandId, null));
	}

	private Set<DossierStatus> statuses() {
		int i = statusFilter.getSelectionIndex();
		return i <= 0 ? QueueQuery.OPEN : EnumSet.of(STATUS_CHOICES.get(i - 1));
	}

	private String matterCode() {
		int i = matterFilter.getSelectionIndex();
		return i <= 0 ? null : matters.matterCodes().get(i - 1);
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
		matterFilter.select(matter == null ? 0 : matters.matterCodes().indexOf(matter) + 1);
		statusFilter.select(status == null ? 0 : STATUS_CHOICES.indexOf(status) + 1);
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

	public QueueRows getRows() {
		return rows;
	}

	public EmptyState getEmptyState() {
		return emptyState;
	}
}
