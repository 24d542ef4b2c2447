package org.miaopi.decision.ui;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import java.util.stream.Collectors;

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
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.ThemeService;
import org.miaopi.core.service.ThemeState;
import org.miaopi.ui.api.MatterCatalog;
import org.miaopi.ui.api.PartStack;
import org.miaopi.ui.api.Texts;
import org.miaopi.ui.api.Topics;

/**
 * Approve, reject or request a supplement, with the matter's reason codes and legal basis.
 * Approving over comparison results that need attention demands a written justification; a
 * reason the comparison speaks to shows the fields behind it (or warns that none is). Every
 * decision is confirmed first; an approval's certificate is then issued in a background job and
 * shown with its verification. The form follows the dossier's status as the store has it: once
 * decided it shows the decision and what comes next, and a stale form is refused by the store. The part wires its pieces: the form
 * ({@link DecisionForm}, {@link ReasonChoice}), the rules ({@link DecisionFlow}), the confirmation
 * ({@link Confirmation}) and the hand-off to issuance ({@link IssuanceHandOff}).
 */
public class DecisionPart {

	public static final String ID = Topics.PART_DECISION;

	@Inject @Optional private DossierService service;
	@Inject @Optional private CertificateService certificates;
	@Inject @Optional private ThemeService themes;
	/** The signed-in officer's key, unlocked at sign-in (null: the officer cannot decide). */
	@Inject @Optional private org.miaopi.core.audit.DecisionSigner signer;
	@Inject @Optional private org.miaopi.core.audit.SignatureVerifier verifier;
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
	private java.util.List<ComparisonResult> results = java.util.List.of();
	private DecisionKind kind = DecisionKind.APPROVE;

	@PostConstruct
	public void createControls(Composite parent) {
		stack = new PartStack(parent, Messages.Decision_emptyTitle, Messages.Decision_emptyHint);
		form = new DecisionForm(parent, this::choose, this::validate, this::decide);
		// after an approval the certificate takes the whole part: the form has done its work
		certificate = new CertificateView(parent);
		issuance = new IssuanceHandOff(stack, form.composite, certificate, sync, broker);
		certificate.actions(issuance::view, issuance::openExternally, () -> issuance.verifyAgain(certificates));
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

	/**
	 * Another part (or this one) changed a dossier: if it is the open one and its status moved, the
	 * form follows it as the store now has it, so a decided step cannot be submitted again from it.
	 * A certificate on screen (being issued, or shown) stays.
	 */
	@Inject
	@Optional
	void changed(@UIEventTopic(Topics.DOSSIER_CHANGED) Dossier changed) {
		if (dossier == null || changed == null || !changed.number().equals(dossier.number()) || !PartStack.isLive(stack)) {
			return;
		}
		Dossier fresh = reread(changed);
		if (fresh.status() == dossier.status()) {
			return;
		}
		if (stack.isShowing(form.composite)) {
			show(fresh);
		} else {
			dossier = fresh;
		}
	}

	/** The dossier as the store has it now; {@code d} itself if it cannot be read. */
	private Dossier reread(Dossier d) {
		try {
			return service.find(officer, d.number()).orElse(d);
		} catch (RuntimeException e) {
			return d;
		}
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
			results = service.comparisons(officer, dossier.number());
		} catch (RuntimeException e) {
			results = java.util.List.of();
		}
		attention = DecisionFlow.attention(results);
		// nothing compared is not "every comparison matches": a RECEIVED dossier waits for its pre-check
		form.header(NLS.bind(attention > 0 ? Messages.Decision_headerAttention
				: results.isEmpty() ? Messages.Decision_headerNotCompared : Messages.Decision_header,
				new Object[] { dossier.number(), Texts.of(dossier.status()), attention }), attention > 0);
		form.justification(""); //$NON-NLS-1$
		certificate.clear();
		choose(DecisionKind.APPROVE);
		form.closed(DecisionFlow.decidable(dossier.status()) ? null : decided(dossier));
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
		java.util.List<String> ticked = form.reasons.checked();
		String p = DecisionFlow.problem(officer, dossier, kind, ticked, form.legalBasis(), form.justification(), attention);
		boolean closed = dossier != null && !DecisionFlow.decidable(dossier.status());
		form.state(officer != null && officer.hasRole(Role.OFFICER) && !closed, p, closed);
		form.warning(evidence(ticked));
		return p;
	}

	/** What the comparison says about the ticked reasons: the fields behind each, or that none is. */
	private String evidence(java.util.List<String> ticked) {
		StringBuilder b = new StringBuilder();
		String separator = Texts.chinese() ? "\u3001" : ", "; //$NON-NLS-1$ //$NON-NLS-2$
		DecisionFlow.evidence(ticked, results).forEach((code, fields) -> {
			String outcome = Texts.of(org.miaopi.checks.Reasons.evidence(code).orElseThrow());
			b.append(b.isEmpty() ? "" : "\n").append(fields.isEmpty() //$NON-NLS-1$ //$NON-NLS-2$
					? NLS.bind(Messages.Decision_reasonUnsupported, code, outcome)
					: NLS.bind(Messages.Decision_reasonFields, new Object[] { code, outcome, fields.stream()
							.map(f -> matters.fieldName(dossier.matterCode(), f)).collect(Collectors.joining(separator)) }));
		});
		return b.toString();
	}

	/** The last decision the dossier has (kind, reasons, who, when) and what comes next, in words. */
	private String decided(Dossier d) {
		java.util.List<Decision> taken;
		try {
			taken = service.decisions(officer, d.number());
		} catch (RuntimeException e) {
			taken = java.util.List.of();
		}
		StringBuilder b = new StringBuilder();
		if (!taken.isEmpty()) {
			Decision last = taken.get(taken.size() - 1);
			b.append(NLS.bind(Messages.Decision_last, new Object[] { Texts.of(last.kind()),
					last.automatic() ? Messages.Decision_bySystem : last.officerId(), Texts.time(last.time()) }));
			for (String code : last.reasonCodes()) {
				String words = matters.reasonCodes(d.matterCode(), last.kind()).stream().filter(r -> r.code().equals(code))
						.map(MatterCatalog.ReasonCode::name).findFirst().orElse(""); //$NON-NLS-1$
				b.append('\n').append(words.isEmpty() ? NLS.bind(Messages.Decision_lastReasonCode, code)
						: NLS.bind(Messages.Decision_lastReason, code, words));
			}
			if (last.legalBasis() != null && last.kind() == DecisionKind.REJECT) {
				b.append('\n').append(NLS.bind(Messages.Decision_lastBasis, last.legalBasis()));
			}
			if (last.justification() != null) {
				b.append('\n').append(NLS.bind(Messages.Decision_lastJustification, last.justification()));
			}
			b.append("\n\n"); //$NON-NLS-1$
		}
		return b.append(next(d)).toString();
	}

	/** What happens to the dossier next, by its status. */
	private static String next(Dossier d) {
		return switch (d.status()) {
			case SUPPLEMENT_REQUESTED -> Messages.Decision_nextSupplement;
			case APPROVED -> d.isPartOfTheme() ? Messages.Decision_nextThemeApproved : Messages.Decision_nextApproved;
			case REJECTED -> Messages.Decision_nextRejected;
			case CERTIFICATE_ISSUED -> Messages.Decision_nextIssued;
			case RECEIVED -> Messages.Decision_nextReceived;
			default -> Messages.Decision_nextClosed;
		};
	}

	/** Takes the decision as filled in; for an approval, after confirmation, issues the certificate. */
	public void decide() {
		if (validate() != null) {
			return;
		}
		java.util.List<String> ticked = form.reasons.checked();
		java.util.List<String> words = form.reasons.checkedWords();
		if (!Confirmation.decision(form.composite.getShell(), dossier, kind, words, form.legalBasis(), confirm)) {
			return;
		}
		try {
			dossier = DecisionFlow.decide(service, signer, officer, dossier, kind, ticked, form.legalBasis(),
					form.justification(), attention);
		} catch (StoreException e) {
			if (e.problem() != StoreException.Problem.CONFLICT) {
				form.problem(NLS.bind(Messages.Decision_failed, e.getMessage()));
				return;
			}
			// the form was built on a status the dossier has left: show it as it is now, record nothing
			Dossier now = reread(dossier);
			show(now);
			form.header(NLS.bind(Messages.Decision_stale, now.number(), Texts.of(now.status())), true);
			return;
		} catch (RuntimeException e) {
			form.problem(NLS.bind(Messages.Decision_failed, e.getMessage()));
			return;
		}
		broker.send(Topics.DOSSIER_CHANGED, dossier);
		form.header(NLS.bind(Messages.Decision_doneSigned, new Object[] { dossier.number(), Texts.of(dossier.status()),
				lastSignature() }), false);
		form.closed(decided(dossier));
		validate();
		if (kind == DecisionKind.APPROVE && !dossier.isPartOfTheme()) {
			issuance.issue(certificates, service, matters, officer, dossier);
		} else if (kind == DecisionKind.APPROVE) {
			form.header(themeMemberApproved(dossier), false);
		}
	}

	/** The mark of the decision just taken, checked like any other ("signed by … ✓"). */
	private String lastSignature() {
		try {
			java.util.List<org.miaopi.core.audit.SignedDecision> all = service.signedDecisions(officer, dossier.number());
			return all.isEmpty() ? "" : SignatureMarks.mark(verifier, all.get(all.size() - 1)); //$NON-NLS-1$
		} catch (RuntimeException e) {
			return ""; //$NON-NLS-1$
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

	/** Opens the shown certificate's pages in the large page window; null when none is shown. */
	public org.miaopi.dossier.ui.MaterialViewer viewCertificate() {
		return issuance.view();
	}

	/** Verifies the shown certificate again in a job (also {@link #lastJob()}); null when none is shown. */
	public Job verifyCertificateAgain() {
		return issuance.verifyAgain(certificates);
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

	/** The decision the dossier has and what comes next; empty while it can be decided. */
	public String getOutcome() {
		return form.outcome();
	}

	/** What the comparison says about the ticked reasons (e.g. no field mismatches although DATA-MISMATCH is ticked). */
	public String getWarning() {
		return form.warning();
	}

	/** The form's page (it scrolls when the part is lower than the form). */
	public org.eclipse.swt.widgets.Composite getForm() {
		return form.composite;
	}

	/** The dossier the form is about, as last read. */
	public Dossier getDossier() {
		return dossier;
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
