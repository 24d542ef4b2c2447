package org.miaopi.dossier.ui;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.ui.api.PartLayout;
import org.miaopi.ui.api.PartStack;
import org.miaopi.ui.api.ColumnFit;
import org.miaopi.ui.api.MatterCatalog;
import org.miaopi.ui.api.Texts;
import org.miaopi.ui.api.Topics;

/**
 * 数据比对: each declared value beside the shared record's, with the source and its as-of time.
 * Anything but a match is marked by words (✗ MISMATCH, ? MISSING …) and by colour; materials the
 * shared data replaced are listed below.
 */
public class ComparisonPart {

	public static final String ID = Topics.PART_COMPARISON;

	@Inject
	@Optional
	private DossierService service;
	@Inject
	private MatterCatalog matters;

	private PartStack stack;
	private Composite content;
	private Label summary;
	private Table table;
	private Label replaced;
	private Officer officer;
	private Dossier dossier;
	private List<ComparisonResult> results = List.of();
	private Color mismatchBg;
	private Color warnBg;
	private Color matchFg;
	private ColumnFit fit;

	/** The part's persisted-state key of the columns chosen by hand (see {@link ColumnFit#choices()}). */
	static final String COLUMNS = "miaopi.columns"; //$NON-NLS-1$

	@PostConstruct
	public void createControls(Composite parent, MPart part) {
		stack = new PartStack(parent, Messages.Comparison_emptyTitle, Messages.Comparison_emptyHint);
		mismatchBg = new Color(255, 218, 214);
		warnBg = new Color(255, 241, 204);
		matchFg = new Color(30, 110, 40);
		content = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 6;
		layout.marginHeight = 6;
		content.setLayout(layout);
		summary = new Label(content, SWT.WRAP);
		summary.setFont(JFaceResources.getBannerFont());
		summary.setLayoutData(wrapping());
		table = new Table(content, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.widthHint = 100; // the part's width, not the columns', decides the table's (ColumnFit fits them in)
		table.setLayoutData(tableData);
		String[] names = { Messages.Comparison_outcome, Messages.Comparison_field, Messages.Comparison_declared,
				Messages.Comparison_recorded, Messages.Comparison_source, Messages.Comparison_asOf, Messages.Comparison_note };
		for (String name : names) {
			new TableColumn(table, SWT.LEFT).setText(name);
		}
		// the comparison is the two values side by side: the declared value and the shared record's
		// share what the result leaves, equally, with the field (by weight 2:2:1); the note, the as-of time and the source
		// follow while there is room (at 1280x800 the part is ~380 px wide: left out in that order,
		// their values in each row's tooltip; the header's menu shows any column by hand)
		// (the values' minimums leave room for an outcome that carries a stale record's date)
		fit = new ColumnFit(table, names).column(1, 1, 64, ColumnFit.ALWAYS).column(2, 2, 64, ColumnFit.ALWAYS)
				.column(3, 2, 64, ColumnFit.ALWAYS).column(4, 0, 0, 3).column(5, 0, 0, 2).column(6, 1, 120, 1);
		fit.restore(part.getPersistedState().get(COLUMNS));
		fit.onChoice(() -> part.getPersistedState().put(COLUMNS, fit.choices()));
		replaced = new Label(content, SWT.WRAP);
		replaced.setLayoutData(wrapping());
		table.addDisposeListener(e -> {
			// Colors need no disposal in current SWT; nothing else is held
		});
		show(null);
	}

	/** What each column needs for its header and the texts it shows now. */
	private void fitColumns() {
		TableColumn[] columns = table.getColumns();
		int[] widths = new int[columns.length];
		for (int c = 0; c < columns.length; c++) {
			widths[c] = fit.width(columns[c].getText());
			for (TableItem item : table.getItems()) {
				widths[c] = Math.max(widths[c], fit.width(item.getText(c)));
			}
		}
		fit.natural(widths);
	}

	@Inject
	void session(@Optional Officer signedIn) {
		officer = signedIn;
		if (PartStack.isLive(stack)) {
			show(null);
		}
	}

	@Inject
	@Optional
	void opened(@UIEventTopic(Topics.DOSSIER_OPENED) Dossier opened) {
		show(opened);
	}

	public void show(Dossier d) {
		if (!PartStack.isLive(stack)) {
			return;
		}
		dossier = officer == null || service == null ? null : d;
		if (dossier == null) {
			results = List.of();
			stack.showEmpty();
			return;
		}
		try {
			results = service.comparisons(officer, dossier.number());
		} catch (RuntimeException e) {
			results = List.of();
			PartLayout.text(content, summary, NLS.bind(Messages.Comparison_failed, e.getMessage()));
		}
		table.setRedraw(false);
		table.removeAll();
		for (ComparisonResult r : results) {
			TableItem item = new TableItem(table, SWT.NONE);
			// a stale record says how old it is in its own cell: the As of column is the first to go when narrow
			String outcome = r.outcome() == ComparisonOutcome.STALE && r.asOf() != null
					? outcomeText(r.outcome()) + ' ' + date(r.asOf()) // "⚠ Stale 2024-03-01": short, the part is narrow
					: outcomeText(r.outcome());
			item.setText(new String[] { outcome, matters.fieldName(dossier.matterCode(), r.field()), nz(r.declared()),
					nz(r.recorded()), r.source() == null ? "\u2014" : Texts.of(r.source()), date(r.asOf()), nz(r.note()) }); //$NON-NLS-1$
			KeyTips.key(item, r.field());
			switch (r.outcome()) {
				case MATCH -> item.setForeground(0, matchFg);
				case MISMATCH, INVALID -> item.setBackground(mismatchBg);
				case MISSING, STALE -> item.setBackground(warnBg);
			}
		}
		fitColumns();
		table.setRedraw(true);
		long attention = mismatches();
		PartLayout.text(content, summary, results.isEmpty() ? Messages.Comparison_none
				: attention == 0 ? NLS.bind(Messages.Comparison_allMatch, results.size())
						: NLS.bind(Messages.Comparison_attention, attention, results.size()));
		summary.setForeground(attention > 0 ? summary.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : matchFg);
		StringBuilder b = new StringBuilder();
		for (Material m : dossier.materials()) {
			if (m.replacedBy() != null) {
				b.append(b.isEmpty() ? Messages.Comparison_replacedTitle + "\n" : "\n") //$NON-NLS-1$ //$NON-NLS-2$
						.append(NLS.bind(Messages.Comparison_replaced, new Object[] { matters.materialName(dossier.matterCode(), m.requirementCode()),
								Texts.of(m.replacedBy().source()), Texts.time(m.replacedBy().asOf()) }));
			}
		}
		PartLayout.text(content, replaced, b.toString());
		GridData rd = (GridData) replaced.getLayoutData();
		if (rd.exclude != b.isEmpty()) {
			rd.exclude = b.isEmpty();
			replaced.setVisible(!b.isEmpty());
			PartLayout.changed(content, replaced);
		}
		stack.show(content);
	}

	private static GridData wrapping() {
		GridData d = new GridData(SWT.FILL, SWT.TOP, true, false);
		d.widthHint = 100; // wrap within the part instead of widening it
		return d;
	}

	/** Outcome in words with a sign, so it reads without colour. */
	static String outcomeText(ComparisonOutcome o) {
		String sign = switch (o) {
			case MATCH -> "\u2713 "; //$NON-NLS-1$
			case MISMATCH -> "\u2717 "; //$NON-NLS-1$
			case MISSING -> "? "; //$NON-NLS-1$
			case STALE -> "\u26a0 "; //$NON-NLS-1$
			case INVALID -> "! "; //$NON-NLS-1$
		};
		return sign + Texts.of(o);
	}

	/** A record's as-of day (Beijing): the time of day says nothing about a record's age. */
	private static String date(java.time.Instant t) {
		return t == null ? "" : DAY.format(t); //$NON-NLS-1$
	}

	private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd") //$NON-NLS-1$
			.withZone(org.miaopi.core.calendar.ChinaTime.ZONE);

	private static String nz(String s) {
		return s == null ? "\u2014" : s; //$NON-NLS-1$
	}

	/** Results an officer must look at (anything but a match). */
	public long mismatches() {
		return results.stream().filter(ComparisonResult::needsAttention).count();
	}

	public List<ComparisonResult> getResults() {
		return results;
	}

	public Table getTable() {
		return table;
	}

	/** Which columns the part's width shows; the header's menu chooses by hand. */
	public ColumnFit getColumnFit() {
		return fit;
	}

	public String getSummary() {
		return summary.getText();
	}

	@Focus
	public void setFocus() {
		if (stack.isShowing(content)) {
			table.setFocus();
		} else {
			stack.emptyState().setFocus();
		}
	}
}
