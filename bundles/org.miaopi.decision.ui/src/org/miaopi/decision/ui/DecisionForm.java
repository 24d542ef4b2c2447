package org.miaopi.decision.ui;

import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.ui.api.PartLayout;
import org.miaopi.ui.api.Texts;

/**
 * The decision form's widgets: the kind, the reason codes, the legal basis, the justification, and
 * the decide button with what still stands in its way. One column, labels above their fields:
 * the part is often narrow. It holds no decision logic; {@link DecisionPart} drives it.
 */
final class DecisionForm {

	final Composite composite;
	private final Label header;
	private final Button[] kinds = new Button[DecisionKind.values().length];
	final ReasonChoice reasons;
	private final Text legalBasis;
	private final Label justificationLabel;
	private final Text justification;
	private final Label problem;
	private final Button decide;

	DecisionForm(Composite parent, Consumer<DecisionKind> kindChosen, Runnable changed, Runnable decided) {
		composite = new Composite(parent, SWT.NONE);
		// labels beside their fields: at 1280x800 the part is about 300 pixels high, and the
		// decide button must stay on screen
		GridLayout layout = new GridLayout(2, false);
		layout.verticalSpacing = 4;
		composite.setLayout(layout);
		header = wrapping(2);
		heading(Messages.Decision_kind, SWT.CENTER);
		Composite kindRow = new Composite(composite, SWT.NONE);
		GridLayout kl = new GridLayout(3, false);
		kl.marginWidth = 0;
		kl.marginHeight = 0;
		kindRow.setLayout(kl);
		for (DecisionKind k : DecisionKind.values()) {
			Button b = new Button(kindRow, SWT.RADIO);
			b.setText(Texts.of(k));
			b.addListener(SWT.Selection, e -> {
				if (b.getSelection()) {
					kindChosen.accept(k);
				}
			});
			kinds[k.ordinal()] = b;
		}
		heading(Messages.Decision_reasons, SWT.TOP);
		reasons = new ReasonChoice(composite, changed);
		heading(Messages.Decision_legalBasis, SWT.CENTER);
		legalBasis = new Text(composite, SWT.BORDER);
		legalBasis.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		legalBasis.addListener(SWT.Modify, e -> changed.run());
		justificationLabel = wrapping(2);
		justificationLabel.setText(Messages.Decision_justification);
		justification = new Text(composite, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		GridData jd = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		jd.heightHint = 38;
		justification.setLayoutData(jd);
		justification.addListener(SWT.Modify, e -> changed.run());
		justification.addListener(SWT.Traverse, e -> {
			if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
				e.doit = true; // Tab leaves the field instead of typing a tab
			}
		});
		Composite bottom = new Composite(composite, SWT.NONE);
		GridLayout bl = new GridLayout(2, false);
		bl.marginWidth = 0;
		bl.marginHeight = 0;
		bottom.setLayout(bl);
		bottom.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		problem = new Label(bottom, SWT.WRAP);
		problem.setForeground(problem.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		GridData pd = new GridData(SWT.FILL, SWT.CENTER, true, false);
		pd.widthHint = 100;
		problem.setLayoutData(pd);
		decide = new Button(bottom, SWT.PUSH);
		decide.setText(Messages.Decision_decide);
		decide.addListener(SWT.Selection, e -> decided.run());
	}

	/** A short heading in the left column (no wrapping: nothing to size again on every layout). */
	private void heading(String text, int vertical) {
		Label l = new Label(composite, SWT.NONE);
		l.setText(text);
		l.setLayoutData(new GridData(SWT.LEFT, vertical, false, false));
	}

	private Label wrapping(int span) {
		Label l = new Label(composite, SWT.WRAP);
		GridData ld = new GridData(SWT.FILL, SWT.TOP, true, false, span, 1);
		ld.widthHint = 100; // wrap within the part instead of widening it
		l.setLayoutData(ld);
		return l;
	}

	String header() {
		return header.getText();
	}

	void header(String text, boolean warn) {
		header.setForeground(warn ? header.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
		PartLayout.text(composite, header, text);
	}

	void kind(DecisionKind k) {
		for (DecisionKind each : DecisionKind.values()) {
			kinds[each.ordinal()].setSelection(each == k);
		}
	}

	void justificationRequired(long attention) {
		PartLayout.text(composite, justificationLabel, attention > 0
				? NLS.bind(Messages.Decision_justificationRequired, attention) : Messages.Decision_justification);
	}

	String legalBasis() {
		return legalBasis.getText();
	}

	void legalBasis(String text) {
		legalBasis.setText(text);
	}

	String justification() {
		return justification.getText();
	}

	void justification(String text) {
		justification.setText(text);
	}

	/** Enables the fields for an officer; {@code problem} null enables the decide button. */
	void state(boolean mayAct, String problem) {
		for (Button b : kinds) {
			b.setEnabled(mayAct);
		}
		reasons.control().setEnabled(mayAct);
		legalBasis.setEnabled(mayAct);
		justification.setEnabled(mayAct);
		problem(problem);
		decide.setEnabled(problem == null);
	}

	void problem(String text) {
		PartLayout.text(composite, problem, text);
	}

	String problem() {
		return problem.getText();
	}

	boolean canDecide() {
		return decide.isEnabled();
	}

	/** Where the keyboard starts for {@code kind}: the justification to approve, the reasons otherwise. */
	void focusStart(DecisionKind kind) {
		(kind == DecisionKind.APPROVE ? justification : reasons.control()).setFocus();
	}

	void focusKind(DecisionKind kind) {
		kinds[kind.ordinal()].setFocus();
	}
}
