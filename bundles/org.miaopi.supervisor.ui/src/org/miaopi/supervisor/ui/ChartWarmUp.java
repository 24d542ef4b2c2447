package org.miaopi.supervisor.ui;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.jfree.chart.JFreeChart;
import org.miaopi.supervision.Dashboard;
import org.miaopi.supervision.Dashboard.Figures;
import org.miaopi.supervision.Dashboard.Week;
import org.miaopi.supervision.SupervisionService;

/**
 * Draws the dashboard's four charts once, off the screen and off the UI thread, while the workbench starts
 * and the sign-in waits. The first drawing of a process pays for work that has nothing to do with the figures:
 * the SWT bridge's Swing panel (its font metrics), Java2D's text measuring and shaping, JFreeChart's classes,
 * all cold. Paid here, the dashboard a supervisor opens on after signing in paints in the time its figures
 * take, not in seconds. Nothing is shown and nothing is kept but what the JVM keeps; a failure only means the
 * first painting pays as before. The officers' names of the supervisor's tables are read first.
 */
final class ChartWarmUp extends Job {

	private static final int WIDTH = 420;
	private static final int HEIGHT = 300;

	private final SupervisionService service;

	private ChartWarmUp(SupervisionService service) {
		super("Preparing the dashboard's charts"); //$NON-NLS-1$ a system job: never shown
		this.service = service;
		setSystem(true);
		setPriority(DECORATE);
	}

	/**
	 * Sets the charts' theme (it needs the display's font) and starts the drawing in the background, after
	 * reading the officers' names the dashboard's overdue list shows ({@link KnownNames}).
	 */
	static void start(Display display, SupervisionService service) {
		Charts.theme(display);
		new ChartWarmUp(service).schedule();
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		KnownNames.read(service);
		Figures f = sample(LocalDate.now());
		JFreeChart[] charts = { Charts.volume(f), Charts.onTime(f), Charts.shares(f), Charts.refusals(f, code -> code) };
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		// the bridge measures text with a Swing panel it makes when first used: made here, not at the first paint
		org.jfree.swt.SWTUtils.toAwtPoint(new org.eclipse.swt.graphics.Point(WIDTH, HEIGHT));
		for (int i = 0; i < charts.length && !monitor.isCanceled(); i++) {
			Graphics2D g2 = image.createGraphics();
			try {
				charts[i].draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
			} finally {
				g2.dispose();
			}
		}
		return Status.OK_STATUS;
	}

	/** Figures shaped like a real reading (two departments over the charts' weeks, refusals), the numbers made up. */
	static Figures sample(LocalDate today) {
		LocalDate from = Dashboard.firstMonday(today, DashboardPart.WEEKS);
		List<Week> weeks = new ArrayList<>();
		for (int w = 0; w < DashboardPart.WEEKS; w++) {
			LocalDate monday = from.plusWeeks(w);
			weeks.add(new Week("A", monday, 40 + w, 30 + w, 28, 12, 18, 1)); //$NON-NLS-1$
			weeks.add(new Week("B", monday, 25 + w, 20, 15 + w % 3, 8, 12, 0)); //$NON-NLS-1$
		}
		return new Figures(today, from, List.of(), List.of(), weeks, 400, 160, 240, 8,
				Map.of("R01", 12, Dashboard.NO_REASON, 2)); //$NON-NLS-1$
	}
}
