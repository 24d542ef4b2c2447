package org.miaopi.supervisor.ui;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.model.Officer;
import org.miaopi.core.supervision.Card;
import org.miaopi.supervision.SupervisionService;

/** The stored cards of this month and the last, most serious first, with the evidence of the one chosen. */
final class CardList {

	private final Composite root;
	private final Label status;
	final Table table;
	private final Text evidence;
	private SupervisionService service;
	private Officer viewer;
	private String lastRun;

	CardList(Composite parent) {
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));
		Composite bar = new Composite(root, SWT.NONE);
		bar.setLayout(new GridLayout(2, false));
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		Button evaluate = new Button(bar, SWT.PUSH);
		evaluate.setText(Messages.Cards_evaluate);
		evaluate.addListener(SWT.Selection, e -> evaluate());
		status = new Label(bar, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		table = Tables.create(root, SWT.NONE, new String[] { Messages.Col_level, Messages.Col_rule, Messages.Col_dossier,
				Messages.Col_officer, Messages.Col_raised, Messages.Col_evidence }, new int[] { 80, 190, 160, 110, 90, 400 });
		evidence = new Text(root, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
		GridData g = new GridData(SWT.FILL, SWT.BOTTOM, true, false);
		g.heightHint = 60;
		evidence.setLayoutData(g);
		table.addListener(SWT.Selection, e -> {
			Object d = e.item == null ? null : e.item.getData();
			evidence.setText(d instanceof Card k ? k.rule() + ": " + k.evidence() : ""); //$NON-NLS-1$ //$NON-NLS-2$
		});
	}

	Composite control() {
		return root;
	}

	void viewer(SupervisionService service, Officer viewer) {
		this.service = service;
		this.viewer = viewer;
	}

	void load() {
		if (service == null || viewer == null) {
			return;
		}
		SupervisionService s = service;
		Officer v = viewer;
		LocalDate today = ChinaTime.today();
		Background.run("cards", table, () -> s.cards(v, null, today.minusMonths(1).withDayOfMonth(1), today), this::show, //$NON-NLS-1$
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

	private void show(List<Card> cards) {
		table.setRedraw(false);
		table.removeAll();
		for (Card k : cards) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { level(k), k.rule(), Tables.text(k.dossierNo()), Tables.text(k.officerId()),
					k.raisedOn().toString(), k.evidence() });
			item.setData(k);
			switch (k.level()) {
			case RED -> item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_RED));
			case YELLOW -> item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_YELLOW));
			default -> {
			}
			}
		}
		table.setRedraw(true);
		String count = NLS.bind(Messages.Cards_count, cards.size());
		status.setText(lastRun == null ? count : count + " \u00b7 " + lastRun); //$NON-NLS-1$
		status.getParent().layout();
	}

	private static String level(Card k) {
		return switch (k.level()) {
		case WARNING -> Messages.Level_WARNING;
		case YELLOW -> Messages.Level_YELLOW;
		case RED -> Messages.Level_RED;
		};
	}
}
