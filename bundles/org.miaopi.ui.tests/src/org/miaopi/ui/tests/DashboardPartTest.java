package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.NumberFormat;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.ui.advanced.MPlaceholder;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.model.Officer;
import org.miaopi.supervision.Dashboard;
import org.miaopi.supervision.DashboardSnapshots;
import org.miaopi.supervision.Signal;
import org.miaopi.supervision.SupervisionService;
import org.miaopi.supervisor.ui.DashboardPart;
import org.miaopi.supervisor.ui.Messages;

/**
 * The dashboard as the city supervisor opens it: first in the Supervisor perspective, the open
 * dossiers by signal, the overdue list and the four charts, with the figures the supervision service
 * computes; an officer sees none of it.
 */
class DashboardPartTest {

	static final String CITY = "city.supervisor";

	@AfterEach
	void signOut() {
		DeskFixture.session().signOut();
		Workbench.processEvents();
	}

	private static Composite open() {
		return Workbench.showPart(DashboardPart.ID, DashboardPart.JOBS, "the dashboard");
	}

	@Test
	void theCitySupervisorSeesTheFiguresAndChartsOfEveryDepartment() {
		DeskFixture.signIn(CITY);
		MPlaceholder placeholder = Workbench.find("org.miaopi.ui.placeholder.sDashboard", MPlaceholder.class);
		assertNotNull(placeholder);
		assertSame(placeholder, placeholder.getParent().getChildren().get(0), "first in the perspective's main stack");
		assertSame(placeholder, placeholder.getParent().getSelectedElement(),
				"signing in switches to the Supervisor perspective, which opens on the dashboard, not on the shared queue");
		Composite root = open();
		Officer city = DeskFixture.officer(CITY);
		Dashboard.Figures f = DeskFixture.service(SupervisionService.class).dashboard(city, null, DashboardPart.WEEKS,
				ChinaTime.today());
		assertTrue(f.open() > 0 && f.decided() > 0, "the demo has open and decided dossiers");
		String summary = NLS.bind(Messages.Dashboard_open, new Object[] { f.open(), f.open(Signal.WARNING),
				f.open(Signal.YELLOW), f.open(Signal.RED), f.overdue().size() });
		assertTrue(Widgets.all(root, Label.class).stream().anyMatch(l -> l.getText().equals(summary)),
				summary + " in " + Widgets.all(root, Label.class).stream().map(Label::getText).toList());
		NumberFormat percent = NumberFormat.getPercentInstance();
		percent.setMaximumFractionDigits(1);
		String share = percent.format(f.automaticShare());
		assertTrue(Widgets.all(root, Label.class).stream().anyMatch(l -> l.getText().contains(share)), "秒批 share " + share);

		Table signals = Widgets.all(root, Table.class).get(0);
		assertEquals(f.signals().size(), signals.getItemCount());
		Dashboard.SignalRow first = f.signals().get(0);
		org.miaopi.ui.api.MatterCatalog matters = Workbench.application().getContext().get(org.miaopi.ui.api.MatterCatalog.class);
		String name = matters.name(first.matter());
		assertFalse(name.equals(first.matter()), "the matter's name, not its code " + first.matter());
		assertEquals(List.of(first.department(), name, "" + first.green(), "" + first.warning(), "" + first.yellow(),
				"" + first.red()), List.of(signals.getItem(0).getText(0), signals.getItem(0).getText(1),
						signals.getItem(0).getText(2), signals.getItem(0).getText(3), signals.getItem(0).getText(4),
						signals.getItem(0).getText(5)));
		assertTrue(f.signals().stream().map(Dashboard.SignalRow::department).distinct().count() > 1,
				"a city supervisor sees more than one department");
		Table overdue = Widgets.all(root, Table.class).get(1);
		assertEquals(Math.min(DashboardPart.OVERDUE_ROWS, f.overdue().size()), overdue.getItemCount());
		if (!f.overdue().isEmpty()) {
			assertEquals(matters.name(f.overdue().get(0).matter()), overdue.getItem(0).getText(2), "the overdue list names matters too");
		}

		List<Canvas> charts = Widgets.all(root, Canvas.class).stream().filter(c -> c.getData(DashboardPart.CHART) != null)
				.toList();
		assertEquals(List.of(Messages.Chart_volume, Messages.Chart_onTime, Messages.Chart_shares, Messages.Chart_refusals),
				charts.stream().map(Canvas::getToolTipText).toList());
		assertTrue(charts.stream().allMatch(c -> c.getSize().x > 0 && c.getSize().y > 0), "the charts have room to draw");
		// refusals by reason as the matters word them, not by code
		org.jfree.chart.JFreeChart refusals = (org.jfree.chart.JFreeChart) charts.get(3).getData(DashboardPart.CHART);
		org.miaopi.supervision.Names names = DeskFixture.service(SupervisionService.class)
				.names(org.miaopi.ui.api.Texts.chinese() ? java.util.Locale.CHINA : java.util.Locale.ENGLISH);
		assertFalse(f.refusals().isEmpty(), "the demo refused some dossiers in the charts' weeks");
		assertEquals(f.refusals().keySet().stream().map(code -> code.equals(Dashboard.NO_REASON) ? Messages.Dashboard_noReason
				: names.reason(code)).toList(), refusals.getCategoryPlot().getDataset().getColumnKeys());
		assertTrue(f.refusals().keySet().stream().noneMatch(code -> names.reason(code).equals(code)),
				"every reason the demo gives is one the matters define: " + f.refusals().keySet());
	}

	@Test
	void keptFiguresArePaintedAtOnceWithTheirTimeThenTheFreshOnes() {
		DeskFixture.signIn(CITY); // the demo desk's users are there once someone signed in
		Officer city = DeskFixture.officer(CITY);
		DeskFixture.session().signOut();
		Workbench.settle(DashboardPart.JOBS, "the dashboard");
		assertNotNull(DeskFixture.service(org.miaopi.core.supervision.SupervisionRecords.class).changesSince(-1),
				"the desk's record tells what changed, so an opening after the first is a kept reading");
		java.time.LocalDate today = ChinaTime.today();
		Dashboard.Figures fresh = DeskFixture.service(SupervisionService.class).dashboard(city, null, DashboardPart.WEEKS, today);
		// kept at 09:12 today (as the service keeps them), different from the fresh ones so that each is told apart
		Dashboard.Figures old = new Dashboard.Figures(today, fresh.from(), List.of(new Dashboard.SignalRow("SZPSB", "GRAD-HUKOU", 1, 2,
				3, 4)), List.of(), List.of(), 7, 3, 2, 1, java.util.Map.of("KEPT-ONLY", 7));
		java.time.Instant nineTwelve = today.atTime(9, 12).atZone(ChinaTime.ZONE).toInstant();
		DashboardSnapshots.inHome().write(city, null, old, nineTwelve);
		Composite root;
		Job.getJobManager().suspend(); // the fresh figures wait: what the supervisor sees first
		try {
			DeskFixture.signIn(CITY);
			root = (Composite) Workbench.showPartNow(DashboardPart.ID);
			Label asOf = Widgets.labelMatching(root, NLS.bind(Messages.Dashboard_asOfUpdating, "09:12"));
			assertNotNull(asOf, "the kept figures' time: " + labels(root));
			assertTrue(labels(root).contains(NLS.bind(Messages.Dashboard_open, new Object[] { 10, 2, 3, 4, 0 })), labels(root).toString());
			Table signals = Widgets.all(root, Table.class).get(0);
			assertEquals(1, signals.getItemCount());
			assertEquals("4", signals.getItem(0).getText(5), "the kept red cards");
			assertFalse(button(root).isEnabled(), "Refresh waits while the fresh figures are computed");
			assertTrue(Widgets.all(root, Canvas.class).stream().filter(c -> c.getData(DashboardPart.CHART) != null).count() == 4,
					"the charts drawn from the kept figures");
		} finally {
			Job.getJobManager().resume();
		}
		Workbench.settle(DashboardPart.JOBS, "the dashboard");
		String now = NLS.bind(Messages.Dashboard_open, new Object[] { fresh.open(), fresh.open(Signal.WARNING),
				fresh.open(Signal.YELLOW), fresh.open(Signal.RED), fresh.overdue().size() });
		assertTrue(labels(root).contains(now), "the fresh figures replace the kept ones: " + labels(root));
		assertTrue(labels(root).stream().noneMatch(l -> l.contains(NLS.bind(Messages.Dashboard_asOfUpdating, "09:12"))), labels(root).toString());
		String asOf = NLS.bind(Messages.Dashboard_asOf, ""); //$NON-NLS-1$
		assertTrue(labels(root).stream().anyMatch(l -> l.startsWith(asOf) && l.substring(asOf.length()).matches("\\d\\d:\\d\\d")),
				"the fresh figures' time, not updating: " + labels(root));
		assertEquals(fresh.signals().size(), Widgets.all(root, Table.class).get(0).getItemCount());
		assertTrue(button(root).isEnabled());

		// kept on an earlier day: shown as that day's, never as today's, until today's are in
		DashboardSnapshots.inHome().write(city, null, new Dashboard.Figures(today.minusDays(1), fresh.from().minusDays(1), List.of(),
				List.of(), List.of(), 0, 0, 0, 0, java.util.Map.of()), nineTwelve.minus(java.time.Duration.ofDays(1)));
		Job.getJobManager().suspend();
		try {
			button(root).notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
			Workbench.processEvents();
			String day = java.time.format.DateTimeFormatter.ofPattern(Messages.Dashboard_dayTime, java.util.Locale.ENGLISH)
					.format(today.minusDays(1).atTime(9, 12));
			assertNotNull(Widgets.labelMatching(root, NLS.bind(Messages.Dashboard_earlierUpdating, day)), labels(root).toString());
		} finally {
			Job.getJobManager().resume();
		}
		Workbench.settle(DashboardPart.JOBS, "the dashboard");
		assertTrue(labels(root).contains(now), labels(root).toString());
	}

	private static List<String> labels(Composite root) {
		return Widgets.all(root, Label.class).stream().map(Label::getText).toList();
	}

	private static org.eclipse.swt.widgets.Button button(Composite root) {
		return Widgets.all(root, org.eclipse.swt.widgets.Button.class).stream()
				.filter(b -> b.getText().equals(Messages.Dashboard_refresh)).findFirst().orElseThrow();
	}

	@Test
	void anOfficerSeesNoDashboard() {
		DeskFixture.signIn(DeskFixture.OFFICER);
		MPart part = Workbench.find(DashboardPart.ID, MPart.class);
		if (part != null && part.getWidget() instanceof Composite root && !root.isDisposed()) {
			Label hint = Widgets.labelMatching(root, Messages.Part_signedOut);
			assertNotNull(hint);
			assertTrue(((org.eclipse.swt.custom.StackLayout) root.getLayout()).topControl == hint,
					"an officer gets the hint, not the figures");
		}
	}
}
