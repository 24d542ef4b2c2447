package org.miaopi.decision.ui;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
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
import org.miaopi.certificate.CertificateService;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.DossierService;
import org.miaopi.ui.api.PartStack;
import org.miaopi.ui.api.MatterCatalog;
import org.miaopi.ui.api.MatterCatalog.ReasonCode;
import org.miaopi.ui.api.Texts;
import org.miaopi.ui.api.Topics;

/**
 * Approve, reject or request a supplement, with the matter's reason codes and legal basis.
 * Approving over comparison results that need attention demands a written justification; an
 * approval is confirmed before sealing (it cannot be undone), then the certificate is issued in
 * a background job and shown with its verification.
 */
public class DecisionPart {

	public static final String ID = Topics.PART_DECISION;

	@Inject @Optional private DossierService service;
	@Inject @Optional private CertificateService certificates;
	@Inject private MatterCatalog matters;
	@Inject private IEventBroker broker;
	@Inject private UISynchronize sync;

	/** Test hook: answers the confirmation instead of a dialog when set. */
	public java.util.function.BooleanSupplier confirm;

	private PartStack stack;
	private Composite form;
	private Label header;
	private final Button[] kinds = new Button[DecisionKind.values().length];
	private Table reasons;
	private Text legalBasis;
	private Label justificationLabel;
	private Text justification;
	private Label problem;
	private Button decide;
	private CertificateView certificate;
	private Officer officer;
	private Dossier dossier;
	private long attention;
	private DecisionKind kind = DecisionKind.APPROVE;

	@PostConstruct
	public void createControls(Composite parent) {
		stack = new PartStack(parent, Messages.Decision_emptyTitle, Messages.Decision_emptyHint);
		form = new Composite(parent, SWT.NONE);
		// one column, labels above their fields: the part is often narrow
		form.setLayout(new GridLayout(1, false));
		header = new Label(form, SWT.WRAP);
		GridData hd = new GridData(SWT.FILL, SWT.TOP, true, false);
		hd.widthHint = 100; // wrap within the part instead of widening it
		header.setLayoutData(hd);
		Composite kindRow = new Composite(form, SWT.NONE);
		GridLayout kl = new GridLayout(4, false);
		kl.marginWidth = 0;
		kl.marginHeight = 0;
		kindRow.setLayout(kl);
		new Label(kindRow, SWT.NONE).setText(Messages.Decision_kind);
		for (DecisionKind k : DecisionKind.values()) {
			Button b = new Button(kindRow, SWT.RADIO);
			b.setText(Texts.of(k));
			b.addListener(SWT.Selection, e -> {
				if (b.getSelection()) {
					choose(k);
				}
			});
			kinds[k.ordinal()] = b;
		}
		label(Messages.Decision_reasons);
		reasons = new Table(form, SWT.CHECK | SWT.BORDER | SWT.SINGLE);
		GridData rd = new GridData(SWT.FILL, SWT.FILL, true, false);
		rd.heightHint = 52;
		reasons.setLayoutData(rd);
		reasons.addListener(SWT.Selection, e -> validate());
		label(Messages.Decision_legalBasis);
		legalBasis = new Text(form, SWT.BORDER);
		legalBasis.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		legalBasis.addListener(SWT.Modify, e -> validate());
		justificationLabel = label(Messages.Decision_justification);
		justification = new Text(form, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		GridData jd = new GridData(SWT.FILL, SWT.FILL, true, true);
		jd.heightHint = 40;
		justification.setLayoutData(jd);
		justification.addListener(SWT.Modify, e -> validate());
		justification.addListener(SWT.Traverse, e -> {
			if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
				e.doit = true; // Tab leaves the field instead of typing a tab
			}
		});
		Composite bottom = new Composite(form, SWT.NONE);
		GridLayout bl = new GridLayout(2, false);
		bl.marginWidth = 0;
		bl.marginHeight = 0;
		bottom.setLayout(bl);
		bottom.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		problem = new Label(bottom, SWT.WRAP);
		problem.setForeground(problem.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		GridData pd = new GridData(SWT.FILL, SWT.CENTER, true, false);
		pd.widthHint = 100;
		problem.setLayoutData(pd);
		decide = new Button(bottom, SWT.PUSH);
		decide.setText(Messages.Decision_decide);
		decide.addListener(SWT.Selection, e -> decide());
		// after an approval the certificate takes the whole part: the form has done its work
		certificate = new CertificateView(parent);
		show(null);
	}

	private Label label(String text) {
		Label l = new Label(form, SWT.WRAP);
		l.setText(text);
		GridData ld = new GridData(SWT.FILL, SWT.TOP, true, false);
		ld.widthHint = 100;
		l.setLayoutData(ld);
		return l;
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
	void start(@UIEventTopic(Topics.DECIDE) DecisionKind requested) {
		if (dossier != null) {
			choose(requested);
			(requested == DecisionKind.APPROVE ? justification : reasons).setFocus();
		}
	}

	public void show(Dossier d) {
		if (!PartStack.isLive(stack)) {
			return;
		}
		dossier = officer == null || service == null ? null : d;
		if (dossier == null) {
			stack.showEmpty();
			return;
		}
		try {
			attention = DecisionFlow.attention(service.comparisons(officer, dossier.number()));
		} catch (RuntimeException e) {
			attention = 0;
		}
		header.setText(NLS.bind(attention > 0 ? Messages.Decision_headerAttention : Messages.Decision_header,
				new Object[] { dossier.number(), Texts.of(dossier.status()), attention }));
		header.setForeground(attention > 0 ? header.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
		justification.setText(""); //$NON-NLS-1$
		certificate.clear();
		choose(DecisionKind.APPROVE);
		stack.show(form);
		header.requestLayout();
		if (dossier.status() == DossierStatus.CERTIFICATE_ISSUED && certificates != null) {
			showExisting(dossier);
		}
	}

	/** A dossier that has its certificate shows it (number, verification, first page), read and verified off the UI thread. */
	private void showExisting(Dossier issued) {
		Officer viewer = officer;
		certificate.issuing(NLS.bind(Messages.Certificate_for, issued.number(), issued.applicant().name()));
		stack.show(certificate);
		stack.parent().layout(true, true);
		Job job = Job.create(NLS.bind(Messages.Certificate_for, issued.number(), issued.applicant().name()), monitor -> {
			try {
				java.util.Optional<CertificateIssuance.Result> r = CertificateIssuance.existing(certificates, service, viewer, issued);
				sync.asyncExec(() -> {
					if (issued != dossier || certificate.isDisposed()) {
						return; // another dossier was opened meanwhile
					}
					if (r.isPresent()) {
						certificate.show(r.get());
					} else {
						stack.show(form);
						stack.parent().layout(true, true);
					}
				});
			} catch (RuntimeException e) {
				sync.asyncExec(() -> certificate.failed(e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
		lastJob = job;
	}

	/** Selects the kind of decision and fills its reason codes and legal basis. */
	public void choose(DecisionKind k) {
		kind = k;
		for (DecisionKind each : DecisionKind.values()) {
			kinds[each.ordinal()].setSelection(each == k);
		}
		reasons.removeAll();
		if (dossier != null) {
			for (ReasonCode r : matters.reasonCodes(dossier.matterCode(), k)) {
				TableItem item = new TableItem(reasons, SWT.NONE);
				item.setText(r.code() + " \u2014 " + r.name()); //$NON-NLS-1$
				item.setData(r.code());
			}
			legalBasis.setText(matters.legalBasis(dossier.matterCode(), k));
		}
		boolean required = k == DecisionKind.APPROVE && attention > 0;
		justificationLabel.setText(required ? NLS.bind(Messages.Decision_justificationRequired, attention)
				: Messages.Decision_justification);
		justificationLabel.requestLayout();
		reasons.requestLayout();
		validate();
	}

	/** Ticks the reason code (tests and keyboard users tick with Space). */
	public void tick(String code) {
		for (TableItem item : reasons.getItems()) {
			if (code.equals(item.getData())) {
				item.setChecked(true);
			}
		}
		validate();
	}

	private List<String> checkedReasons() {
		List<String> codes = new ArrayList<>();
		for (TableItem item : reasons.getItems()) {
			if (item.getChecked()) {
				codes.add((String) item.getData());
			}
		}
		return codes;
	}

	private String validate() {
		String p = DecisionFlow.problem(officer, dossier, kind, checkedReasons(), legalBasis.getText(),
				justification.getText(), attention);
		boolean mayAct = officer != null && officer.hasRole(Role.OFFICER);
		for (Button b : kinds) {
			b.setEnabled(mayAct);
		}
		reasons.setEnabled(mayAct);
		legalBasis.setEnabled(mayAct);
		justification.setEnabled(mayAct);
		problem.setText(p == null ? "" : p); //$NON-NLS-1$
		decide.setEnabled(p == null);
		problem.requestLayout();
		return p;
	}

	/** Takes the decision as filled in; for an approval, after confirmation, issues the certificate. */
	public void decide() {
		if (validate() != null) {
			return;
		}
		if (kind == DecisionKind.APPROVE && !confirmed()) {
			return;
		}
		try {
			dossier = DecisionFlow.decide(service, officer, dossier, kind, checkedReasons(), legalBasis.getText(),
					justification.getText(), attention);
		} catch (RuntimeException e) {
			problem.setText(NLS.bind(Messages.Decision_failed, e.getMessage()));
			problem.requestLayout();
			return;
		}
		broker.send(Topics.DOSSIER_CHANGED, dossier);
		header.setText(NLS.bind(Messages.Decision_done, dossier.number(), Texts.of(dossier.status())));
		validate();
		// a theme member's certificate waits for the whole theme (一次出件: ./miaopi issue-themes)
		if (kind == DecisionKind.APPROVE && !dossier.isPartOfTheme()) {
			issueCertificate(dossier);
		}
	}

	private boolean confirmed() {
		if (confirm != null) {
			return confirm.getAsBoolean();
		}
		return MessageDialog.openConfirm(form.getShell(), Messages.Decision_confirmTitle,
				NLS.bind(Messages.Decision_confirm, dossier.number(), dossier.applicant().name()));
	}

	private Job issueCertificate(Dossier approved) {
		Officer actor = officer;
		certificate.issuing(NLS.bind(Messages.Certificate_for, approved.number(), approved.applicant().name()));
		stack.show(certificate);
		stack.parent().layout(true, true);
		Job job = Job.create(NLS.bind(Messages.Issue_job, approved.number()), monitor -> {
			try {
				CertificateIssuance.Result r = CertificateIssuance.issue(certificates, service, matters, actor,
						approved, monitor);
				sync.asyncExec(() -> {
					certificate.show(r);
					broker.send(Topics.DOSSIER_CHANGED, r.dossier());
				});
			} catch (RuntimeException e) {
				sync.asyncExec(() -> certificate.failed(e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		lastJob = job;
		return job;
	}

	private Job lastJob;

	/** The last certificate job, for tests and the benchmark to wait on. */
	public Job lastJob() {
		return lastJob;
	}

	public CertificateView getCertificate() {
		return certificate;
	}

	public boolean canDecide() {
		return decide.isEnabled();
	}

	public String getProblem() {
		return problem.getText();
	}

	public void setJustification(String text) {
		justification.setText(text);
	}

	@Focus
	public void setFocus() {
		if (stack.isShowing(form)) {
			kinds[kind.ordinal()].setFocus();
		} else {
			stack.emptyState().setFocus();
		}
	}
}
