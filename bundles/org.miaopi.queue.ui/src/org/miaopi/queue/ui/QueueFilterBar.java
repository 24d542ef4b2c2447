package org.miaopi.queue.ui;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.ui.api.MatterCatalog;
import org.miaopi.ui.api.Texts;

/**
 * The controls above the queue table: the search field, the matter and status combos, room for
 * the saved filters, and the row count. What the search field does is the part's wiring; the
 * combos tell the part when they are changed by hand.
 */
final class QueueFilterBar {

	private static final List<DossierStatus> STATUS_CHOICES = List.of(DossierStatus.RECEIVED, DossierStatus.PRE_CHECKED,
			DossierStatus.ASSIGNED, DossierStatus.IN_REVIEW, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.APPROVED,
			DossierStatus.REJECTED, DossierStatus.CERTIFICATE_ISSUED, DossierStatus.ARCHIVED, DossierStatus.WITHDRAWN);

	/** The status combo's first single status: after "Open (to work on)" and "All statuses". */
	private static final int FIRST_STATUS = 2;

	private final MatterCatalog matters;
	private final Text search;
	private final Combo matterFilter;
	private final Combo statusFilter;
	private final Label count;

	/**
	 * @param changed runs when the matter or status is chosen by hand
	 * @param savedFilters adds the saved filters' controls to the bar, between the status and the count
	 */
	QueueFilterBar(Composite parent, MatterCatalog matters, Runnable changed, Consumer<Composite> savedFilters) {
		this.matters = matters;
		Composite bar = new Composite(parent, SWT.NONE);
		// three rows, so a narrow queue (40 % of 1280 pixels) shows every control whole: search;
		// matter and status; saved filters and the count
		GridLayout layout = new GridLayout(4, false);
		layout.marginWidth = 4;
		layout.marginHeight = 2;
		bar.setLayout(layout);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		search = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
		search.setMessage(Messages.Queue_searchHint);
		GridData searchData = new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1);
		search.setLayoutData(searchData);
		new Label(bar, SWT.NONE).setText(Messages.Queue_matter);
		matterFilter = new Combo(bar, SWT.READ_ONLY);
		matterFilter.add(Messages.Queue_allMatters);
		for (String code : matters.matterCodes()) {
			matterFilter.add(matters.name(code));
		}
		matterFilter.select(0);
		GridData md = new GridData(SWT.FILL, SWT.CENTER, true, false);
		md.widthHint = 120;
		matterFilter.setLayoutData(md);
		matterFilter.addListener(SWT.Selection, e -> changed.run());
		new Label(bar, SWT.NONE).setText(Messages.Queue_status);
		statusFilter = new Combo(bar, SWT.READ_ONLY);
		statusFilter.add(Messages.Queue_openStatuses);
		statusFilter.add(Messages.Queue_allStatuses);
		for (DossierStatus s : STATUS_CHOICES) {
			statusFilter.add(Texts.of(s));
		}
		statusFilter.select(0);
		GridData sd = new GridData(SWT.FILL, SWT.CENTER, true, false);
		sd.widthHint = 110;
		statusFilter.setLayoutData(sd);
		statusFilter.addListener(SWT.Selection, e -> changed.run());
		savedFilters.accept(bar);
		count = new Label(bar, SWT.NONE);
		count.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
	}

	Text search() {
		return search;
	}

	Label count() {
		return count;
	}

	/** Chooses matter (null: all) and status (null: the open ones) in the combos, telling no one. */
	void select(String matter, DossierStatus status) {
		select(matter, status == null ? null : EnumSet.of(status));
	}

	/** As {@link #select(String, DossierStatus)}; every status chooses "All statuses", several others the open ones. */
	void select(String matter, Set<DossierStatus> statuses) {
		matterFilter.select(matter == null ? 0 : matters.matterCodes().indexOf(matter) + 1);
		if (statuses != null && statuses.size() == 1) {
			statusFilter.select(STATUS_CHOICES.indexOf(statuses.iterator().next()) + FIRST_STATUS);
		} else {
			statusFilter.select(statuses != null && statuses.containsAll(EnumSet.allOf(DossierStatus.class)) ? 1 : 0);
		}
	}

	Set<DossierStatus> statuses() {
		int i = statusFilter.getSelectionIndex();
		return i <= 0 ? QueueQuery.OPEN : i == 1 ? EnumSet.allOf(DossierStatus.class) : EnumSet.of(STATUS_CHOICES.get(i - FIRST_STATUS));
	}

	/** The matter chosen, as the combo shows it. */
	String matterLabel() {
		return matterFilter.getText();
	}

	/** The status chosen, as the combo shows it. */
	String statusLabel() {
		return statusFilter.getText();
	}

	String matterCode() {
		int i = matterFilter.getSelectionIndex();
		return i <= 0 ? null : matters.matterCodes().get(i - 1);
	}
}
