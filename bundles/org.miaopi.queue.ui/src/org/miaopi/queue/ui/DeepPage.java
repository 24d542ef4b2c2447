package org.miaopi.queue.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;

/**
 * The bench's deep-page figure: the page starting at one row far down the queue, read by number
 * (OFFSET: the store steps over every row before it) and read on from the last row of the page
 * before (keyset: a seek), alternately in one run so both see the same load, as a ratio.
 */
final class DeepPage {

	private static final int ROUNDS = 7;

	private DeepPage() {
	}

	/** "offset p50 …, keyset p50 …, keyset/offset …", or why there is no figure. */
	static String measure(DossierService service, Officer officer, QueueQuery q, int row) {
		int page = row / QueueQuery.PAGE_SIZE;
		// the page before, once, for its last row's position: the table has it when it scrolls there
		QueuePage before = service.queue(officer, q.atPage(page - 1));
		if (!before.hasMore() || before.last() == null) {
			return "queue shorter";
		}
		QueueQuery byNumber = q.atPage(page);
		QueueQuery byKey = q.after(before.last(), page);
		List<Double> offset = new ArrayList<>();
		List<Double> keyset = new ArrayList<>();
		boolean same = true;
		for (int round = 0; round < ROUNDS; round++) {
			long t = System.nanoTime();
			QueuePage a = service.queue(officer, byNumber);
			offset.add((System.nanoTime() - t) / 1e6);
			t = System.nanoTime();
			QueuePage b = service.queue(officer, byKey);
			keyset.add((System.nanoTime() - t) / 1e6);
			same &= numbers(a).equals(numbers(b));
		}
		// the first round warms both statements up
		offset.remove(0);
		keyset.remove(0);
		double o = p50(offset);
		double k = p50(keyset);
		return String.format(Locale.ROOT, "by offset p50 %.1f ms, by keyset p50 %.1f ms, keyset/offset %.2f%s", o, k, k / o,
				same ? "" : " (ROWS DIFFER)");
	}

	private static List<String> numbers(QueuePage p) {
		return p.rows().stream().map(Dossier::number).toList();
	}

	private static double p50(List<Double> ms) {
		double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return v.length == 0 ? Double.NaN : v[(v.length - 1) / 2];
	}
}
