package org.miaopi.queue.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.ui.api.Deadline;
import org.miaopi.ui.api.MatterCatalog;

/**
 * The rows behind the virtual queue table: pages of {@link QueueQuery#PAGE_SIZE} fetched from
 * {@link DossierService#queue} the first time a row of theirs is painted, then kept. The store
 * orders by deadline; another sort order is applied here, over every row, and only when the
 * filtered queue is small enough to hold ({@link #SORTABLE_ROWS}).
 */
public final class QueueRows {

	public static final int SORTABLE_ROWS = 5_000;

	private final DossierService service;
	private final MatterCatalog matters;
	private final Officer viewer;
	private final Set<DossierStatus> statuses;
	private final String matterCode;
	private final String text;
	private final LocalDate today;
	private final Map<Integer, List<QueueRow>> pages = new HashMap<>();
	private List<QueueRow> sorted;
	private int known;
	private boolean more = true;
	private int lastPage = -1;
	private long fetchNanos;
	private int fetches;

	public QueueRows(DossierService service, MatterCatalog matters, Officer viewer, Set<DossierStatus> statuses,
			String matterCode, String text, LocalDate today) {
		this.service = service;
		this.matters = matters;
		this.viewer = viewer;
		this.statuses = statuses;
		this.matterCode = matterCode;
		this.text = text;
		this.today = today;
	}

	/** Rows known so far (all fetched pages, or every row once sorted). */
	public int known() {
		return sorted != null ? sorted.size() : known;
	}

	/** Whether pages beyond the known rows may exist. */
	public boolean hasMore() {
		return sorted == null && more;
	}

	/** The row at {@code index}, fetching its page if needed; null past the end. */
	public QueueRow get(int index) {
		if (sorted != null) {
			return index < sorted.size() ? sorted.get(index) : null;
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
		QueuePage p = service.queue(viewer, new QueueQuery(statuses, matterCode, text, page));
		List<QueueRow> rows = new ArrayList<>(p.rows().size());
		// the mismatch column of the whole page in one query, not one per row
		Map<String, Long> attention = service.attentionCounts(viewer, p.rows().stream().map(Dossier::number).toList());
		for (Dossier d : p.rows()) {
			rows.add(row(d, attention));
		}
		pages.put(page, rows);
		known = Math.max(known, page * QueueQuery.PAGE_SIZE + rows.size());
		if (!p.hasMore()) {
			more = false;
			lastPage = page;
		}
		fetchNanos += System.nanoTime() - start;
		fetches++;
		return rows;
	}

	private QueueRow row(Dossier d, Map<String, Long> counts) {
		Long count = counts.get(d.number());
		int attention = count == null ? -1 : count.intValue(); // -1: not compared yet
		boolean instant = attention == 0;
		boolean missing = false;
		for (String required : matters.requiredMaterials(d.matterCode())) {
			if (d.materials().stream().map(Material::requirementCode).noneMatch(required::equals)) {
				missing = true;
			}
		}
		return new QueueRow(d, Deadline.of(today, d.deadline()), attention, instant, missing);
	}

	/**
	 * Sorts every row of the filtered queue by {@code order}.
	 *
	 * @return false if the queue holds more than {@link #SORTABLE_ROWS} rows (nothing changes then)
	 */
	public boolean sort(Comparator<QueueRow> order) {
		if (sorted == null) {
			for (int page = 0;; page++) {
				if (!pages.containsKey(page)) {
					fetch(page);
				}
				if (known > SORTABLE_ROWS) {
					return false;
				}
				if (page == lastPage || pages.get(page).isEmpty()) {
					break;
				}
			}
			List<QueueRow> all = new ArrayList<>(known);
			for (int page = 0; pages.containsKey(page); page++) {
				all.addAll(pages.get(page));
			}
			if (all.size() > SORTABLE_ROWS) {
				return false;
			}
			sorted = all;
		}
		sorted.sort(order);
		return true;
	}

	/** Mean milliseconds one page took to fetch (queue page plus its rows' comparisons). */
	public double meanPageMillis() {
		return fetches == 0 ? 0 : fetchNanos / 1e6 / fetches;
	}

	public int pagesFetched() {
		return fetches;
	}
}
