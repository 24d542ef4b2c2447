package org.miaopi.queue.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.QueueSort;
import org.miaopi.ui.api.MatterCatalog;

/**
 * The queue's part of {@code ./miaopi bench ui}: the content provider's page time in every sort
 * order (both directions) beside the bare {@link DossierService#queue} read of the same page (same
 * order, read right after it, only the pages the table reads: none past the end of a short queue),
 * a page deep in the queue by keyset beside the same page by number ({@link DeepPage}), and
 * scrolling the real table page by page in every order: the time of each page fetched and of each
 * scroll step until painted.
 */
final class QueueBench {

	private static final int PAGES = 20;
	private static final int SCROLL_PAGES = 60;
	private static final int DEEP_ROW = 10_000;
	/** How long a scroll step may wait for the table to learn of the next page. */
	private static final long GROW_NANOS = 5_000_000_000L;

	private QueueBench() {
	}

	static void run(QueuePart part, DossierService service, MatterCatalog matters, Officer officer) {
		Display display = Display.getCurrent();
		for (QueueSort sort : QueueSort.values()) {
			for (boolean desc : new boolean[] { false, true }) {
				QueueQuery q = new QueueQuery(null, null, null, 0, sort, desc);
				pages(service, matters, officer, q, new ArrayList<>()); // warm
				List<Double> bare = new ArrayList<>();
				QueueRows rows = pages(service, matters, officer, q, bare);
				List<Double> ms = list(rows.pageMillis());
				List<Double> ratios = new ArrayList<>();
				for (int p = 0; p < ms.size() && p < bare.size(); p++) {
					ratios.add(ms.get(p) / bare.get(p));
				}
				print(String.format(Locale.ROOT, "queue sort %-10s %-4s %d pages: content provider page: %s; bare DossierService.queue, same pages: %s; "
						+ "page by page p50 %.2f x bare; page at row 10,000: %s",
						sort, desc ? "desc" : "asc", ms.size(), stats(ms), stats(bare), p50(ratios),
						DeepPage.measure(service, officer, q, DEEP_ROW)));
			}
		}
		Table table = part.getTable();
		for (QueueSort sort : QueueSort.values()) {
			part.sort(sort, false);
			drain(display);
			List<Double> steps = new ArrayList<>();
			int top = 0;
			while (part.getRows() != null && part.getRows().pagesFetched() < SCROLL_PAGES) {
				int target = Math.min(table.getItemCount() - 1, top + QueueQuery.PAGE_SIZE);
				if (target <= top) {
					break;
				}
				long t = System.nanoTime();
				table.setTopIndex(target);
				table.update();
				drain(display);
				// the row count grows in a later UI callback (the part's growIfNeeded, after the last
				// rows are painted): wait for it, or the next step finds no row beyond this one
				long limit = System.nanoTime() + GROW_NANOS;
				while (table.getItemCount() <= target + 1 && part.getRows() != null && part.getRows().hasMore()
						&& System.nanoTime() < limit) {
					if (!display.readAndDispatch()) {
						display.timerExec(1, () -> { /* wakes the sleep below */ });
						display.sleep();
					}
				}
				steps.add((System.nanoTime() - t) / 1e6);
				top = target;
			}
			List<Double> fetched = list(part.getRows().pageMillis());
			print(String.format(Locale.ROOT, "queue scroll %-10s %d pages fetched (%d read on by keyset) while scrolling %d rows: page fetch %s; scroll step until painted %s",
					sort, fetched.size(), part.getRows().pagesByKey(), top, stats(fetched), stats(steps)));
		}
		part.sort(QueueSort.DEADLINE, false);
		drain(display);
	}

	/**
	 * Reads up to {@link #PAGES} pages of {@code q} as the table does (the next one only while the
	 * store says there is more), each followed by the bare {@link DossierService#queue} read of the
	 * same page, timed into {@code bare}.
	 */
	private static QueueRows pages(DossierService service, MatterCatalog matters, Officer officer, QueueQuery q, List<Double> bare) {
		QueueRows rows = new QueueRows(service, matters, officer, q, ChinaTime.today());
		for (int p = 0; p < PAGES; p++) {
			rows.get(p * QueueQuery.PAGE_SIZE); // fetches page p
			long t = System.nanoTime();
			service.queue(officer, rows.query().atPage(p));
			bare.add((System.nanoTime() - t) / 1e6);
			if (!rows.hasMore()) {
				break;
			}
		}
		return rows;
	}

	private static void drain(Display display) {
		while (display.readAndDispatch()) {
			// paint, and let the table ask for the rows it shows
		}
	}

	private static List<Double> list(double[] v) {
		return Arrays.stream(v).boxed().toList();
	}

	private static double p50(List<Double> ms) {
		double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return v.length == 0 ? Double.NaN : v[(v.length - 1) / 2];
	}

	private static String stats(List<Double> ms) {
		if (ms.isEmpty()) {
			return "no samples"; //$NON-NLS-1$
		}
		double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms", v[(v.length - 1) / 2],
				v[(int) Math.ceil(v.length * 0.95) - 1], v[v.length - 1]);
	}

	private static void print(String line) {
		System.out.println("MIAOPI-BENCH " + line); //$NON-NLS-1$
	}
}
