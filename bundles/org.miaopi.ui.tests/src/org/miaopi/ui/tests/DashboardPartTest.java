package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.NumberFormat;
import java.util.List;

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
