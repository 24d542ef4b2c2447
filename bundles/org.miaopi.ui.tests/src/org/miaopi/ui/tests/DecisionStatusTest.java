package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.decision.ui.DecisionPart;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.SealService;
import org.miaopi.ui.api.Topics;

/**
 * The decision form follows the dossier's status: a decided step cannot be submitted again, a form
 * gone stale is refused, every kind of decision is confirmed, and what was decided is shown after.
 */
class DecisionStatusTest {

	private static final Set<String> USED = new HashSet<>();
	private DossierService dossiers;
	private DecisionPart decision;

	@BeforeEach
	void signIn() {
		DeskFixture.signIn(DeskFixture.OFFICER);
		dossiers = DeskFixture.service(DossierService.class);
		decision = DeskFixture.part(Topics.PART_DECISION, DecisionPart.class);
		decision.confirm = null;
	}

	private static Dossier open(Dossier d) {
		Workbench.application().getContext().get(IEventBroker.class).send(Topics.DOSSIER_OPENED, d);
		Workbench.processEvents();
		return d;
	}

	private static Dossier pick(DossierStatus status, boolean attention) {
		Dossier d = DeskFixture.pick(status, attention, USED);
		USED.add(d.number());
		return d;
	}

	private static Officer officer() {
		return DeskFixture.officer(DeskFixture.OFFICER);
	}

	/** The signed-in officer's key, as the decision part uses it. */
	private static org.miaopi.core.audit.DecisionSigner signer() {
		return Workbench.application().getContext().get(org.miaopi.core.audit.DecisionSigner.class);
	}

	private List<String> events(Dossier d) {
		return dossiers.history(officer(), d.number()).stream().map(AuditEvent::type).toList();
	}

	private void requestSupplement() {
		decision.choose(DecisionKind.REQUEST_SUPPLEMENT);
		decision.tick("MATERIAL-MISSING");
		assertTrue(decision.canDecide(), decision.getProblem());
		decision.decide();
		Workbench.processEvents();
	}

	@Test
	void decidingAgainAfterASupplementRequestRecordsNothingAndTheFormShowsTheDecision() {
		Dossier d = open(pick(DossierStatus.IN_REVIEW, false));
		decision.confirm = () -> true;
		requestSupplement();
		assertEquals(DossierStatus.SUPPLEMENT_REQUESTED, dossiers.find(officer(), d.number()).orElseThrow().status());
		List<String> after = events(d);

		// a second click on Decide… (the form as it was left): the supplement has not arrived
		decision.choose(DecisionKind.REQUEST_SUPPLEMENT);
		decision.tick("MATERIAL-MISSING");
		assertFalse(decision.canDecide(), "a dossier awaiting its supplement cannot be decided");
		decision.decide();
		Workbench.processEvents();
		assertEquals(after, events(d), "nothing recorded, least of all a supplement that never arrived");
		assertFalse(events(d).contains("dossier.supplement-received"));
		assertEquals(1, dossiers.decisions(officer(), d.number()).size());

		assertEquals("", decision.getProblem(), "no red 'cannot be decided' after a success");
		String outcome = decision.getOutcome();
		assertTrue(outcome.contains("Request supplement") && outcome.contains("MATERIAL-MISSING")
				&& outcome.contains(DeskFixture.OFFICER), outcome);
		assertTrue(outcome.contains("returns to review"), "says what comes next: " + outcome);
	}

	@Test
	void aFormBuiltOnAnOlderStatusIsRefusedByTheStore() {
		// a dossier assigned to the officer; another desk then takes it into review and asks for a supplement
		Dossier like = pick(DossierStatus.IN_REVIEW, false);
		StoreAdmin admin = DeskFixture.service(StoreAdmin.class);
		Dossier assigned = new Dossier("UI-STALE-1", like.matterCode(), null, like.applicant(), like.declaredData(),
				like.materials(), like.received(), like.deadline(), DossierStatus.ASSIGNED, DeskFixture.OFFICER,
				like.departmentCode());
		admin.putDossiers(List.of(assigned), "test");
		admin.putComparisons(assigned.number(), DeskFixture.compared().get(like.number()));
		open(assigned);
		dossiers.transition(officer(), TransitionRequest.move(assigned.number(), DossierStatus.IN_REVIEW));
		dossiers.transition(officer(), TransitionRequest.decide(new Decision(assigned.number(), DecisionKind.REQUEST_SUPPLEMENT,
				List.of("MATERIAL-MISSING"), null, officer().id(), Instant.now(), false, null, null, null, null)), signer());
		List<String> before = events(assigned);

		decision.confirm = () -> true;
		requestSupplement(); // from the form still showing ASSIGNED
		assertEquals(before, events(assigned), "the stale form recorded nothing");
		assertEquals(DossierStatus.SUPPLEMENT_REQUESTED, dossiers.find(officer(), assigned.number()).orElseThrow().status());
		assertTrue(decision.getHeader().contains("changed meanwhile"), decision.getHeader());
		assertFalse(decision.canDecide(), "the form now follows the dossier as it is");
		assertTrue(decision.getOutcome().contains("Request supplement"), decision.getOutcome());
	}

	@Test
	void theFormFollowsAStatusChangeAnnouncedByAnotherPart() {
		Dossier d = open(pick(DossierStatus.IN_REVIEW, false));
		decision.choose(DecisionKind.APPROVE);
		assertTrue(decision.canDecide(), decision.getProblem());
		Dossier changed = dossiers.transition(officer(), TransitionRequest.decide(new Decision(d.number(),
				DecisionKind.REQUEST_SUPPLEMENT, List.of("MATERIAL-MISSING"), null, officer().id(), Instant.now(), false, null,
				null, null, null)), signer());
		Workbench.application().getContext().get(IEventBroker.class).send(Topics.DOSSIER_CHANGED, changed);
		Workbench.processEvents();
		assertFalse(decision.canDecide(), "the form follows the new status");
		assertEquals(DossierStatus.SUPPLEMENT_REQUESTED, decision.getDossier().status());
		assertTrue(decision.getOutcome().contains("MATERIAL-MISSING"), decision.getOutcome());
	}

	@Test
	void rejectingAndRequestingASupplementAreConfirmedFirst() {
		Dossier d = open(pick(DossierStatus.IN_REVIEW, false));
		int asked[] = { 0 };
		decision.confirm = () -> {
			asked[0]++;
			return false; // the officer thinks again
		};
		decision.choose(DecisionKind.REQUEST_SUPPLEMENT);
		decision.tick("MATERIAL-MISSING");
		decision.decide();
		decision.choose(DecisionKind.REJECT);
		decision.tick(decision.offeredReasons().get(0));
		assertTrue(decision.canDecide(), decision.getProblem());
		decision.decide();
		Workbench.processEvents();
		assertEquals(2, asked[0], "both asked for confirmation");
		assertEquals(DossierStatus.IN_REVIEW, dossiers.find(officer(), d.number()).orElseThrow().status(), "nothing decided");
		assertTrue(dossiers.decisions(officer(), d.number()).isEmpty());
	}

	@Test
	void aComparisonReasonShowsTheFieldsBehindItOrWarnsThatNoneIs() {
		open(pick(DossierStatus.IN_REVIEW, false));
		decision.choose(DecisionKind.REQUEST_SUPPLEMENT);
		assertEquals("", decision.getWarning());
		decision.tick("DATA-MISMATCH");
		assertTrue(decision.getWarning().contains("no field"), decision.getWarning());

		Dossier d = open(pick(DossierStatus.IN_REVIEW, true));
		decision.choose(DecisionKind.APPROVE);
		decision.tick("DATA-MISMATCH");
		String w = decision.getWarning();
		assertFalse(w.contains("no field"), w);
		MatterDefinition matter = DeskFixture.service(MatterRegistry.class).require(d.matterCode());
		for (ComparisonResult r : DeskFixture.compared().get(d.number())) {
			if (r.outcome() == ComparisonOutcome.MISMATCH) {
				String label = matter.fields().stream().filter(f -> f.key().equals(r.field())).findFirst().orElseThrow().nameEn();
				assertTrue(w.contains(label), "the mismatching field by its label, " + label + ": " + w);
			}
		}
		assertFalse(decision.canDecide(), "approving over a mismatch still needs a justification");
	}

	@Test
	void theFormFitsTheDeskSizeByScrollingNotByCuttingOff() throws Exception {
		Shell shell = (Shell) Workbench.find("org.miaopi.ui.window", MWindow.class).getWidget();
		shell.setSize(1280, 800);
		Workbench.processEvents();
		open(pick(DossierStatus.IN_REVIEW, true));
		decision.choose(DecisionKind.REJECT);
		Workbench.processEvents();
		org.eclipse.swt.widgets.Composite page = decision.getForm();
		org.eclipse.swt.widgets.Composite body = (org.eclipse.swt.widgets.Composite) page.getChildren()[0];
		int width = page.getClientArea().width;
		assertTrue(body.getSize().y >= body.computeSize(width, org.eclipse.swt.SWT.DEFAULT).y,
				"the whole form can be reached: " + body.getSize() + " for " + body.computeSize(width, org.eclipse.swt.SWT.DEFAULT));
		assertTrue(body.getSize().x <= page.getClientArea().width, "nothing cut off at the right: " + body.getSize().x
				+ " in " + page.getClientArea().width);
		Screenshots.take("decision-form-1280x800");
	}

	@Test
	void anIssuedCertificateCanBeViewedAndVerifiedAgain() throws Exception {
		SealService seals = DeskFixture.service(SealService.class);
		if (seals.findSeal(DeskFixture.DEPARTMENT).isEmpty()) {
			((FileSealService) seals).issueSeal(DeskFixture.DEPARTMENT, "深圳市公安局", Instant.now().minus(1, ChronoUnit.DAYS),
					Instant.now().plus(3650, ChronoUnit.DAYS));
		}
		open(pick(DossierStatus.IN_REVIEW, false));
		decision.choose(DecisionKind.APPROVE);
		decision.confirm = () -> true;
		decision.decide();
		decision.lastJob().join();
		Workbench.processEvents();
		assertTrue(decision.getCertificate().getResult().verdict().ok(), decision.getCertificate().getStatus());

		Job again = decision.verifyCertificateAgain();
		again.join();
		Workbench.processEvents();
		assertTrue(decision.getCertificate().getStatus().contains("Verified again"), decision.getCertificate().getStatus());
		assertTrue(decision.getCertificate().getChecks().contains("\u2713"), decision.getCertificate().getChecks());
		Screenshots.take("certificate-verified-again");

		var viewer = decision.viewCertificate();
		try {
			viewer.join();
			Workbench.processEvents();
			assertTrue(viewer.pages() >= 1 && viewer.hasImage(), viewer.getCaption());
		} finally {
			viewer.getShell().close();
			Workbench.processEvents();
		}
	}
}
