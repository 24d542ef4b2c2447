package org.miaopi.supervisor.ui;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.model.Officer;
import org.miaopi.core.supervision.Card;
import org.miaopi.supervision.CardEvidence;
import org.miaopi.supervision.Reports;
import org.miaopi.supervision.SupervisionService;

/**
 * The stored cards of this month and the last, most serious first, with the evidence of the one chosen in
 * the workbench's language, and their export as CSV or as a sealed PDF report.
 */
final class CardList {

	private static final int RULE_COLUMN = 1;

	private final Composite root;
	private final Label status;
	final Table table;
	private final Text evidence;
	private SupervisionService service;
	private Officer viewer;
	private org.miaopi.ui.api.MatterCatalog matters;
	private String lastRun;

	CardList(Composite parent) {
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));
		Composite bar = new Composite(root, SWT.NONE);
		bar.setLayout(new GridLayout(4, false));
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		Button evaluate = new Button(bar, SWT.PUSH);
		evaluate.setText(Messages.Cards_evaluate);
		evaluate.addListener(SWT.Selection, e -> evaluate());
		// the list as a report: CSV for spreadsheets, a PDF sealed with the supervision office's seal for anyone to verify
		Button csv = new Button(bar, SWT.PUSH);
		csv.setText(Messages.Cards_exportCsv);
		csv.addListener(SWT.Selection, e -> chooseAndExport("csv")); //$NON-NLS-1$
		Button pdf = new Button(bar, SWT.PUSH);
		pdf.setText(Messages.Cards_exportPdf);
		pdf.addListener(SWT.Selection, e -> chooseAndExport("pdf")); //$NON-NLS-1$
		status = new Label(bar, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		table = Tables.create(root, SWT.NONE, new String[] { Messages.Col_level, Messages.Col_rule, Messages.Col_dossier,
				Messages.Col_matter, Messages.Col_officer, Messages.Col_raised, Messages.Col_evidence },
				new int[] { 80, 165, 150, 200, 110, 90, 400 });
		evidence = new Text(root, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
		GridData g = new GridData(SWT.FILL, SWT.BOTTOM, true, false);
		g.heightHint = 60;
		evidence.setLayoutData(g);
		table.addListener(SWT.Selection, e -> {
			Object d = e.item == null ? null : e.item.getData();
			evidence.setText(d instanceof Card k ? told(k) : ""); //$NON-NLS-1$
		});
		// the rule's code (as the CSV, the rules' file and the documentation name it) over its name
		table.addListener(SWT.MouseHover, e -> {
			TableItem item = table.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
			table.setToolTipText(item != null && item.getData() instanceof Card k && item.getBounds(RULE_COLUMN).contains(e.x, e.y)
					? k.rule() : null);
		});
	}

	Composite control() {
		return root;
	}

	void viewer(SupervisionService service, Officer viewer, org.miaopi.ui.api.MatterCatalog matters) {
		this.service = service;
		this.viewer = viewer;
		this.matters = matters;
	}

	/** The period the list shows: this month and the last. */
	private static LocalDate from(LocalDate today) {
		return today.minusMonths(1).withDayOfMonth(1);
	}

	private void chooseAndExport(String format) {
		FileDialog dialog = new FileDialog(root.getShell(), SWT.SAVE);
		dialog.setOverwrite(true);
		dialog.setFilterExtensions(new String[] { "*." + format }); //$NON-NLS-1$
		dialog.setFileName("cards-" + ChinaTime.today() + "." + format); //$NON-NLS-1$ //$NON-NLS-2$
		String chosen = dialog.open();
		if (chosen != null) {
			export(java.nio.file.Path.of(chosen));
		}
	}

	/**
	 * Writes the cards of the period shown as a report (a .pdf name: sealed PDF, else CSV), in a job with
	 * progress; the supervision service records the export in the audit ledger.
	 */
	Job export(java.nio.file.Path target) {
		if (service == null || viewer == null) {
			return null;
		}
		SupervisionService s = service;
		Officer v = viewer;
		LocalDate today = ChinaTime.today();
		Reports.Request request = new Reports.Request(Reports.Kind.CARDS, null, from(today), today, today, null, Tables.language());
		status.setText(Messages.Export_running);
		Job job = new Job(Messages.Export_running) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				monitor.beginTask(Messages.Export_running, IProgressMonitor.UNKNOWN);
				String words;
				try {
					SupervisionService.Exported done = s.export(v, request, target);
					words = done.format().equals("pdf") //$NON-NLS-1$
							? NLS.bind(Messages.Export_sealed, new Object[] { done.rows(), target.getFileName(), done.id() })
							: NLS.bind(Messages.Export_done, done.rows(), target.getFileName());
				} catch (RuntimeException e) {
					words = NLS.bind(Messages.Export_failed, e.getMessage() == null ? "\u2014" : e.getMessage()); //$NON-NLS-1$ never a class name
				}
				String result = words;
				Background.ui(status, () -> {
					status.setText(result);
					status.getParent().layout();
				});
				monitor.done();
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == Background.FAMILY;
			}
		};
		job.setUser(true);
		job.schedule();
		return job;
	}

	/** What the status line says (tests). */
	String status() {
		return status.getText();
	}

	void load() {
		if (service == null || viewer == null) {
			return;
		}
		SupervisionService s = service;
		Officer v = viewer;
		LocalDate today = ChinaTime.today();
		Background.run("cards", table, () -> { //$NON-NLS-1$
			KnownNames.read(s);
			return s.cards(v, null, from(today), today);
		}, this::show,
				why -> status.setText(NLS.bind(Messages.Failed, why)));
	}

	void evaluate() {
		if (service == null || viewer == null) {
			return;
		}
		SupervisionService s = service;
		Officer v = viewer;
		LocalDate today = ChinaTime.today();
		Background.run("evaluate", table, () -> s.evaluate(v, null, today.minusMonths(1).withDayOfMonth(1), today), run -> { //$NON-NLS-1$
			lastRun = NLS.bind(Messages.Cards_evaluated, run.cases(), run.stored().size());
			load();
		}, why -> status.setText(NLS.bind(Messages.Failed, why)));
	}

	/** The card's facts as a sentence in the workbench's language, people named. */
	static String evidence(Card k) {
		org.miaopi.supervision.Names names = KnownNames.now();
		return names == null ? CardEvidence.render(k, Tables.language()) : CardEvidence.render(k, names);
	}

	private void show(List<Card> cards) {
		table.setRedraw(false);
		table.removeAll();
		for (Card k : cards) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { level(k), CardEvidence.ruleName(k.rule(), Tables.language()), Tables.text(k.dossierNo()), Tables.matter(matters, k.matterCode()),
					KnownNames.officer(k.officerId()), k.raisedOn().toString(), evidence(k) });
			item.setData(k);
			switch (k.level()) {
			case RED -> item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_RED));
			case YELLOW -> item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_YELLOW));
			default -> {
			}
			}
		}
		table.setRedraw(true);
		if ("cards".equals(System.getProperty("miaopi.supervision.tab")) && table.getSelectionCount() == 0) { //$NON-NLS-1$ //$NON-NLS-2$
			// a screenshot of the cards shows one case's card with its evidence, as if chosen
			for (TableItem item : table.getItems()) {
				if (item.getData() instanceof Card k && k.dossierNo() != null) {
					table.setSelection(item);
					table.showSelection();
					evidence.setText(told(k));
					break;
				}
			}
		}
		String count = NLS.bind(Messages.Cards_count, cards.size());
		status.setText(lastRun == null ? count : count + " \u00b7 " + lastRun); //$NON-NLS-1$
		status.getParent().layout();
	}

	/** The chosen card told in the evidence pane: the rule's name, its code, and the evidence sentence. */
	static String told(Card k) {
		java.util.Locale l = Tables.language();
		return CardEvidence.ruleName(k.rule(), l) + " (" + k.rule() + "): " + CardEvidence.render(k, l); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String level(Card k) {
		return switch (k.level()) {
		case WARNING -> Messages.Level_WARNING;
		case YELLOW -> Messages.Level_YELLOW;
		case RED -> Messages.Level_RED;
		};
	}
}
