package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.matter.ReasonCode;
import org.miaopi.core.matter.ReasonCodeException;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.decision.ui.DecisionPart;
import org.miaopi.dossier.ui.DossierPart;
import org.miaopi.dossier.ui.MaterialViewer;
import org.miaopi.ui.api.StoreProblems;
import org.miaopi.ui.api.Topics;

/**
 * The desk at 1280x800: reason codes per kind of decision, sign-in in the audit ledger, the
 * material viewer, and a store problem in plain words.
 */
class DeskDetailTest {

	private static final Set<String> USED = new HashSet<>();
	private DossierService dossiers;

	@BeforeEach
	void signIn() {
		DeskFixture.signIn(DeskFixture.OFFICER);
		dossiers = DeskFixture.service(DossierService.class);
		shell().setSize(1280, 800);
		Workbench.processEvents();
	}

	@AfterEach
	void back() {
		DeskFixture.part(Topics.PART_DOSSIER, DossierPart.class).getViewer().enlarge(false);
	}

	private static Shell shell() {
		return (Shell) Workbench.find("org.miaopi.ui.window", MWindow.class).getWidget();
	}

	private static Dossier open(DossierStatus status, boolean attention) {
		Dossier d = DeskFixture.pick(status, attention, USED);
		USED.add(d.number());
		Workbench.application().getContext().get(IEventBroker.class).send(Topics.DOSSIER_OPENED, d);
		Workbench.processEvents();
		return d;
	}

	@Test
	void theDecisionPartOffersExactlyTheReasonsThatFitEachKindAndTheCoreRefusesOthers() throws Exception {
		Dossier d = open(DossierStatus.IN_REVIEW, true);
		MatterDefinition matter = DeskFixture.service(MatterRegistry.class).require(d.matterCode());
		DecisionPart decision = DeskFixture.part(Topics.PART_DECISION, DecisionPart.class);
		for (DecisionKind kind : DecisionKind.values()) {
			decision.choose(kind);
			assertEquals(matter.reasonCodes(kind).stream().map(ReasonCode::code).toList(), decision.offeredReasons(), kind.name());
		}
		decision.choose(DecisionKind.REJECT);
		assertFalse(decision.offeredReasons().isEmpty());
		assertFalse(decision.offeredReasons().contains("RULE-ERROR"), "a routing-only reason rejects nothing");
		decision.choose(DecisionKind.APPROVE);
		assertTrue(decision.offeredReasons().contains("DATA-MISMATCH"), "approving over a mismatch may say which");

		Officer officer = DeskFixture.officer(DeskFixture.OFFICER);
		Decision routingReason = new Decision(d.number(), DecisionKind.REJECT, List.of("RULE-ERROR"), matter.legalBasis(),
				officer.id(), Instant.now(), false, null, null, null, null);
		ReasonCodeException refused = assertThrows(ReasonCodeException.class,
				() -> dossiers.transition(officer, TransitionRequest.decide(routingReason)));
		assertEquals("RULE-ERROR", refused.reasonCode());
		assertEquals(DossierStatus.IN_REVIEW, dossiers.find(officer, d.number()).orElseThrow().status());

		decision.choose(DecisionKind.REJECT);
		decision.tick(decision.offeredReasons().get(0));
		Screenshots.take("decision-reject-reasons");

		open(DossierStatus.IN_REVIEW, false);
		decision.choose(DecisionKind.APPROVE);
		assertEquals(List.of(), decision.offeredReasons(), "a clean approval explains nothing");
	}

	@Test
	void signInFailedAttemptsAndSignOutAreInTheAuditLedger() {
		SignInService signIns = DeskFixture.service(SignInService.class);
		StoreAdmin admin = DeskFixture.service(StoreAdmin.class);
		int before = admin.ledger().size();
		assertTrue(signIns.signIn(DeskFixture.OFFICER, "not the password".toCharArray()).isEmpty());
		DeskFixture.session().signOut();
		Workbench.processEvents();
		List<AuditEvent> ledger = admin.ledger();
		List<AuditEvent> added = ledger.subList(before, ledger.size());
		assertEquals(List.of(SignInService.SIGN_IN_FAILED, SignInService.SIGNED_OUT), added.stream().map(AuditEvent::type).toList());
		assertTrue(added.stream().allMatch(e -> e.actor().equals(DeskFixture.OFFICER) && e.dossierNo() == null));
		assertFalse(added.get(0).details().toString().contains("not the password"));
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(ledger), "the ledger still verifies");
	}

	@Test
	void theMaterialFillsTheViewersWidthAtTheDeskSizeAndTurnsPagesByKeyboard() throws Exception {
		open(DossierStatus.IN_REVIEW, true);
		DossierPart dossier = DeskFixture.part(Topics.PART_DOSSIER, DossierPart.class);
		MaterialViewer viewer = dossier.getViewer();
		viewer.join();
		Workbench.processEvents();
		assertTrue(viewer.hasImage(), viewer.getCaption());
		assertTrue(viewer.viewportWidth() >= 440, "the page area is " + viewer.viewportWidth() + " px wide at 1280x800");
		assertTrue(Math.abs(viewer.imageWidth() - viewer.viewportWidth()) <= 8,
				"fit to width: page " + viewer.imageWidth() + " px, viewer " + viewer.viewportWidth() + " px");
		Screenshots.take("dossier-material-1280x800");

		int narrow = viewer.imageWidth();
		if (viewer.pages() > 1) {
			key(viewer, SWT.PAGE_DOWN, '\0');
			viewer.join();
			Workbench.processEvents();
			assertEquals(1, viewer.page(), viewer.getCaption());
			key(viewer, SWT.HOME, '\0');
			viewer.join();
			Workbench.processEvents();
			assertEquals(0, viewer.page(), viewer.getCaption());
		}
		key(viewer, SWT.CR, '\r');
		assertTrue(viewer.isEnlarged(), "Enter on the page opens it large");
		MaterialViewer large = viewer.enlarged();
		// the window manager may size the new window after it opened; the page is re-drawn once
		// the size settles (150 ms after the last resize), so wait for that, not for the first page
		long until = System.currentTimeMillis() + 10_000;
		do {
			Thread.sleep(20);
			large.join();
			Workbench.processEvents();
		} while (large.imageWidth() <= narrow * 3 / 2 && System.currentTimeMillis() < until);
		assertTrue(large.imageWidth() > narrow * 3 / 2, "large: " + large.imageWidth() + " px, inline " + narrow + " px");
		Screenshots.take("dossier-material-enlarged-1280x800", large.getShell());
		key(large, SWT.ESC, '\0');
		assertFalse(viewer.isEnlarged(), "Esc closes the large window");
	}

	@Test
	void aLockedStoreIsExplainedWithWhatToDo() {
		String said = StoreProblems.explain(new StoreException(StoreException.Problem.LOCKED,
				"the store at /home/x/.miaopi/store is open in another Miaopi"));
		assertTrue(said.contains("Another Miaopi") && said.contains("File > Sign in"), said);
		assertTrue(said.contains("/home/x/.miaopi/store"), "the details stay: " + said);
		assertTrue(StoreProblems.brief(new RuntimeException(new StoreException(StoreException.Problem.LOCKED, "x")))
				.contains("another Miaopi"));
	}

	private static void key(MaterialViewer viewer, int keyCode, char character) {
		Event e = new Event();
		e.keyCode = keyCode;
		e.character = character;
		e.doit = true;
		viewer.pageControl().notifyListeners(SWT.KeyDown, e);
		Workbench.processEvents();
	}
}
