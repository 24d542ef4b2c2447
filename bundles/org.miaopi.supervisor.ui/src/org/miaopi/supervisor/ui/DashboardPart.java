package org.miaopi.supervisor.ui;

import java.text.NumberFormat;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.supervision.Dashboard;
import org.miaopi.supervision.Dashboard.Figures;
import org.miaopi.supervision.SupervisionService;

/**
 * The supervisor's dashboard (监察看板), the part the Supervisor perspective opens on: open dossiers by
 * signal per department and matter, the overdue list, and charts of the last weeks. The figures come
 * from {@link SupervisionService#dashboard}, read in a background job; this part only draws them.
 */
public class DashboardPart {

	public static final String ID = "org.miaopi.ui.part.dashboard"; //$NON-NLS-1$
	/** The family of the part's jobs, for tests to wait on. */
	public static final Object JOBS = Background.FAMILY;
	/** The key of the JFreeChart each chart canvas holds as its data. */
	public static final String CHART = ChartCanvas.CHART;
	/** Weeks the charts cover, this one included. */
	public static final int WEEKS = 8;
	/** The overdue list shows the most overdue first, this many at most. */
	public static final int OVERDUE_ROWS = 200;

	@Inject
	@Optional
	private SupervisionService service;

	/** Matter names in the workbench's language; a supervisor reads names, not codes. */
	@Inject
	@Optional
	private org.miaopi.ui.api.MatterCatalog matters;

	private Officer officer;
	private Composite parent;
	private StackLayout stack;
	private Label signedOut;
	private Composite content;
	private Label title;
	private Label summary;
	private Label shares;
	private Button refresh;
	private Table signals;
	private Table overdue;
	private ChartCanvas volume;
	private ChartCanvas onTime;
	private ChartCanvas rates;
	private ChartCanvas refusals;

	@PostConstruct
	public void createControls(Composite parent) {
		this.parent = parent;
		Charts.theme(parent.getDisplay());
		stack = new StackLayout();
		parent.setLayout(stack);
		signedOut = new Label(parent, SWT.WRAP);
		signedOut.setText(Messages.Part_signedOut);
		content = new Composite(parent, SWT.NONE);
		content.setLayout(new GridLayout(4, true));
		title = new Label(content, SWT.NONE);
		title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		refresh = new Button(content, SWT.PUSH);
		refresh.setText(Messages.Dashboard_refresh);
		refresh.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
		refresh.addListener(SWT.Selection, e -> load());
		summary = new Label(content, SWT.NONE);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		shares = new Label(content, SWT.NONE);
		shares.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		// left the dossiers open now, right the charts of the last weeks
		SashForm sash = new SashForm(content, SWT.HORIZONTAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
		SashForm left = new SashForm(sash, SWT.VERTICAL); // both tables keep a share however long the lists
		signals = Tables.create(left, SWT.NONE, new String[] { Messages.Col_department, Messages.Col_matter,
				Messages.Signal_GREEN, Messages.Signal_WARNING, Messages.Signal_YELLOW, Messages.Signal_RED },
				new int[] { 80, 190, 55, 55, 55, 55 }); // matters by name: English names are long
		overdue = Tables.create(left, SWT.NONE, new String[] { Messages.Col_dossier, Messages.Col_department,
				Messages.Col_matter, Messages.Col_officer, Messages.Dashboard_overBy, Messages.Dashboard_age },
				new int[] { 145, 70, 165, 95, 80, 80 });
		left.setWeights(45, 55);
		Composite right = new Composite(sash, SWT.NONE);
		right.setLayout(new GridLayout(2, true));
		volume = new ChartCanvas(right);
		onTime = new ChartCanvas(right);
		rates = new ChartCanvas(right);
		refusals = new ChartCanvas(right);
		sash.setWeights(42, 58);
		show();
	}

	@Inject
	void session(@Optional Officer signedIn) {
		officer = signedIn;
		if (parent != null && !parent.isDisposed()) {
			show();
		}
	}

	private void show() {
		boolean supervisor = officer != null && officer.hasRole(Role.SUPERVISOR) && service != null;
		stack.topControl = supervisor ? content : signedOut;
		parent.layout(true, true);
		if (supervisor) {
			title.setText(NLS.bind(Messages.Dashboard_title, officer.hasRole(Role.CITY_SUPERVISOR)
					? Messages.Part_allDepartments : officer.departmentCode()));
			load();
		}
	}

	/** Reads the figures in the background and draws them; the button waits meanwhile. */
	void load() {
		SupervisionService s = service;
		Officer v = officer;
		if (s == null || v == null) {
			return;
		}
		refresh.setEnabled(false);
		summary.setText(Messages.Dashboard_loading);
		Background.run("dashboard", content, () -> s.dashboard(v, null, WEEKS, ChinaTime.today()), //$NON-NLS-1$
				this::draw, why -> {
					summary.setText(NLS.bind(Messages.Failed, why));
					refresh.setEnabled(true);
				});
	}

	private void draw(Figures f) {
		NumberFormat percent = NumberFormat.getPercentInstance();
		percent.setMaximumFractionDigits(1);
		summary.setText(NLS.bind(Messages.Dashboard_open, new Object[] { f.open(), f.open(org.miaopi.supervision.Signal.WARNING),
				f.open(org.miaopi.supervision.Signal.YELLOW), f.open(org.miaopi.supervision.Signal.RED), f.overdue().size() }));
		shares.setText(NLS.bind(Messages.Dashboard_shares, new Object[] { percent.format(f.automaticShare()),
				percent.format(f.overrideRate()), f.decided(), f.from(), f.today() }));
		signals.removeAll();
		for (Dashboard.SignalRow r : f.signals()) {
			row(signals, r.department(), matter(r.matter()), r.green(), r.warning(), r.yellow(), r.red());
		}
		overdue.removeAll();
		List<Dashboard.Overdue> late = f.overdue();
		for (Dashboard.Overdue o : late.subList(0, Math.min(OVERDUE_ROWS, late.size()))) {
			row(overdue, o.dossierNo(), o.department(), matter(o.matter()), Tables.text(o.officer()), o.over(), o.age());
		}
		volume.show(Charts.volume(f));
		onTime.show(Charts.onTime(f));
		rates.show(Charts.shares(f));
		refusals.show(Charts.refusals(f));
		refresh.setEnabled(true);
		content.layout(true, true);
	}

	private String matter(String code) {
		return Tables.matter(matters, code);
	}

	private static void row(Table t, Object... cells) {
		TableItem item = new TableItem(t, SWT.NONE);
		for (int i = 0; i < cells.length; i++) {
			item.setText(i, String.valueOf(cells[i]));
		}
	}
}
