package org.miaopi.decision.ui;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.ui.api.AuditWords;
import org.miaopi.ui.api.MatterCatalog;
import org.miaopi.ui.api.PartLayout;
import org.miaopi.ui.api.PartStack;
import org.miaopi.ui.api.Texts;
import org.miaopi.ui.api.Topics;

/** The open dossier's timeline from the audit ledger: every step, who took it and when. */
public class AuditTrailPart {

	public static final String ID = Topics.PART_AUDIT;

	@Inject
	@Optional
	private DossierService service;

	@Inject
	private MatterCatalog matters;

	private AuditWords words;
	private PartStack stack;
	private Composite content;
	private Label title;
	private Table table;
	private Officer officer;
	@Inject @Optional private org.miaopi.core.audit.SignatureVerifier verifier;
	private Dossier dossier;
	private List<AuditEvent> events = List.of();

	@PostConstruct
	public void createControls(Composite parent) {
		stack = new PartStack(parent, Messages.Audit_emptyTitle, Messages.Audit_emptyHint);
		content = new Composite(parent, SWT.NONE);
		content.setLayout(new GridLayout(1, false));
		title = new Label(content, SWT.NONE);
		title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		table = new Table(content, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		String[] names = { Messages.Audit_seq, Messages.Audit_time, Messages.Audit_actor, Messages.Audit_event,
				Messages.Audit_details };
		int[] widths = { 60, 125, 110, 190, 320 };
		for (int i = 0; i < names.length; i++) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(names[i]);
			c.setWidth(widths[i]);
		}
		words = new AuditWords(matters::name);
		// the ledger's own key of the event under the pointer, for support (the row says it in words)
		table.addListener(SWT.MouseHover, e -> {
			TableItem item = table.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
			table.setToolTipText(item == null ? null : (String) item.getData());
		});
		show(null);
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
			show(changed);
		}
	}

	public void show(Dossier d) {
		if (!PartStack.isLive(stack)) {
			return;
		}
		dossier = officer == null || service == null ? null : d;
		if (dossier == null) {
			events = List.of();
			stack.showEmpty();
			return;
		}
		try {
			events = service.history(officer, dossier.number());
			// MessageFormat: the English title says "1 event", "2 events"
			PartLayout.text(content, title, java.text.MessageFormat.format(Messages.Audit_title, dossier.number(), events.size()));
		} catch (RuntimeException e) {
			events = List.of();
			PartLayout.text(content, title, NLS.bind(Messages.Audit_failed, e.getMessage()));
		}
		table.setRedraw(false);
		table.removeAll();
		Map<Long, String> marks = marks();
		for (AuditEvent e : events) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { Long.toString(e.sequence()), Texts.time(e.time()), words.actor(e.actor()), words.event(e.type()),
					SignatureMarks.prefix(marks.get(e.sequence()), words.details(e.details())) });
			item.setData(e.type());
			if (e.details().containsKey(DecisionFlow.OVERRIDE_DETAIL)) {
				item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
			}
		}
		// the event column as wide as its longest words (they differ by language), the details take the rest
		org.eclipse.swt.widgets.TableColumn event = table.getColumn(3);
		int wide = event.getWidth();
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
		for (TableItem item : table.getItems()) {
			wide = Math.max(wide, gc.textExtent(item.getText(3)).x + 16);
		}
		gc.dispose();
		event.setWidth(wide);
		table.setRedraw(true);
		if (table.getItemCount() > 0) {
			table.showItem(table.getItem(table.getItemCount() - 1));
		}
		stack.show(content);
	}

	private Map<Long, String> marks() {
		try {
			return SignatureMarks.of(service, verifier, officer, dossier.number());
		} catch (RuntimeException e) {
			return Map.of(); // the events are shown all the same
		}
	}

	public List<AuditEvent> getEvents() {
		return events;
	}

	public Table getTable() {
		return table;
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
