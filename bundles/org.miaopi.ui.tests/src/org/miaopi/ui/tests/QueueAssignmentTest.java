package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.QueueSort;
import org.miaopi.decision.ui.DecisionPart;
import org.miaopi.queue.ui.QueuePart;
import org.miaopi.ui.api.Topics;

/**
 * Claim and hand back from the queue: commands enabled for the dossiers they fit, the audit event
 * written by the core, and the queue's "Held by" column saying who holds each dossier.
 */
class QueueAssignmentTest {

	private static final String CLAIM = "org.miaopi.queue.ui.command.claim";
	private static final String HAND_BACK = "org.miaopi.queue.ui.command.handBack";
	private static final String REASSIGN = "org.miaopi.queue.ui.command.reassign";
	private static final int HOLDER_COLUMN = 8;

	private QueuePart queue;
	private DossierService dossiers;

	@BeforeEach
	void signIn() {
		DeskFixture.signIn(DeskFixture.OFFICER);
		queue = DeskFixture.part(Topics.PART_QUEUE, QueuePart.class);
		dossiers = DeskFixture.service(DossierService.class);
	}

	@AfterEach
	void clearFilters() {
		queue.getSearch().setText("");
		queue.sort(QueueSort.DEADLINE, false);
		queue.filter(null, null);
		Workbench.processEvents();
	}

	private static ParameterizedCommand command(String id) {
		return Workbench.application().getContext().get(ECommandService.class).createCommand(id, Map.of());
	}

	private static boolean enabled(String id) {
		return Workbench.application().getContext().get(EHandlerService.class).canExecute(command(id));
	}

	private static void run(String id) {
		Workbench.application().getContext().get(EHandlerService.class).executeHandler(command(id));
		Workbench.processEvents();
	}

	/** Shows exactly one dossier in the queue, selected. */
	private void only(String number) {
		queue.filter(null, null);
		queue.getSearch().setText(number);
		queue.reload();
		Workbench.processEvents();
		assertEquals(1, queue.getTable().getItemCount(), number);
		queue.getTable().setSelection(0);
	}

	private Dossier first(DossierStatus status, boolean heldByMe) {
		Officer me = DeskFixture.officer(DeskFixture.OFFICER);
		queue.filter(null, status);
		Workbench.processEvents();
		for (int i = 0; i < queue.getTable().getItemCount(); i++) {
			Dossier d = queue.getRows().get(i).dossier();
			if (!heldByMe || me.id().equals(d.assignedOfficerId())) {
				if (heldByMe || d.assignedOfficerId() == null) {
					return d;
				}
			}
		}
		throw new AssertionError("the demo has no " + status + " dossier " + (heldByMe ? "held by " + me.id() : "unassigned"));
	}

	@Test
	void anOfficerClaimsAnUnassignedDossierAndHandsItBack() {
		Dossier d = first(DossierStatus.PRE_CHECKED, false);
		only(d.number());
		assertEquals("\u2014", queue.getTable().getItem(0).getText(HOLDER_COLUMN), "nobody holds it");
		assertTrue(enabled(CLAIM));
		assertFalse(enabled(HAND_BACK), "nothing to hand back");
		assertFalse(enabled(REASSIGN), "officers do not reassign");

		run(CLAIM);
		Dossier claimed = dossiers.find(DeskFixture.officer(DeskFixture.OFFICER), d.number()).orElseThrow();
		assertEquals(DossierStatus.ASSIGNED, claimed.status());
		assertEquals(DeskFixture.OFFICER, claimed.assignedOfficerId());
		List<AuditEvent> history = dossiers.history(Officer.SYSTEM, d.number());
		assertEquals(DossierService.CLAIMED_EVENT, history.get(history.size() - 1).type());
		only(d.number());
		assertTrue(queue.getTable().getItem(0).getText(HOLDER_COLUMN).endsWith("(you)"),
				queue.getTable().getItem(0).getText(HOLDER_COLUMN));
		assertFalse(enabled(CLAIM), "a second claim is not offered");
		assertTrue(enabled(HAND_BACK));

		run(HAND_BACK);
		Dossier back = dossiers.find(Officer.SYSTEM, d.number()).orElseThrow();
		assertEquals(DossierStatus.PRE_CHECKED, back.status());
		assertNull(back.assignedOfficerId());
		history = dossiers.history(Officer.SYSTEM, d.number());
		assertEquals(DossierService.HANDED_BACK_EVENT, history.get(history.size() - 1).type());
	}

	@Test
	void aDossierAColleagueHoldsCanBeNeitherClaimedNorDecided() {
		Officer me = DeskFixture.officer(DeskFixture.OFFICER);
		queue.filter(null, DossierStatus.IN_REVIEW);
		Workbench.processEvents();
		Dossier theirs = null;
		for (int i = 0; i < queue.getTable().getItemCount() && theirs == null; i++) {
			Dossier d = queue.getRows().get(i).dossier();
			if (!me.id().equals(d.assignedOfficerId())) {
				theirs = d;
			}
		}
		assertTrue(theirs != null, "the demo gives dossiers to every officer of the department");
		only(theirs.number());
		assertFalse(queue.getTable().getItem(0).getText(HOLDER_COLUMN).endsWith("(you)"));
		assertFalse(enabled(CLAIM));
		assertFalse(enabled(HAND_BACK));

		Workbench.application().getContext().get(IEventBroker.class).send(Topics.DOSSIER_OPENED, theirs);
		Workbench.processEvents();
		DecisionPart decision = DeskFixture.part(Topics.PART_DECISION, DecisionPart.class);
		decision.choose(DecisionKind.APPROVE);
		assertFalse(decision.canDecide());
		assertTrue(decision.getProblem().contains(theirs.assignedOfficerId()), decision.getProblem());
	}

	@Test
	void aSupervisorMayReassignButNotClaim() {
		Dossier d = first(DossierStatus.IN_REVIEW, true);
		DeskFixture.signIn(DeskFixture.SUPERVISOR);
		try {
			only(d.number());
			assertTrue(enabled(REASSIGN));
			assertFalse(enabled(CLAIM));
			assertFalse(enabled(HAND_BACK));
		} finally {
			DeskFixture.signIn(DeskFixture.OFFICER);
		}
	}
}
