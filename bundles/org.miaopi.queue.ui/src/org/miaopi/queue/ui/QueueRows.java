package org.miaopi.queue.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Timeliness;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.QueueKey;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.QueueSort;
import org.miaopi.ui.api.MatterCatalog;

/**
 * The rows behind the virtual queue table: pages of {@link QueueQuery#PAGE_SIZE} fetched from
 * {@link DossierService#queue} the first time a row of theirs is painted, then kept. The store
 * sorts, in any {@link QueueSort} order: the table never needs every row to sort them. A page
 * right after a fetched one is read on from that page's last row (keyset: a seek in the store,
 * as fast deep in the queue as at its front); a page with no fetched page before it (the scroll
 * thumb dragged far down) goes by number.
 */
public final class QueueRows {

	private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.china();

	private final DossierService service;
	private final MatterCatalog matters;
	private final Officer viewer;
	private final QueueQuery query;
	private final LocalDate today;
	private final Map<Integer, List<QueueRow>> pages = new HashMap<>();
	/** The store's position of each fetched page's last row, to read the next page on from. */
	private final Map<Integer, QueueKey> lastKeys = new HashMap<>();
	private int byKey;
	private final List<Long> pageNanos = new ArrayList<>();
	private int known;
	private boolean more = true;

	public QueueRows(DossierService service, MatterCatalog matters, Officer viewer, Set<DossierStatus> statuses,
			String matterCode, String text, LocalDate today) {
		this(service, matters, viewer, new QueueQuery(statuses, matterCode, text, 0), today);
	}

	/** @param query the filter and order; its page is ignored */
	public QueueRows(DossierService service, MatterCatalog matters, Officer viewer, QueueQuery query, LocalDate today) {
		this.service = service;
		this.matters = matters;
		this.viewer = viewer;
		this.query = query.atPage(0);
		this.today = today;
	}

	public QueueQuery query() {
		return query;
	}

	/** Rows known so far (all fetched pages). */
	public int known() {
		return known;
	}

	/** Whether pages beyond the known rows may exist. */
	public boolean hasMore() {
		return more;
	}

	/** The row at {@code index}, fetching its page if needed; null past the end. */
	public QueueRow get(int index) {
		if (index < 0) {
			return null; // SWT asks for -1 while an emptied table drops its items
		}
		int page = index / QueueQuery.PAGE_SIZE;
		List<QueueRow> rows = pages.get(page);
		if (rows == null) {
			rows = fetch(page);
		}
		int i = index % QueueQuery.PAGE_SIZE;
		return i < rows.size() ? rows.get(i) : null;
	}

	private List<QueueRow> fetch(int page) {
		long start = System.nanoTime();
		QueueKey before = page == 0 ? null : lastKeys.get(page - 1);
		QueuePage p = service.queue(viewer, before == null ? query.atPage(page) : query.after(before, page));
		if (before != null) {
			byKey++;
		}
		if (p.last() != null) {
			lastKeys.put(page, p.last());
		}
		List<QueueRow> rows = new ArrayList<>(p.rows().size());
		// the mismatch column of the whole page in one query, not one per row
		Map<String, Long> attention = service.attentionCounts(viewer, p.rows().stream().map(Dossier::number).toList());
		// decided dossiers are measured at their decision, not counted down: their decision times, one call per page
		Map<String, java.time.Instant> decided = service.decisionTimes(viewer,
				p.rows().stream().filter(d -> d.status().isDecided()).map(Dossier::number).toList());
		for (Dossier d : p.rows()) {
			rows.add(row(d, attention, decided.get(d.number())));
		}
		pages.put(page, rows);
		known = Math.max(known, page * QueueQuery.PAGE_SIZE + rows.size());
		if (!p.hasMore()) {
			more = false;
		}
		pageNanos.add(System.nanoTime() - start);
		return rows;
	}

	private QueueRow row(Dossier d, Map<String, Long> counts, java.time.Instant decidedAt) {
		Long count = counts.get(d.number());
		int attention = count == null ? -1 : count.intValue(); // -1: not compared yet
		boolean instant = attention == 0;
		boolean missing = false;
		for (String required : matters.requiredMaterials(d.matterCode())) {
			if (d.materials().stream().map(Material::requirementCode).noneMatch(required::equals)) {
				missing = true;
			}
		}
		return new QueueRow(d, Timeliness.of(CALENDAR, d, decidedAt, today), attention, instant, missing);
	}

	/** Milliseconds each page took to fetch (queue page plus its rows' comparison counts), in fetch order. */
	public double[] pageMillis() {
		return pageNanos.stream().mapToDouble(n -> n / 1e6).toArray();
	}

	/** Mean milliseconds one page took to fetch. */
	public double meanPageMillis() {
		return pageNanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
	}

	public int pagesFetched() {
		return pageNanos.size();
	}

	/** How many of the fetched pages were read on from the page before (keyset), not by number. */
	public int pagesByKey() {
		return byKey;
	}
}
