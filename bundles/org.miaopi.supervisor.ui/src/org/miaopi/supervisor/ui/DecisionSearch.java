package org.miaopi.supervisor.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.core.supervision.DecisionQuery;
import org.miaopi.core.supervision.DecisionRecord;
import org.miaopi.supervision.SupervisionService;
import org.miaopi.ui.api.Texts;

/**
 * The decision search across the departments one supervises: filters, and a virtual table read by
 * keyset pages of {@value #PAGE}; the next page is read when the table asks for its last row.
 */
final class DecisionSearch {

	static final int PAGE = 200;
	private static final DecisionKind[] KINDS = DecisionKind.values();

	private final Composite root;
	private final Combo outcome;
	private final Combo source;
	private final Button overrides;
	private final Button carded;
	private final Text officerFilter;
	private final Label count;
	final Table table;
	private final List<DecisionRecord> rows = new ArrayList<>();
	private DecisionQuery query;
	private boolean more;
	private boolean loading;
	private int generation;
	private java.util.function.Consumer<String> opener;
	private SupervisionService service;
	private Officer viewer;
	private org.miaopi.ui.api.MatterCatalog matters;

	DecisionSearch(Composite parent) {
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));
		Composite bar = new Composite(root, SWT.NONE);
		bar.setLayout(new GridLayout(8, false));
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		outcome = new Combo(bar, SWT.READ_ONLY);
		outcome.add(Messages.Filter_anyOutcome);
		for (DecisionKind k : KINDS) {
			outcome.add(Texts.of(k));
		}
		outcome.select(0);
		source = new Combo(bar, SWT.READ_ONLY);
		source.setItems(Messages.Filter_anySource, Messages.Filter_auto, Messages.Filter_officers);
		source.select(0);
		overrides = new Button(bar, SWT.CHECK);
		overrides.setText(Messages.Filter_overrides);
		carded = new Button(bar, SWT.CHECK);
		carded.setText(Messages.Filter_carded);
		new Label(bar, SWT.NONE).setText(Messages.Filter_officer);
		officerFilter = new Text(bar, SWT.BORDER | SWT.SINGLE);
		officerFilter.setLayoutData(new GridData(120, SWT.DEFAULT));
		Button search = new Button(bar, SWT.PUSH);
		search.setText(Messages.Filter_search);
		search.addListener(SWT.Selection, e -> search());
		officerFilter.addListener(SWT.DefaultSelection, e -> search());
		count = new Label(bar, SWT.NONE);
		count.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		table = Tables.create(root, SWT.VIRTUAL, new String[] { Messages.Col_decided, Messages.Col_dossier,
				Messages.Col_department, Messages.Col_matter, Messages.Col_officer, Messages.Col_outcome, Messages.Col_reasons,
				Messages.Col_justification }, new int[] { 130, 160, 80, 110, 110, 90, 150, 260 });
		table.addListener(SWT.SetData, e -> fill((TableItem) e.item, table.indexOf((TableItem) e.item)));
		// Enter or a double click opens the decision's dossier in the other parts
		table.addListener(SWT.DefaultSelection, e -> {
			if (e.item != null && e.item.getData() instanceof DecisionRecord d && opener != null) {
				opener.accept(d.dossierNo());
			}
		});
	}

	void onOpen(java.util.function.Consumer<String> opener) {
		this.opener = opener;
	}

	Composite control() {
		return root;
	}

	void viewer(SupervisionService service, Officer viewer, org.miaopi.ui.api.MatterCatalog matters) {
		this.service = service;
		this.viewer = viewer;
		this.matters = matters;
	}

	/** Sets the filters as a user would (tests use it too). */
	void filter(DecisionKind kind, Boolean automatic, boolean overridesOnly, boolean cardedOnly, String officer) {
		outcome.select(kind == null ? 0 : kind.ordinal() + 1);
		source.select(automatic == null ? 0 : automatic ? 1 : 2);
		overrides.setSelection(overridesOnly);
		carded.setSelection(cardedOnly);
		officerFilter.setText(officer == null ? "" : officer); //$NON-NLS-1$
	}

	void search() {
		if (service == null || viewer == null) {
			return;
		}
		String officer = officerFilter.getText().strip();
		query = new DecisionQuery(null, null, officer.isEmpty() ? null : officer,
				outcome.getSelectionIndex() <= 0 ? null : KINDS[outcome.getSelectionIndex() - 1], null,
				source.getSelectionIndex() == 0 ? null : source.getSelectionIndex() == 1, overrides.getSelection(),
				carded.getSelection(), null, null, null, null, PAGE);
		generation++;
		rows.clear();
		more = true;
		loading = false;
		table.clearAll();
		table.setItemCount(0);
		load(query);
	}

	private void load(DecisionQuery q) {
		loading = true;
		int gen = generation;
		SupervisionService s = service;
		Officer v = viewer;
		boolean first = rows.isEmpty();
		Background.run("decision search", table, () -> { //$NON-NLS-1$
			if (first) {
				KnownNames.read(s); // the officers named in the pages to come
			}
			return s.searchDecisions(v, q);
		}, page -> {
			if (gen != generation) {
				return; // a page of an earlier search: a new one has begun
			}
			rows.addAll(page);
			more = page.size() == q.limit();
			loading = false;
			table.setItemCount(rows.size() + (more ? 1 : 0));
			table.clearAll();
			count.setText(NLS.bind(more ? Messages.Search_more : Messages.Search_count, rows.size()));
			count.getParent().layout();
		}, why -> {
			if (gen != generation) {
				return;
			}
			loading = false;
			count.setText(NLS.bind(Messages.Failed, why));
			count.getParent().layout();
		});
	}

	private DecisionQuery next() {
		return rows.isEmpty() ? query : query.after(rows.get(rows.size() - 1));
	}

	private void fill(TableItem item, int index) {
		if (index >= rows.size()) {
			item.setText(0, "\u2026"); //$NON-NLS-1$
			if (more && !loading) {
				load(next());
			}
			return;
		}
		DecisionRecord d = rows.get(index);
		item.setText(new String[] { Texts.time(d.time()), d.dossierNo(), Tables.text(d.departmentCode()),
				Tables.matter(matters, d.matterCode()), d.automatic() ? "\u79d2\u6279" : KnownNames.officer(d.officerId()), Texts.of(d.kind()), //$NON-NLS-1$
				String.join(", ", d.reasonCodes()), Tables.text(d.justification()) }); //$NON-NLS-1$
		item.setData(d);
		if (d.isOverride() || d.isUnreasonedRefusal()) {
			item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		}
	}

	/** The decisions read so far (tests). */
	List<DecisionRecord> rows() {
		return List.copyOf(rows);
	}
}
