package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.decision.ui.AuditTrailPart;
import org.miaopi.decision.ui.DecideHandler;
import org.miaopi.decision.ui.DecisionFlow;
import org.miaopi.decision.ui.DecisionPart;
import org.miaopi.dossier.ui.ComparisonPart;
import org.miaopi.dossier.ui.DossierPart;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.SealService;
import org.miaopi.ui.api.Topics;

/** Opening, comparing, deciding and the audit trail, through the parts as an officer uses them. */
class DecidingTest {

	private static final Set<String> USED = new HashSet<>();
	private DossierService dossiers;

	@BeforeEach
	void signIn() {
		DeskFixture.signIn(DeskFixture.OFFICER);
		dossiers = DeskFixture.service(DossierService.class);
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

	@Test
	void openingShowsTheComparisonWithItsMismatches() throws Exception {
		Dossier d = open(pick(DossierStatus.IN_REVIEW, true));
		List<ComparisonResult> expected = DeskFixture.compared().get(d.number());
		ComparisonPart comparison = DeskFixture.part(Topics.PART_COMPARISON, ComparisonPart.class);
		assertEquals(DeskFixture.attention(expected), comparison.mismatches());
		assertEquals(expected.size(), comparison.getTable().getItemCount(), "one line per compared field");
		assertTrue(comparison.getSummary().contains(Long.toString(DeskFixture.attention(expected))), comparison.getSummary());
		DossierPart dossier = DeskFixture.part(Topics.PART_DOSSIER, DossierPart.class);
		assertEquals(d.number(), dossier.getDossier().number());
		assertEquals(d.declaredData().size(), dossier.getDeclared().getItemCount());
		assertTrue(dossier.getMaterials().getItemCount() >= 1);
		dossier.getViewer().join();
		Workbench.processEvents();
		assertTrue(dossier.getViewer().getCaption().contains("verified"), dossier.getViewer().getCaption());
		assertTrue(dossier.getViewer().hasImage(), "the PDF page is rendered: " + dossier.getViewer().getCaption());
		Screenshots.take("comparison-with-mismatches");
	}

	@Test
	void aDossierNotComparedYetIsNotSaidToMatch() {
		Dossier received = DeskFixture.service(org.miaopi.core.service.IntakeService.class)
				.received(org.miaopi.core.model.Officer.SYSTEM, 1000, null).stream()
				.filter(d -> d.departmentCode().equals(DeskFixture.DEPARTMENT) && !DeskFixture.compared().containsKey(d.number()))
				.findFirst().orElseThrow();
		open(dossiers.find(officer(), received.number()).orElseThrow());
		DecisionPart decision = DeskFixture.part(Topics.PART_DECISION, DecisionPart.class);
		assertTrue(decision.getHeader().endsWith("not compared with the shared records yet"), decision.getHeader());
		assertFalse(decision.getHeader().contains("every comparison matches"), decision.getHeader());
	}

	@Test
	void approvingACleanDossierIssuesACertificateThatVerifies() throws Exception {
		ensureSeal();
		Dossier d = open(pick(DossierStatus.IN_REVIEW, false));
		DecisionPart decision = DeskFixture.part(Topics.PART_DECISION, DecisionPart.class);
		decision.choose(DecisionKind.APPROVE);
		assertTrue(decision.canDecide(), decision.getProblem());
		decision.confirm = () -> true;
		decision.decide();
		decision.lastJob().join();
		Workbench.processEvents();
		var result = decision.getCertificate().getResult();
		assertTrue(result != null && result.verdict().ok(), decision.getCertificate().getStatus());
		assertTrue(decision.getCertificate().hasPage(), "the sealed certificate is shown");
		assertEquals(DossierStatus.CERTIFICATE_ISSUED, dossiers.find(officer(), d.number()).orElseThrow().status());
		List<String> types = DeskFixture.part(Topics.PART_AUDIT, AuditTrailPart.class).getEvents().stream()
				.map(AuditEvent::type).toList();
		assertTrue(types.containsAll(List.of("dossier.approved", "certificate.issued")), types.toString());
		AuditTrailPart trail = DeskFixture.part(Topics.PART_AUDIT, AuditTrailPart.class);
		String approvedRow = java.util.Arrays.stream(trail.getTable().getItems()).filter(i -> "dossier.approved".equals(i.getData()))
				.findFirst().orElseThrow().getText(4);
		assertTrue(approvedRow.startsWith("signed by " + DeskFixture.OFFICER + " \u2713"), approvedRow);
		Screenshots.take("audit-trail-signed-decision");
		List<AuditEvent> history = dossiers.history(officer(), d.number());
		assertEquals(1, history.stream().filter(e -> e.type().equals("certificate.issued")).count(), "recorded once");
		assertEquals(1, dossiers.certificates(officer(), d.number()).size(), "one certificate in the store");
		Screenshots.take("certificate-issued");

		// reopening the dossier shows its certificate again: number, verification, first page
		decision.show(null);
		open(dossiers.find(officer(), d.number()).orElseThrow());
		decision.lastJob().join();
		Workbench.processEvents();
		var reopened = decision.getCertificate().getResult();
		assertTrue(reopened != null && reopened.number().equals(result.number()) && reopened.verdict().ok(),
				decision.getCertificate().getStatus());
		assertTrue(decision.getCertificate().getStatus().contains(result.number()), decision.getCertificate().getStatus());
		assertTrue(decision.getCertificate().hasPage(), "the first page is shown again");
	}

	@Test
	void approvingOverAMismatchDemandsAJustificationAndIsFlagged() throws Exception {
		ensureSeal();
		Dossier d = open(pick(DossierStatus.IN_REVIEW, true));
		DecisionPart decision = DeskFixture.part(Topics.PART_DECISION, DecisionPart.class);
		decision.choose(DecisionKind.APPROVE);
		assertFalse(decision.canDecide(), "no approval over a mismatch without words");
		assertTrue(decision.getProblem().contains("justification"), decision.getProblem());
		decision.setJustification("Original diploma checked at the window; the school was renamed.");
		assertTrue(decision.canDecide(), decision.getProblem());
		decision.confirm = () -> true;
		decision.decide();
		decision.lastJob().join();
		Workbench.processEvents();
		List<Decision> taken = dossiers.decisions(officer(), d.number());
		assertEquals("Original diploma checked at the window; the school was renamed.",
				taken.get(taken.size() - 1).justification());
		AuditEvent approved = dossiers.history(officer(), d.number()).stream()
				.filter(e -> e.type().equals("dossier.approved")).findFirst().orElseThrow();
		assertEquals(Long.toString(DeskFixture.attention(DeskFixture.compared().get(d.number()))),
				approved.details().get(DecisionFlow.OVERRIDE_DETAIL), "flagged for supervisors");
	}

	@Test
	void requestingASupplementChangesTheStatusAndTheAuditShowsEveryStep() {
		Dossier d = open(pick(DossierStatus.IN_REVIEW, false));
		DecisionPart decision = DeskFixture.part(Topics.PART_DECISION, DecisionPart.class);
		decision.choose(DecisionKind.REQUEST_SUPPLEMENT);
		assertFalse(decision.canDecide(), "a supplement needs a reason code");
		decision.tick("MATERIAL-MISSING");
		assertTrue(decision.canDecide(), decision.getProblem());
		decision.confirm = () -> true;
		decision.decide();
		Workbench.processEvents();
		assertEquals(DossierStatus.SUPPLEMENT_REQUESTED, dossiers.find(officer(), d.number()).orElseThrow().status());
		AuditTrailPart audit = DeskFixture.part(Topics.PART_AUDIT, AuditTrailPart.class);
		List<AuditEvent> history = dossiers.history(officer(), d.number());
		assertEquals(history, audit.getEvents(), "every step of the ledger, in order");
		assertEquals(history.size(), audit.getTable().getItemCount());
		assertEquals("dossier.supplement-requested", history.get(history.size() - 1).type());
	}

	@Test
	void aSupervisorCannotDecide() {
		DeskFixture.signIn(DeskFixture.SUPERVISOR);
		try {
			Dossier d = open(pick(DossierStatus.IN_REVIEW, false));
			DecisionPart decision = DeskFixture.part(Topics.PART_DECISION, DecisionPart.class);
			decision.choose(DecisionKind.APPROVE);
			assertFalse(decision.canDecide());
			assertTrue(decision.getProblem().contains("supervisors"), decision.getProblem());
			var ctx = Workbench.application().getContext();
			ParameterizedCommand approve = ctx.get(ECommandService.class).createCommand("org.miaopi.decision.ui.command.decide",
					Map.of(DecideHandler.PARAMETER, DecisionKind.APPROVE.name()));
			assertFalse(ctx.get(EHandlerService.class).canExecute(approve), "the approve command is disabled");
			Officer supervisor = DeskFixture.officer(DeskFixture.SUPERVISOR);
			Decision attempt = new Decision(d.number(), DecisionKind.APPROVE, List.of(), null, supervisor.id(),
					Instant.now().truncatedTo(ChronoUnit.SECONDS), false, null, null, null, null);
			assertThrows(AccessDeniedException.class, () -> dossiers.transition(supervisor, TransitionRequest.decide(attempt)),
					"and the core refuses too");
		} finally {
			DeskFixture.signIn(DeskFixture.OFFICER);
		}
	}

	private static Officer officer() {
		return DeskFixture.officer(DeskFixture.OFFICER);
	}

	/** The demo seals cover other departments; give the bureau one, as an admin would. */
	private static void ensureSeal() {
		SealService seals = DeskFixture.service(SealService.class);
		if (seals.findSeal(DeskFixture.DEPARTMENT).isEmpty()) {
			((FileSealService) seals).issueSeal(DeskFixture.DEPARTMENT, "深圳市公安局", Instant.now().minus(1, ChronoUnit.DAYS),
					Instant.now().plus(3650, ChronoUnit.DAYS));
		}
	}
}
