package org.miaopi.decision.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.ui.api.MatterCatalog;
import org.miaopi.ui.api.MatterCatalog.ReasonCode;

/**
 * The reason codes an officer may tick for the decision being taken: exactly those the matter says
 * fit its kind (the core refuses any other). An approval is offered its codes only when it goes
 * over comparison results that need attention.
 */
final class ReasonChoice {

	private final Table table;

	ReasonChoice(Composite parent, Runnable changed) {
		table = new Table(parent, SWT.CHECK | SWT.BORDER | SWT.SINGLE);
		GridData rd = new GridData(SWT.FILL, SWT.FILL, true, false);
		rd.heightHint = 62; // three codes without scrolling; more scroll
		rd.widthHint = 100; // as wide as the part, not as the longest reason (its full text is the tooltip)
		table.setLayoutData(rd);
		table.addListener(SWT.MouseHover, e -> {
			TableItem item = table.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
			table.setToolTipText(item == null ? null : item.getText());
		});
		table.addListener(SWT.Selection, e -> changed.run());
	}

	/** Lists the reasons that fit {@code kind} for the matter; none when nothing is to be explained. */
	void fill(MatterCatalog matters, String matterCode, DecisionKind kind, long attention) {
		table.setRedraw(false);
		try {
			table.removeAll();
			if (matterCode != null && (kind != DecisionKind.APPROVE || attention > 0)) {
				for (ReasonCode r : matters.reasonCodes(matterCode, kind)) {
					TableItem item = new TableItem(table, SWT.NONE);
					item.setText(r.code() + " \u2014 " + r.name()); //$NON-NLS-1$
					item.setData(r.code());
				}
			}
		} finally {
			table.setRedraw(true);
		}
	}

	/** Ticks the reason code if it is offered. */
	void tick(String code) {
		for (TableItem item : table.getItems()) {
			if (code.equals(item.getData())) {
				item.setChecked(true);
			}
		}
	}

	List<String> checked() {
		List<String> codes = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			if (item.getChecked()) {
				codes.add((String) item.getData());
			}
		}
		return codes;
	}

	/** The ticked reasons as shown (code and words), for the confirmation. */
	List<String> checkedWords() {
		List<String> words = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			if (item.getChecked()) {
				words.add(item.getText());
			}
		}
		return words;
	}

	/** The codes on offer, in the matter's order. */
	List<String> offered() {
		List<String> codes = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			codes.add((String) item.getData());
		}
		return codes;
	}

	Table control() {
		return table;
	}
}
