package org.miaopi.supervisor.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.miaopi.core.model.Officer;
import org.miaopi.ui.lifecycle.UiBench;

/**
 * {@code ./miaopi bench dashboard}, inside the workbench signed in as a supervisor: the dashboard's first
 * opening (made at sign-in, as the Supervisor perspective opens on it) and then {@code miaopi.bench.opens}
 * openings of the part (closed and shown again), each timed from the part's making until its four charts
 * are on the screen with the kept figures, and until they are with the fresh ones; beside it the fresh
 * figures' computation ({@code SupervisionService.dashboard}, in its background job). Prints
 * {@code MIAOPI-BENCH} lines.
 */
final class DashboardBench {

	private static final String OUT = "MIAOPI-BENCH "; //$NON-NLS-1$
	/** A bound against a hang (the first reading of a day on a loaded machine takes a minute), not a timing. */
	private static final long WAIT_NANOS = 15 * 60 * 1_000_000_000L;

	private DashboardBench() {
	}

	static void run(EPartService parts, Officer officer) {
		Display display = Display.getCurrent();
		if (officer == null || parts == null) {
			print("ERROR nobody is signed in: start with -Dmiaopi.signin=<supervisor>"); //$NON-NLS-1$
			return;
		}
		int opens = Integer.getInteger("miaopi.bench.opens", 10); //$NON-NLS-1$
		print("signed in as " + officer.id() + " (" + officer.departmentCode() + ", " + officer.roles() + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		MPart part = parts.findPart(DashboardPart.ID);
		DashboardPart first = part == null ? null : (DashboardPart) part.getObject();
		if (first == null) {
			print("ERROR the dashboard did not open at sign-in"); //$NON-NLS-1$
			return;
		}
		DashboardPart.Timings t = await(display, first);
		print(String.format(Locale.ROOT, "first opening after start: kept figures painted %s, fresh figures painted %.1f ms, their computation %.1f ms", //$NON-NLS-1$
				t.kept() == 0 ? "never (nothing kept)" : String.format(Locale.ROOT, "%.1f ms", ms(t.created(), t.kept())), //$NON-NLS-1$ //$NON-NLS-2$
				ms(t.created(), t.fresh()), t.computeNanos() / 1e6));
		// the first opening is made while the window is: beside "start to first window", when its figures showed
		long firstPainted = t.kept() != 0 ? t.kept() : t.fresh();
		if (firstPainted != 0) {
			long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
			print(String.format(Locale.ROOT, "first opening after start: %s figures on the screen %.0f ms after the start of the JVM", //$NON-NLS-1$
					t.kept() != 0 ? "kept" : "fresh", uptime - (System.nanoTime() - firstPainted) / 1e6)); //$NON-NLS-1$ //$NON-NLS-2$
		}
		List<Double> kept = new ArrayList<>();
		List<Double> fresh = new ArrayList<>();
		List<Double> compute = new ArrayList<>();
		List<Double> keptCpu = new ArrayList<>();
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		for (int i = 0; i < opens; i++) {
			parts.hidePart(part);
			drain(display);
			long start = System.nanoTime();
			long cpu = threads.getCurrentThreadCpuTime();
			part = parts.showPart(DashboardPart.ID, EPartService.PartState.ACTIVATE);
			DashboardPart p = (DashboardPart) part.getObject();
			if (p == first) {
				print("ERROR the part was not made anew"); //$NON-NLS-1$
				return;
			}
			t = await(display, p);
			if (t.kept() != 0) {
				kept.add(ms(start, t.kept()));
				keptCpu.add((t.keptCpu() - cpu) / 1e6);
			}
			fresh.add(ms(start, t.fresh()));
			compute.add(t.computeNanos() / 1e6);
		}
		print(String.format(Locale.ROOT, "later openings (n=%d): kept figures painted %s (%d of %d had kept figures)", opens, //$NON-NLS-1$
				UiBench.stats(kept), kept.size(), opens));
		print(String.format(Locale.ROOT, "later openings: kept figures painted, the UI thread's CPU time %s", UiBench.stats(keptCpu))); //$NON-NLS-1$
		print(String.format(Locale.ROOT, "later openings: fresh figures painted %s", UiBench.stats(fresh))); //$NON-NLS-1$
		print(String.format(Locale.ROOT, "later openings: the fresh figures' computation (kept reading) %s", UiBench.stats(compute))); //$NON-NLS-1$
		print(String.format(Locale.ROOT, "load average at the end %.2f", //$NON-NLS-1$
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
	}

	/** Pumps the UI until the part has painted its fresh figures (or failed: then the timings say 0). */
	private static DashboardPart.Timings await(Display display, DashboardPart p) {
		long limit = System.nanoTime() + WAIT_NANOS;
		while (p.timings().fresh() == 0 && System.nanoTime() < limit) {
			if (!display.readAndDispatch()) {
				display.timerExec(5, () -> { });
				display.sleep();
			}
		}
		drain(display);
		return p.timings();
	}

	private static double ms(long from, long to) {
		return to == 0 ? Double.NaN : (to - from) / 1e6;
	}

	private static void drain(Display display) {
		while (display.readAndDispatch()) {
			// let the part paint
		}
	}

	private static void print(String line) {
		System.out.println(OUT + line);
	}
}
