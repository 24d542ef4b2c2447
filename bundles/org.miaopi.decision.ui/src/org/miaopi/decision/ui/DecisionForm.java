package org.miaopi.decision.ui;

import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.ui.api.Texts;

/**
 * The decision form's widgets: the kind, the reason codes, the legal basis, the justification, and
 * the decide button with what still stands in its way. Labels beside their fields, the whole form
 * in a vertically scrolling page: at 1280x800 the part is small, and nothing may be cut off. Once
 * the dossier is no longer decidable the form shows the decision it has instead of its fields.
 * It holds no decision logic; {@link DecisionPart} drives it.
 */
final class DecisionForm {

	/** The page the part stacks: scrolls {@link #body} when the part is lower than the form. */
	final ScrolledComposite composite;
	private final Composite body;
	private final Label header;
	private final Label outcome;
	private final Label warning;
	private final Control[] fields;
	private final Button[] kinds = new Button[DecisionKind.values().length];
	final ReasonChoice reasons;
	private final Text legalBasis;
	private final Label justificationLabel;
	private final Text justification;
	private final Label problem;
	private final Button decide;

	DecisionForm(Composite parent, Consumer<DecisionKind> kindChosen, Runnable changed, Runnable decided) {
		composite = new ScrolledComposite(parent, SWT.V_SCROLL);
		composite.setExpandHorizontal(true);
		composite.setExpandVertical(true);
		body = new Composite(composite, SWT.NONE);
		composite.setContent(body);
		// the form wraps to the part's width and scrolls vertically: the height follows the width
		composite.addListener(SWT.Resize, e -> fit());
		// labels beside their fields: at 1280x800 the part is about 300 pixels high
		GridLayout layout = new GridLayout(2, false);
		layout.verticalSpacing = 4;
		body.setLayout(layout);
		header = wrapping(2);
		outcome = wrapping(2);
		outcome.setForeground(new Color(30, 90, 40));
		Label kindHeading = heading(Messages.Decision_kind, SWT.CENTER);
		Composite kindRow = new Composite(body, SWT.NONE);
		// the three kinds wrap onto more lines rather than being cut off in a narrow part
		RowLayout kl = new RowLayout(SWT.HORIZONTAL);
		kl.wrap = true;
		kl.marginLeft = 0;
		kl.marginTop = 0;
		kl.marginBottom = 0;
		kindRow.setLayout(kl);
		GridData krd = new GridData(SWT.FILL, SWT.CENTER, true, false);
		krd.widthHint = 100;
		kindRow.setLayoutData(krd);
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
		Label reasonsHeading = heading(Messages.Decision_reasons, SWT.TOP);
		reasons = new ReasonChoice(body, changed);
		warning = wrapping(2);
		warning.setForeground(warning.getDisplay().getSystemColor(SWT.COLOR_DARK_YELLOW));
		Label basisHeading = heading(Messages.Decision_legalBasis, SWT.TOP);
		// a provision's title is long: it wraps on two lines instead of being cut off
		legalBasis = new Text(body, SWT.BORDER | SWT.MULTI | SWT.WRAP);
		GridData ld = new GridData(SWT.FILL, SWT.CENTER, true, false);
		ld.widthHint = 100;
		ld.heightHint = 2 * legalBasis.getLineHeight();
		legalBasis.setLayoutData(ld);
		legalBasis.addListener(SWT.Modify, e -> changed.run());
		legalBasis.addListener(SWT.Traverse, e -> {
			if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS || e.detail == SWT.TRAVERSE_RETURN) {
				e.doit = true; // one logical line: Tab and Enter do not type into it
			}
		});
		justificationLabel = wrapping(2);
		justificationLabel.setText(Messages.Decision_justification);
		justification = new Text(body, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		GridData jd = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		jd.widthHint = 100;
		jd.heightHint = 38;
		justification.setLayoutData(jd);
		justification.addListener(SWT.Modify, e -> changed.run());
		justification.addListener(SWT.Traverse, e -> {
			if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
				e.doit = true; // Tab leaves the field instead of typing a tab
			}
		});
		Composite bottom = new Composite(body, SWT.NONE);
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
		fields = new Control[] { kindHeading, kindRow, reasonsHeading, reasons.control(), basisHeading, legalBasis,
				justificationLabel, justification, bottom };
		closed(null);
	}

	/** Sizes the scrolled page to the part's width; its height then decides whether it scrolls. */
	private void fit() {
		int width = composite.getClientArea().width;
		if (width > 0) {
			composite.setMinSize(body.computeSize(width, SWT.DEFAULT));
		}
	}

	/** After a change of texts or of what is shown: lay out again and resize the scrolled page. */
	private void relayout() {
		body.layout(true, true);
		fit();
	}

	/** A short heading in the left column (no wrapping: nothing to size again on every layout). */
	private Label heading(String text, int vertical) {
		Label l = new Label(body, SWT.NONE);
		l.setText(text);
		l.setLayoutData(new GridData(SWT.LEFT, vertical, false, false));
		return l;
	}

	private Label wrapping(int span) {
		Label l = new Label(body, SWT.WRAP);
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
		text(header, text);
	}

	private void text(Label label, String text) {
		String t = text == null ? "" : text; //$NON-NLS-1$
		if (!t.equals(label.getText())) {
			label.setText(t);
			relayout();
		}
	}

	/**
	 * {@code summary} null shows the fields to decide with; otherwise the dossier has been decided
	 * (or cannot be now): the fields give way to what was decided and what comes next.
	 */
	void closed(String summary) {
		boolean open = summary == null;
		for (Control c : fields) {
			show(c, open);
		}
		show(outcome, !open);
		outcome.setText(open ? "" : summary); //$NON-NLS-1$
		show(warning, open && !warning.getText().isEmpty());
		relayout();
	}

	private static void show(Control c, boolean visible) {
		c.setVisible(visible);
		((GridData) c.getLayoutData()).exclude = !visible;
	}

	String outcome() {
		return outcome.isVisible() ? outcome.getText() : ""; //$NON-NLS-1$
	}

	/** A warning that does not stop the decision (e.g. a reason that the comparison does not bear out). */
	void warning(String text) {
		String t = text == null ? "" : text; //$NON-NLS-1$
		if (!t.equals(warning.getText())) {
			warning.setText(t);
			show(warning, !t.isEmpty() && !outcome.isVisible());
			relayout();
		}
	}

	String warning() {
		return warning.getText();
	}

	void kind(DecisionKind k) {
		for (DecisionKind each : DecisionKind.values()) {
			kinds[each.ordinal()].setSelection(each == k);
		}
	}

	void justificationRequired(long attention) {
		text(justificationLabel, attention > 0
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

	/**
	 * Enables the fields for an officer; {@code problem} null enables the decide button. A closed
	 * form (the dossier decided, or not decidable now) says nothing in red: it shows what was decided.
	 */
	void state(boolean mayAct, String problem, boolean closed) {
		for (Button b : kinds) {
			b.setEnabled(mayAct);
		}
		reasons.control().setEnabled(mayAct);
		legalBasis.setEnabled(mayAct);
		justification.setEnabled(mayAct);
		problem(closed ? null : problem);
		decide.setEnabled(problem == null && !closed);
	}

	void problem(String text) {
		text(problem, text);
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
