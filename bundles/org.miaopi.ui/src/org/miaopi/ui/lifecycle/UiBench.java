package org.miaopi.ui.lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Display;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.ui.api.PartLayout;
import org.miaopi.ui.api.Topics;

/**
 * {@code ./miaopi bench ui}: inside the running workbench, signed in by -Dmiaopi.signin on a demo
 * store. Measures the queue's page time (one page of the queue plus its attention counts for the whole page, what
 * the virtual table fetches when a page scrolls into view), at the front and deep in the queue,
 * and opening a dossier until every part is filled, without and with the background PDF page.
 * Prints {@code MIAOPI-BENCH} lines, then closes the workbench.
 */
public final class UiBench {

	public static final String PROPERTY = "miaopi.bench"; //$NON-NLS-1$
	private static final String OUT = "MIAOPI-BENCH "; //$NON-NLS-1$

	private UiBench() {
	}

	public static void run(IEclipseContext context) {
		Display display = Display.getCurrent();
		try {
			Officer officer = context.get(Officer.class);
			DossierService service = context.get(DossierService.class);
			if (officer == null || service == null) {
				print("ERROR nobody is signed in: start with -Dmiaopi.signin=<officer> on a demo store"); //$NON-NLS-1$
				return;
			}
			int opens = Integer.getInteger("miaopi.bench.opens", 100); //$NON-NLS-1$
			print("signed in as " + officer.id() + " (" + officer.departmentCode() + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			List<Dossier> sample = queuePages(service, officer, opens);
			// the queue part measures its own content provider and table (it owns them); synchronous on this thread
			context.get(IEventBroker.class).send(Topics.BENCH_QUEUE, officer);
			openDossiers(context, display, service, officer, sample);
		} catch (RuntimeException e) {
			print("ERROR " + e); //$NON-NLS-1$
		} finally {
			System.out.flush();
			display.asyncExec(() -> context.get(IWorkbench.class).close());
		}
	}

	private static List<Dossier> queuePages(DossierService service, Officer officer, int wanted) {
		List<Dossier> sample = new ArrayList<>();
		List<Double> front = new ArrayList<>();
		List<Double> bare = new ArrayList<>();
		List<Double> perRow = new ArrayList<>();
		int page = 0;
		boolean more = true;
		for (; more && page < 20; page++) {
			long b = System.nanoTime();
			service.queue(officer, new QueueQuery(null, null, null, page));
			bare.add((System.nanoTime() - b) / 1e6);
			long r = System.nanoTime();
			QueuePage byRow = service.queue(officer, new QueueQuery(null, null, null, page));
			byRow.rows().forEach(d -> service.comparisons(officer, d.number()));
			perRow.add((System.nanoTime() - r) / 1e6);
			long t = System.nanoTime();
			QueuePage p = service.queue(officer, new QueueQuery(null, null, null, page));
			service.attentionCounts(officer, p.rows().stream().map(Dossier::number).toList());
			front.add((System.nanoTime() - t) / 1e6);
			more = p.hasMore();
			for (Dossier d : p.rows()) {
				if (sample.size() < wanted) {
					sample.add(d);
				}
			}
		}
		print(String.format(Locale.ROOT, "queue page, DossierService.queue alone, first %d pages: %s", bare.size(), //$NON-NLS-1$
				stats(bare)));
		print(String.format(Locale.ROOT, "queue page as the table fetches it (+ the page's attention counts, two look-ups): %s; ratio p50 %.2f", //$NON-NLS-1$
				stats(front), p50(front) / p50(bare)));
		print(String.format(Locale.ROOT, "reference, queue page + each row's comparisons (one query per row): %s; ratio p50 %.2f", //$NON-NLS-1$
				stats(perRow), p50(perRow) / p50(bare)));
		if (more) {
			// deep in the queue: OFFSET pages far from the front, as when the scroll thumb is dragged down
			List<Double> deep = new ArrayList<>();
			int last = page;
			for (int jump = 40; jump <= 100_000 && more; jump *= 2) {
				long t = System.nanoTime();
				QueuePage p = service.queue(officer, new QueueQuery(null, null, null, jump));
				service.attentionCounts(officer, p.rows().stream().map(Dossier::number).toList());
				if (p.rows().isEmpty()) {
					break;
				}
				deep.add((System.nanoTime() - t) / 1e6);
				last = jump;
				more = p.hasMore();
			}
			print(String.format(Locale.ROOT, "queue page deep in the queue (pages 40..%d, doubling): %s", last, stats(deep))); //$NON-NLS-1$
		}
		return sample;
	}

	private static void openDossiers(IEclipseContext context, Display display, DossierService service, Officer officer,
			List<Dossier> sample) {
		long uncompared = sample.stream().filter(d -> service.comparisons(officer, d.number()).isEmpty()).count();
		if (uncompared > 0) {
			// the demo stores results for dossiers past RECEIVED; the rest wait for ./miaopi auto-approve
			print(uncompared + " sampled dossiers have no comparison results yet"); //$NON-NLS-1$
		}
		List<Double> reads = new ArrayList<>();
		for (int round = 0; round < 2; round++) {
			for (Dossier d : sample) {
				// what the parts ask the store on opening, without any widget
				long t = System.nanoTime();
				Dossier fresh = service.find(officer, d.number()).orElse(d);
				service.comparisons(officer, fresh.number());
				service.comparisons(officer, fresh.number());
				service.history(officer, fresh.number());
				fresh.materials().stream().filter(m -> m.hasFile()).findFirst().ifPresent(m -> service.content(officer, fresh.number(), m.contentHash()));
				if (round == 1) {
					reads.add((System.nanoTime() - t) / 1e6);
				}
			}
		}
		print(String.format(Locale.ROOT, "open a dossier, store reads alone (no widgets): %s", stats(reads))); //$NON-NLS-1$
		IEventBroker broker = context.get(IEventBroker.class);
		// before and after side by side: each dossier is opened once each way, alternating, so both
		// see the same dossiers and the same machine load (PartLayout.wholeWindow = the old way)
		Map<Boolean, List<Double>> parts = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
		Map<Boolean, List<Double>> handlers = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
		Map<Boolean, List<Double>> withPage = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
		// -Dmiaopi.bench.only=before|after: one way only, e.g. under a profiler
		String only = System.getProperty("miaopi.bench.only", ""); //$NON-NLS-1$ //$NON-NLS-2$
		try {
			for (int round = 0; round < 4; round++) { // rounds 0 and 1 warm both ways up
				for (int i = 0; i < sample.size(); i++) {
					boolean old = only.isEmpty() ? (i + round) % 2 == 0 : only.equals("before"); //$NON-NLS-1$
					PartLayout.wholeWindow = old;
					long t = System.nanoTime();
					Dossier fresh = service.find(officer, sample.get(i).number()).orElse(sample.get(i));
					broker.send(Topics.DOSSIER_OPENED, fresh);
					double handled = (System.nanoTime() - t) / 1e6;
					drain(display);
					double filled = (System.nanoTime() - t) / 1e6;
					long limit = System.nanoTime() + 10_000_000_000L;
					while (!Job.getJobManager().isIdle() && System.nanoTime() < limit) {
						drain(display);
						Thread.onSpinWait();
					}
					drain(display);
					double rendered = (System.nanoTime() - t) / 1e6;
					if (round >= 2) {
						parts.get(old).add(filled);
						handlers.get(old).add(handled);
						withPage.get(old).add(rendered);
					}
				}
			}
		} finally {
			PartLayout.wholeWindow = false;
		}
		// reference on this machine, now: one full layout and repaint of the window with nothing changed
		List<Double> repaint = new ArrayList<>();
		org.eclipse.swt.widgets.Shell shell = display.getActiveShell() != null ? display.getActiveShell() : display.getShells()[0];
		for (int i = 0; i < 30; i++) {
			long t = System.nanoTime();
			shell.layout(true, true);
			shell.redraw(0, 0, shell.getSize().x, shell.getSize().y, true);
			shell.update();
			drain(display);
			if (i >= 10) {
				repaint.add((System.nanoTime() - t) / 1e6);
			}
		}
		print(String.format(Locale.ROOT, "reference: one full layout + repaint of the window, nothing changed: %s", stats(repaint))); //$NON-NLS-1$
		print(String.format(Locale.ROOT, "window %s; load average at the end %.2f", shell.getSize(), //$NON-NLS-1$
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		for (boolean old : new boolean[] { true, false }) {
			if (parts.get(old).isEmpty()) {
				continue;
			}
			String how = old ? "BEFORE (each change lays out the whole window; page image made on the UI thread)" //$NON-NLS-1$
					: "AFTER (changes laid out within their part; page image made in the background)"; //$NON-NLS-1$
			print(how + ":"); //$NON-NLS-1$
			print(String.format(Locale.ROOT, "open a dossier, every part filled and painted (n=%d): %s; p50 = %.2f x store reads, %.2f x a full repaint", //$NON-NLS-1$
					parts.get(old).size(), stats(parts.get(old)), p50(parts.get(old)) / p50(reads), p50(parts.get(old)) / p50(repaint)));
			print(String.format(Locale.ROOT, "  ... of which the parts' own work (event handlers, before painting): %s", stats(handlers.get(old)))); //$NON-NLS-1$
			print(String.format(Locale.ROOT, "  ... and its first material page rendered (PDFBox, background): %s", stats(withPage.get(old)))); //$NON-NLS-1$
		}
		print(String.format(Locale.ROOT, "open a dossier, filled and painted, after / before: p50 %.2f, p95 %.2f; with its page: p50 %.2f, p95 %.2f", //$NON-NLS-1$
				p50(parts.get(false)) / p50(parts.get(true)), p95(parts.get(false)) / p95(parts.get(true)),
				p50(withPage.get(false)) / p50(withPage.get(true)), p95(withPage.get(false)) / p95(withPage.get(true))));
	}

	private static void drain(Display display) {
		while (display.readAndDispatch()) {
			// let the parts paint
		}
	}

	static double p50(List<Double> ms) {
		double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return v.length == 0 ? Double.NaN : v[(v.length - 1) / 2];
	}

	static double p95(List<Double> ms) {
		double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return v.length == 0 ? Double.NaN : v[(int) Math.ceil(v.length * 0.95) - 1];
	}

	/** p50, p95 and max of a bench's samples in milliseconds, as every UI bench prints them. */
	public static String stats(List<Double> ms) {
		if (ms.isEmpty()) {
			return "no samples"; //$NON-NLS-1$
		}
		double[] v = ms.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(v);
		return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms", v[(v.length - 1) / 2], //$NON-NLS-1$
				v[(int) Math.ceil(v.length * 0.95) - 1], v[v.length - 1]);
	}

	private static void print(String line) {
		System.out.println(OUT + line);
	}
}
