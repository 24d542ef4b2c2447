package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.Test;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.ThemeApplication;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.decision.ui.DecisionPart;
import org.miaopi.decision.ui.Messages;
import org.miaopi.ui.api.Topics;

/**
 * What the officer is told after approving a theme member: how many of the matters the theme lists
 * are approved (not merely of the members that have arrived), and that nothing of a withdrawn theme
 * is issued.
 */
class ThemeMemberDecidingTest {

	/** A member of a new theme, in review with the signed-in officer; the theme's other matter is of another department. */
	private static Dossier takeIn(String theme, Dossier like, DossierStatus other) {
		StoreAdmin admin = DeskFixture.service(StoreAdmin.class);
		admin.putThemeApplications(List.of(new ThemeApplication(theme, "THEME-UI-TEST", List.of(like.matterCode(), "UI-OTHER"))),
				"test");
		Dossier member = new Dossier(theme + "-A", like.matterCode(), theme, like.applicant(), like.declaredData(),
				like.materials(), like.received(), like.deadline(), DossierStatus.IN_REVIEW, like.assignedOfficerId(),
				like.departmentCode());
		List<Dossier> batch = other == null ? List.of(member) : List.of(member, new Dossier(theme + "-B", "UI-OTHER", theme,
				like.applicant(), like.declaredData(), List.of(), like.received(), like.deadline(), other, null, "SZAMR"));
		admin.putDossiers(batch, "test");
		admin.putComparisons(member.number(), DeskFixture.compared().get(like.number()));
		return member;
	}

	private static String approve(Dossier d) {
		Workbench.application().getContext().get(IEventBroker.class).send(Topics.DOSSIER_OPENED, d);
		Workbench.processEvents();
		DecisionPart decision = DeskFixture.part(Topics.PART_DECISION, DecisionPart.class);
		decision.choose(DecisionKind.APPROVE);
		assertTrue(decision.canDecide(), decision.getProblem());
		decision.confirm = () -> true;
		decision.decide();
		Workbench.processEvents();
		return decision.getHeader();
	}

	@Test
	void approvingAThemeMemberCountsTheMattersTheThemeListsAndSaysWhenTheThemeIsWithdrawn() {
		DeskFixture.signIn(DeskFixture.OFFICER);
		Dossier like = DeskFixture.pick(DossierStatus.IN_REVIEW, false, Set.of());
		// the other member has not arrived yet: one of the two listed is approved, the theme waits
		Dossier waiting = takeIn("UI-TH1", like, null);
		assertEquals(NLS.bind(Messages.Decision_themeWaits, new Object[] { waiting.number(), "UI-TH1", 1, 2 }), approve(waiting));
		// the other member was withdrawn: the theme is withdrawn, nothing of it is issued
		Dossier withdrawn = takeIn("UI-TH2", like, DossierStatus.WITHDRAWN);
		assertEquals(NLS.bind(Messages.Decision_themeWithdrawn, withdrawn.number(), "UI-TH2"), approve(withdrawn));
	}
}
