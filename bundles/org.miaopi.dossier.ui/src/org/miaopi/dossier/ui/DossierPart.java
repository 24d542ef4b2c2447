package org.miaopi.dossier.ui;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.LegalPerson;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Timeliness;
import org.miaopi.core.service.DossierService;
import org.miaopi.ui.api.PartLayout;
import org.miaopi.ui.api.PartStack;
import org.miaopi.ui.api.MatterCatalog;
import org.miaopi.ui.api.TableColumns;
import org.miaopi.ui.api.Texts;
import org.miaopi.ui.api.Topics;

/**
 * The open dossier: who applies, what they declared, and the materials, with a viewer for the
 * selected one (its hash checked by the store before it is shown).
 */
public class DossierPart {

	public static final String ID = Topics.PART_DOSSIER;

	@Inject
	@Optional
	private DossierService service;
	@Inject
	private MatterCatalog matters;

	private PartStack stack;
	private Composite content;
	private Label title;
	private Label facts;
	private Table declared;
	private Table materials;
	private MaterialViewer viewer;
	private Officer officer;
	private Dossier dossier;

	@PostConstruct
	public void createControls(Composite parent) {
		stack = new PartStack(parent, Messages.Dossier_emptyTitle, Messages.Dossier_emptyHint);
		content = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 6;
		layout.marginHeight = 6;
		content.setLayout(layout);
		title = new Label(content, SWT.WRAP);
		title.setFont(JFaceResources.getBannerFont()); // bold, one line at the desk size (the header font wrapped)
		title.setLayoutData(wrapping());
		facts = new Label(content, SWT.WRAP);
		facts.setLayoutData(wrapping());
		// the page gets the full width of the part and most of its height (the data and materials
		// lists are short); "Enlarge" (Enter on the page) opens it in a large window of its own
		SashForm sash = new SashForm(content, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		SashForm tables = new SashForm(sash, SWT.HORIZONTAL);
		declared = table(tables, new String[] { Messages.Dossier_field, Messages.Dossier_value }, new int[] { 110, 170 });
		materials = table(tables, new String[] { Messages.Dossier_material, Messages.Dossier_file, Messages.Dossier_check },
				new int[] { 120, 110, 130 });
		tables.setWeights(45, 55);
		KeyTips.install(declared);
		KeyTips.install(materials);
		viewer = new MaterialViewer(sash);
		sash.setWeights(32, 68);
		materials.addListener(SWT.Selection, e -> showSelectedMaterial());
		// Enter on a material takes the keyboard to its page (Page Up / Page Down turn pages there)
		materials.addListener(SWT.DefaultSelection, e -> viewer.pageControl().setFocus());
		show(null);
	}

	private static GridData wrapping() {
		GridData d = new GridData(SWT.FILL, SWT.TOP, true, false);
		d.widthHint = 100; // wrap within the part instead of widening it
		return d;
	}

	private static Table table(Composite parent, String[] names, int[] widths) {
		Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		t.setHeaderVisible(true);
		t.setLinesVisible(true);
		for (int i = 0; i < names.length; i++) {
			TableColumn c = new TableColumn(t, SWT.LEFT);
			c.setText(names[i]);
			c.setWidth(widths[i]);
		}
		TableColumns.fillLast(t);
		return t;
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

	@Inject
	@Optional
	void changed(@UIEventTopic(Topics.DOSSIER_CHANGED) Dossier changed) {
		if (dossier != null && changed.number().equals(dossier.number())) {
			dossier = changed;
			PartLayout.text(content, facts, facts(changed));
		}
	}

	/** Shows {@code d}, or the empty state for null. */
	public void show(Dossier d) {
		if (!PartStack.isLive(stack)) {
			return;
		}
		dossier = officer == null ? null : d;
		if (dossier == null) {
			stack.showEmpty();
			return;
		}
		PartLayout.text(content, title, NLS.bind(Messages.Dossier_title, dossier.number(), matters.name(dossier.matterCode())));
		PartLayout.text(content, facts, facts(dossier));
		declared.setRedraw(false);
		materials.setRedraw(false);
		try {
			fillTables();
		} finally {
			declared.setRedraw(true);
			materials.setRedraw(true);
		}
		stack.show(content);
		if (materials.getItemCount() > 0) {
			materials.setSelection(0);
			showSelectedMaterial(); // replaces what the viewer showed, without clearing it first
		} else {
			viewer.clear();
		}
	}

	/** Fills the declared data and the materials, reusing the rows already there (fewer native widgets made and destroyed). */
	private void fillTables() {
		int row = 0;
		for (Map.Entry<String, String> e : dossier.declaredData().entrySet()) {
			TableItem item = row < declared.getItemCount() ? declared.getItem(row) : new TableItem(declared, SWT.NONE);
			// the matter's label in the workbench's language; the key is the row's tooltip
			item.setText(new String[] { fieldName(e.getKey()), e.getValue() });
			KeyTips.key(item, e.getKey());
			row++;
		}
		if (row < declared.getItemCount()) {
			declared.remove(row, declared.getItemCount() - 1);
		}
		materials.removeAll();
		List<String> required = matters.requiredMaterials(dossier.matterCode());
		for (Material m : dossier.materials()) {
			TableItem item = new TableItem(materials, SWT.NONE);
			item.setData(m);
			String file = m.hasFile() ? m.fileName() : Messages.Dossier_noFile;
			String check = m.replacedBy() != null
					? NLS.bind(Messages.Dossier_replaced, Texts.of(m.replacedBy().source()), Texts.time(m.replacedBy().asOf()))
					: Messages.Dossier_notChecked;
			item.setText(new String[] { matters.materialName(dossier.matterCode(), m.requirementCode()), file, check });
			KeyTips.key(item, m.requirementCode());
		}
		for (String r : required) {
			if (dossier.materials().stream().noneMatch(m -> m.requirementCode().equals(r))) {
				TableItem item = new TableItem(materials, SWT.NONE);
				item.setText(new String[] { matters.materialName(dossier.matterCode(), r), Messages.Dossier_noFile, Messages.Dossier_missing });
				KeyTips.key(item, r);
				item.setForeground(materials.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
			}
		}
	}

	/**
	 * A declared field's label. The intake platform also records the matter applied for among the
	 * declared data ({@value #MATTER_KEY}), which is no field of any matter's form: it has its own label.
	 */
	private String fieldName(String key) {
		return MATTER_KEY.equals(key) ? Messages.Dossier_matterField : matters.fieldName(dossier.matterCode(), key);
	}

	private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.china();

	private static final String MATTER_KEY = "matter"; //$NON-NLS-1$

	private String facts(Dossier d) {
		String who = d.applicant() instanceof LegalPerson lp
				? NLS.bind(Messages.Dossier_legalPerson, new Object[] { lp.name(), lp.subjectId(), lp.legalRepresentative() })
				: NLS.bind(Messages.Dossier_naturalPerson, d.applicant().name(), d.applicant().subjectId());
		// the core's one rule, as the queue's deadline column: a decided dossier is measured at its decision
		java.time.Instant decidedAt = d.status().isDecided() && officer != null
				? service.decisionTimes(officer, List.of(d.number())).get(d.number())
				: null;
		String left = Texts.of(Timeliness.of(CALENDAR, d, decidedAt, ChinaTime.today()));
		return NLS.bind(Messages.Dossier_facts, new Object[] { who, Texts.of(d.status()), Texts.time(d.received()),
				d.deadline(), left, d.assignedOfficerId() == null ? "\u2014" : d.assignedOfficerId() }); //$NON-NLS-1$
	}

	private void showSelectedMaterial() {
		int i = materials.getSelectionIndex();
		if (i < 0 || !(materials.getItem(i).getData() instanceof Material m)) {
			viewer.clear();
			return;
		}
		if (!m.hasFile()) {
			viewer.showText(NLS.bind(Messages.Dossier_replacedLong, Texts.of(m.replacedBy().source()),
					Texts.time(m.replacedBy().asOf())));
			return;
		}
		TableItem item = materials.getItem(i);
		Material material = m;
		Officer viewing = officer;
		String dossierNo = dossier.number();
		// the store checks the viewer's right and the bytes against their hash; reading and drawing happen off the UI thread
		viewer.load(m, () -> service.content(viewing, dossierNo, material.contentHash()), problem -> {
			if (item.isDisposed()) {
				return;
			}
			item.setText(2, problem == null ? Messages.Dossier_verified : Messages.Dossier_hashFailed);
			item.setForeground(2, problem == null ? null : materials.getDisplay().getSystemColor(SWT.COLOR_RED));
		});
	}

	@Focus
	public void setFocus() {
		if (stack.isShowing(content)) {
			materials.setFocus();
		} else {
			stack.emptyState().setFocus();
		}
	}

	public Dossier getDossier() {
		return dossier;
	}

	public Table getMaterials() {
		return materials;
	}

	/** The line under the title: applicant, status, received, deadline and where it stands. */
	public String getFactsText() {
		return facts.getText();
	}

	public Table getDeclared() {
		return declared;
	}

	public MaterialViewer getViewer() {
		return viewer;
	}
}
