package org.miaopi.supervisor.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.jobs.Job;
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
import org.miaopi.supervision.DashboardSnapshots;
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
	/** The fresh figures are computed once the kept ones are painted, or after this long at the latest. */
	static final int FRESH_AT_LATEST_MS = 1_000;

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
	/** When the figures shown were computed, and whether fresher ones are coming. */
	private Label asOf;
	private Label summary;
	private Label shares;
	private Button refresh;
	private Table signals;
	private Table overdue;
	private ChartCanvas volume;
	private ChartCanvas onTime;
	private ChartCanvas rates;
	private ChartCanvas refusals;
	/** The fresh figures' computation, waiting for the kept figures to be painted; else null. */
	private Job pendingFresh;
	/** The kept figures on the screen while the fresh ones are computed, else null. */
	private DashboardSnapshots.Kept shownKept;
	private boolean drawnKept;
	private long drawnAt;
	private long paintedAt;
	private volatile long computeNanos;
	private Timings timings = new Timings(System.nanoTime(), 0, 0, 0, 0);

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
		title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		Composite state = new Composite(content, SWT.NONE);
		state.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		GridLayout stateLayout = new GridLayout(2, false);
		stateLayout.marginWidth = 0;
		stateLayout.marginHeight = 0;
		state.setLayout(stateLayout);
		asOf = new Label(state, SWT.RIGHT);
		asOf.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		refresh = new Button(state, SWT.PUSH);
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
		for (ChartCanvas c : charts()) {
			c.onPaint(this::painted);
		}
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

	/**
	 * Paints the figures kept from the last computation at once, labelled with their time (also those of an
	 * earlier day, said so), and computes the fresh ones in the background once those are painted; with nothing
	 * kept it says it is computing. The button waits meanwhile.
	 */
	void load() {
		SupervisionService s = service;
		Officer v = officer;
		if (s == null || v == null) {
			return;
		}
		refresh.setEnabled(false);
		java.time.LocalDate today = ChinaTime.today();
		DashboardSnapshots.Kept kept = kept(s, v, today);
		shownKept = kept;
		if (kept != null) {
			draw(kept.figures(), kept.overdue());
			String when = when(kept.at(), kept.current());
			asOf.setText(NLS.bind(kept.current() ? Messages.Dashboard_asOfUpdating : Messages.Dashboard_earlierUpdating, when));
			asOf.setForeground(asOf.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
		} else {
			asOf.setText(""); //$NON-NLS-1$
			summary.setText(Messages.Dashboard_loading);
		}
		refresh.setEnabled(false);
		content.layout(true, true);
		// The computation reads the whole store and takes the other core: it waits until the kept figures are on the
		// screen, so that they are painted without it. A part hidden behind another never paints: it starts anyway.
		pendingFresh = Background.run("dashboard", content, kept == null ? 0 : FRESH_AT_LATEST_MS, () -> { //$NON-NLS-1$
			long t = System.nanoTime();
			Figures f = s.dashboard(v, null, WEEKS, today);
			computeNanos = System.nanoTime() - t;
			KnownNames.read(s);
			return new Fresh(f, Instant.now());
		}, got -> {
			shownKept = null;
			draw(got.figures(), got.figures().overdue().size());
			asOf.setText(NLS.bind(Messages.Dashboard_asOf, when(got.at(), true)));
			asOf.setForeground(null);
			content.layout(true, true);
		}, why -> {
			if (shownKept != null) {
				asOf.setText(NLS.bind(Messages.Dashboard_notUpdated, when(shownKept.at(), shownKept.current()), why));
				asOf.setForeground(asOf.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
			} else {
				summary.setText(NLS.bind(Messages.Failed, why));
			}
			refresh.setEnabled(true);
			content.layout(true, true);
		});
	}

	/** Starts the fresh figures' computation now if it waits for the kept figures to be painted. */
	private void startFresh() {
		Job waiting = pendingFresh;
		pendingFresh = null;
		if (waiting != null) {
			waiting.wakeUp();
		}
	}

	private record Fresh(Figures figures, Instant at) {
	}

	/** The kept figures of this viewer and scope; none when unreadable (the service logged why). */
	private static DashboardSnapshots.Kept kept(SupervisionService s, Officer v, java.time.LocalDate today) {
		try {
			return s.keptDashboard(v, null, today).orElse(null);
		} catch (RuntimeException e) {
			return null; // the fresh computation says what is wrong
		}
	}

	private static String when(Instant at, boolean today) {
		return DateTimeFormatter.ofPattern(today ? "HH:mm" : Messages.Dashboard_dayTime, Locale.ENGLISH) //$NON-NLS-1$ a time reads alike in both languages
				.format(at.atZone(ChinaTime.ZONE));
	}

	private ChartCanvas[] charts() {
		return new ChartCanvas[] { volume, onTime, rates, refusals };
	}

	/** After a chart's paint: the first time all four show the figures drawn, that drawing is on the screen. */
	private void painted() {
		if (drawnAt == 0 || paintedAt != 0) {
			return;
		}
		for (ChartCanvas c : charts()) {
			if (!c.painted()) {
				return;
			}
		}
		paintedAt = System.nanoTime();
		if (drawnKept) {
			long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
			timings = new Timings(timings.created(), paintedAt, timings.fresh(), timings.computeNanos(), cpu);
			startFresh();
		} else {
			timings = new Timings(timings.created(), timings.kept(), paintedAt, computeNanos, timings.keptCpu());
		}
	}

	/**
	 * When this part was made, and when the kept and the fresh figures' charts were last on the screen
	 * ({@link System#nanoTime()}, 0 for not yet), how long the fresh figures' computation took, and the UI
	 * thread's CPU time when the kept figures were painted: for {@code ./miaopi bench dashboard}.
	 */
	public record Timings(long created, long kept, long fresh, long computeNanos, long keptCpu) {
	}

	public Timings timings() {
		return timings;
	}

	/** Forgets the last timings (a bench opening the part again times it anew). */
	public void resetTimings() {
		timings = new Timings(System.nanoTime(), 0, 0, 0, 0);
	}

	private void draw(Figures f, int overdueCount) {
		drawnAt = System.nanoTime();
		paintedAt = 0;
		drawnKept = shownKept != null;
		NumberFormat percent = NumberFormat.getPercentInstance();
		percent.setMaximumFractionDigits(1);
		summary.setText(NLS.bind(Messages.Dashboard_open, new Object[] { f.open(), f.open(org.miaopi.supervision.Signal.WARNING),
				f.open(org.miaopi.supervision.Signal.YELLOW), f.open(org.miaopi.supervision.Signal.RED), overdueCount }));
		shares.setText(NLS.bind(Messages.Dashboard_shares, new Object[] { percent.format(f.automaticShare()),
				percent.format(f.overrideRate()), f.decided(), f.from(), f.today() }));
		signals.removeAll();
		for (Dashboard.SignalRow r : f.signals()) {
			row(signals, r.department(), matter(r.matter()), r.green(), r.warning(), r.yellow(), r.red());
		}
		overdue.removeAll();
		List<Dashboard.Overdue> late = f.overdue();
		for (Dashboard.Overdue o : late.subList(0, Math.min(OVERDUE_ROWS, late.size()))) {
			row(overdue, o.dossierNo(), o.department(), matter(o.matter()), KnownNames.officer(o.officer()), o.over(), o.age());
		}
		volume.show(Charts.volume(f));
		onTime.show(Charts.onTime(f));
		rates.show(Charts.shares(f));
		refusals.show(Charts.refusals(f, KnownNames::reason));
		refresh.setEnabled(!drawnKept);
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
