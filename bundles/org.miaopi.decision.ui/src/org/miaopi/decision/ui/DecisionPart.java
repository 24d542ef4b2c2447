package org.miaopi.decision.ui;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.miaopi.certificate.CertificateService;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.ThemeService;
import org.miaopi.core.service.ThemeState;
import org.miaopi.ui.api.MatterCatalog;
import org.miaopi.ui.api.PartStack;
import org.miaopi.ui.api.Texts;
import org.miaopi.ui.api.Topics;

/**
 * Approve, reject or request a supplement, with the matter's reason codes and legal basis.
 * Approving over comparison results that need attention demands a written justification; an
 * approval is confirmed before sealing (it cannot be undone), then the certificate is issued in
 * a background job and shown with its verification. The part wires its pieces: the form
 * ({@link DecisionForm}, {@link ReasonChoice}), the rules ({@link DecisionFlow}), the confirmation
 * ({@link Confirmation}) and the hand-off to issuance ({@link IssuanceHandOff}).
 */
public class DecisionPart {

	public static final String ID = Topics.PART_DECISION;

	@Inject @Optional private DossierService service;
	@Inject @Optional private CertificateService certificates;
	@Inject @Optional private ThemeService themes;
	@Inject private MatterCatalog matters;
	@Inject private IEventBroker broker;
	@Inject private UISynchronize sync;

	/** Test hook: answers the confirmation instead of a dialog when set. */
	public java.util.function.BooleanSupplier confirm;

	private PartStack stack;
	private DecisionForm form;
	private CertificateView certificate;
	private IssuanceHandOff issuance;
	private Officer officer;
	private Dossier dossier;
	private long attention;
	private DecisionKind kind = DecisionKind.APPROVE;

	@PostConstruct
	public void createControls(Composite parent) {
		stack = new PartStack(parent, Messages.Decision_emptyTitle, Messages.Decision_emptyHint);
		form = new DecisionForm(parent, this::choose, this::validate, this::decide);
		// after an approval the certificate takes the whole part: the form has done its work
		certificate = new CertificateView(parent);
		issuance = new IssuanceHandOff(stack, form.composite, certificate, sync, broker);
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
	void start(@UIEventTopic(Topics.DECIDE) DecisionKind requested) {
		if (dossier != null) {
			choose(requested);
			form.focusStart(requested);
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
		form.header(NLS.bind(attention > 0 ? Messages.Decision_headerAttention : Messages.Decision_header,
				new Object[] { dossier.number(), Texts.of(dossier.status()), attention }), attention > 0);
		form.justification(""); //$NON-NLS-1$
		certificate.clear();
		choose(DecisionKind.APPROVE);
		stack.show(form.composite);
		if (dossier.status() == DossierStatus.CERTIFICATE_ISSUED && certificates != null) {
			Dossier issued = dossier;
			issuance.showExisting(certificates, service, officer, issued, () -> dossier);
		}
	}

	/** Selects the kind of decision and fills its reason codes and legal basis. */
	public void choose(DecisionKind k) {
		kind = k;
		form.kind(k);
		form.reasons.fill(matters, dossier == null ? null : dossier.matterCode(), k, attention);
		if (dossier != null) {
			form.legalBasis(matters.legalBasis(dossier.matterCode(), k));
		}
		form.justificationRequired(k == DecisionKind.APPROVE ? attention : 0);
		validate();
	}

	/** Ticks the reason code (tests and keyboard users tick with Space). */
	public void tick(String code) {
		form.reasons.tick(code);
		validate();
	}

	/** The reason codes on offer for the chosen kind. */
	public java.util.List<String> offeredReasons() {
		return form.reasons.offered();
	}

	private String validate() {
		String p = DecisionFlow.problem(officer, dossier, kind, form.reasons.checked(), form.legalBasis(),
				form.justification(), attention);
		form.state(officer != null && officer.hasRole(Role.OFFICER), p);
		return p;
	}

	/** Takes the decision as filled in; for an approval, after confirmation, issues the certificate. */
	public void decide() {
		if (validate() != null) {
			return;
		}
		if (kind == DecisionKind.APPROVE && !Confirmation.approval(form.composite.getShell(), dossier, confirm)) {
			return;
		}
		try {
			dossier = DecisionFlow.decide(service, officer, dossier, kind, form.reasons.checked(), form.legalBasis(),
					form.justification(), attention);
		} catch (RuntimeException e) {
			form.problem(NLS.bind(Messages.Decision_failed, e.getMessage()));
			return;
		}
		broker.send(Topics.DOSSIER_CHANGED, dossier);
		form.header(NLS.bind(Messages.Decision_done, dossier.number(), Texts.of(dossier.status())), false);
		validate();
		if (kind == DecisionKind.APPROVE && !dossier.isPartOfTheme()) {
			issuance.issue(certificates, service, matters, officer, dossier);
		} else if (kind == DecisionKind.APPROVE) {
			form.header(themeMemberApproved(dossier), false);
		}
	}

	/**
	 * A theme member's certificate waits for the whole theme (一次出件): say so, and how far the theme
	 * is against the matters its application lists; a rejected or withdrawn theme issues nothing.
	 */
	private String themeMemberApproved(Dossier d) {
		java.util.Optional<ThemeState> t = themes == null ? java.util.Optional.empty() : themes.theme(d.themeDossierNo());
		if (t.isEmpty()) {
			return NLS.bind(Messages.Decision_themeWaits, new Object[] { d.number(), d.themeDossierNo(), "?", "?" }); //$NON-NLS-1$ //$NON-NLS-2$
		}
		ThemeState s = t.get();
		return switch (s.outcome()) {
		case APPROVED -> NLS.bind(Messages.Decision_themeReady, new Object[] { d.number(), d.themeDossierNo(), s.members() });
		case REJECTED -> NLS.bind(Messages.Decision_themeRejected, d.number(), d.themeDossierNo());
		case WITHDRAWN -> NLS.bind(Messages.Decision_themeWithdrawn, d.number(), d.themeDossierNo());
		case PENDING -> NLS.bind(Messages.Decision_themeWaits,
				new Object[] { d.number(), d.themeDossierNo(), s.approved(), Math.max(s.expected(), s.members()) });
		};
	}

	/** The last certificate job, for tests and the benchmark to wait on. */
	public Job lastJob() {
		return issuance.lastJob();
	}

	public CertificateView getCertificate() {
		return certificate;
	}

	public boolean canDecide() {
		return form.canDecide();
	}

	/** The line above the form: the dossier, or what the last decision led to. */
	public String getHeader() {
		return form.header();
	}

	public String getProblem() {
		return form.problem();
	}

	public void setJustification(String text) {
		form.justification(text);
	}

	@Focus
	public void setFocus() {
		if (stack.isShowing(form.composite)) {
			form.focusKind(kind);
		} else {
			stack.emptyState().setFocus();
		}
	}
}
