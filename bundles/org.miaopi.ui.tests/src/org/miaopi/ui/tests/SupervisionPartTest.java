package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.supervision.Review;
import org.miaopi.core.supervision.ReviewOutcome;
import org.miaopi.supervision.SupervisionService;
import org.miaopi.supervisor.ui.Messages;
import org.miaopi.supervisor.ui.SupervisionPart;
import org.miaopi.ui.api.Texts;

/**
 * The supervision part as a supervisor uses it: the decision search with a filter, a sampled decision
 * reviewed, the record verified; an officer sees none of it.
 */
class SupervisionPartTest {

	@AfterEach
	void signOut() {
		DeskFixture.session().signOut();
		Workbench.processEvents();
	}

	private static Composite open() {
		return Workbench.showPart(SupervisionPart.ID, SupervisionPart.JOBS, "the supervision part");
	}

	private static void settle() {
		Workbench.settle(SupervisionPart.JOBS, "the supervision part");
	}

	private static Button button(Composite root, String text) {
		return Widgets.all(root, Button.class).stream().filter(b -> b.getText().equals(text)).findFirst()
				.orElseThrow(() -> new AssertionError("no button " + text));
	}

	private static void click(Button b) {
		b.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		settle();
	}

	@Test
	void aDepartmentSupervisorSearchesTheirDepartmentsDecisionsByOutcome() {
		DeskFixture.signIn(DeskFixture.SUPERVISOR);
		Composite root = open();
		Table decisions = Widgets.all(root, Table.class).get(0);
		assertTrue(decisions.getItemCount() > 0, "the demo's decisions");
		org.miaopi.ui.api.MatterCatalog matters = Workbench.application().getContext().get(org.miaopi.ui.api.MatterCatalog.class);
		java.util.Set<String> codes = new java.util.HashSet<>(matters.matterCodes());
		java.util.Set<String> names = codes.stream().map(matters::name).collect(java.util.stream.Collectors.toSet());
		for (int i = 0; i < Math.min(20, decisions.getItemCount() - 1); i++) {
			assertEquals(DeskFixture.DEPARTMENT, decisions.getItem(i).getText(2), "row " + i);
			assertTrue(names.contains(decisions.getItem(i).getText(3)) && !codes.contains(decisions.getItem(i).getText(3)),
					"the matter's name, not its code: " + decisions.getItem(i).getText(3));
		}
		Combo outcome = Widgets.comboWith(root, Texts.of(DecisionKind.APPROVE));
		outcome.select(outcome.indexOf(Texts.of(DecisionKind.APPROVE)));
		click(button(root, Messages.Filter_search));
		int n = decisions.getItemCount();
		assertTrue(n > 0, "approvals in the demo");
		for (int i = 0; i < Math.min(50, n); i++) {
			String shown = decisions.getItem(i).getText(5);
			if (!shown.isEmpty()) { // the last row may be the placeholder of the next page
				assertEquals(Texts.of(DecisionKind.APPROVE), shown, "row " + i);
			}
		}
		// Enter on a decision opens its dossier in the perspective's audit trail
		org.eclipse.swt.widgets.TableItem first = decisions.getItem(0);
		String dossier = first.getText(1);
		org.eclipse.swt.widgets.Event enter = new org.eclipse.swt.widgets.Event();
		enter.item = first;
		decisions.notifyListeners(SWT.DefaultSelection, enter);
		settle();
		MPart audit = Workbench.find(org.miaopi.decision.ui.AuditTrailPart.ID, MPart.class);
		assertTrue(Widgets.all((Composite) audit.getWidget(), Label.class).stream().anyMatch(l -> l.getText().contains(dossier)),
				"the audit trail shows " + dossier);
	}

	@Test
	void aSampledDecisionIsReviewedAndTheFindingIsKept() {
		DeskFixture.signIn(DeskFixture.SUPERVISOR);
		Composite root = open();
		Widgets.all(root, Spinner.class).get(0).setSelection(50);
		Text seed = Widgets.all(root, Text.class).stream().filter(t -> t.getText().matches("\\d+")).findFirst().orElseThrow();
		seed.setText("20261203");
		click(button(root, Messages.Sampling_draw));
		Table sampled = Widgets.all(root, Table.class).get(2);
		assertTrue(sampled.getItemCount() > 0, "a sample of half the month's decisions");
		String dossier = sampled.getItem(0).getText(0);
		assertEquals(Messages.Sampling_notReviewed, sampled.getItem(0).getText(1));
		sampled.select(0);
		Text note = Widgets.all(root, Text.class).stream().filter(t -> t != seed && (t.getStyle() & SWT.MULTI) == 0)
				.reduce((a, b) -> b).orElseThrow();
		note.setText("核对无误");
		click(button(root, Messages.Sampling_agree));
		assertEquals(Messages.Sampling_agreed, sampled.getItem(0).getText(1));
		assertEquals("核对无误", sampled.getItem(0).getText(3));
		SupervisionService service = DeskFixture.service(SupervisionService.class);
		var officer = DeskFixture.officer(DeskFixture.SUPERVISOR);
		assertEquals(Messages.Col_reviewer, sampled.getColumn(2).getText(), "the one who reviewed, not the officer who decided");
		assertEquals(officer.name(), sampled.getItem(0).getText(2), "the reviewer by name");
		long id = service.samples(officer).get(0).id();
		Review r = service.reviews(officer, id).stream().filter(x -> x.dossierNo().equals(dossier)).findFirst().orElseThrow();
		assertEquals(ReviewOutcome.AGREE, r.outcome());
		assertEquals(DeskFixture.SUPERVISOR, r.reviewerId());
	}

	@Test
	void theCitySupervisorExportsTheCardsAsCsvAndAsASealedPdfThatVerifies(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		DeskFixture.signIn("city.supervisor");
		open();
		org.miaopi.seal.SealService seals = DeskFixture.service(org.miaopi.seal.SealService.class);
		seals.ensureSeal("SZJCJ", "深圳市监察局"); // the demo's supervision office, as ./miaopi demo gives it
		SupervisionPart part = (SupervisionPart) Workbench.find(SupervisionPart.ID, MPart.class).getObject();
		java.nio.file.Path pdf = dir.resolve("cards.pdf");
		part.exportCards(pdf).join();
		settle();
		assertTrue(part.cardsStatus().contains("cards.pdf") && part.cardsStatus().contains("SR-"), part.cardsStatus());
		var verdict = DeskFixture.service(org.miaopi.certificate.CertificateService.class).verify(pdf);
		assertTrue(verdict.ok(), verdict.summary());
		java.nio.file.Path csv = dir.resolve("cards.csv");
		part.exportCards(csv).join();
		settle();
		byte[] bytes = java.nio.file.Files.readAllBytes(csv);
		assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "CSV with a BOM");
		assertTrue(part.cardsStatus().contains("cards.csv"), part.cardsStatus());
	}

	/**
	 * The demo's cards, evaluated over half a year as the city supervisor: every card whose dossier someone
	 * holds or decided names that officer in its evidence, a "decided" card names the officer of a decision
	 * (a withdrawn dossier is not decided today by nobody), a dossier nobody holds says so, and the cards
	 * table shows each rule by its name.
	 */
	@Test
	void theDemosCardsNameTheirOfficerAndTheTableNamesTheRule() {
		DeskFixture.signIn("city.supervisor");
		Composite root = open();
		org.miaopi.core.model.Officer city = DeskFixture.officer("city.supervisor");
		SupervisionService service = DeskFixture.service(SupervisionService.class);
		java.time.LocalDate today = org.miaopi.core.calendar.ChinaTime.today();
		service.evaluate(city, null, today.minusMonths(6), today);
		List<org.miaopi.core.supervision.Card> cards = service.cards(city, null, today.minusMonths(6), today);
		assertFalse(cards.isEmpty(), "the demo raises cards");
		java.util.Locale en = java.util.Locale.ENGLISH;
		for (org.miaopi.core.supervision.Card k : cards) {
			String told = org.miaopi.supervision.CardEvidence.render(k, en);
			java.util.Map<String, String> facts = org.miaopi.supervision.CardEvidence.facts(k.evidence());
			if ("decided".equals(facts.get("v"))) {
				assertNotNull(facts.get("officer"), "a decision without its officer: " + k);
				assertTrue(told.contains(" by " + facts.get("officer")), told);
			}
			if (k.officerId() != null) {
				assertTrue(told.contains(k.officerId()), "the evidence does not name " + k.officerId() + ": " + told);
			} else {
				assertTrue(told.contains("not yet assigned"), "a card without its officer: " + told);
			}
		}
		click(button(root, Messages.Cards_evaluate));
		Table table = Widgets.all(root, Table.class).stream().filter(t -> t.getColumnCount() > 1
				&& t.getColumn(1).getText().equals(Messages.Col_rule)).findFirst().orElseThrow();
		assertTrue(table.getItemCount() > 0);
		org.miaopi.supervision.Names names = service.names(Texts.chinese() ? java.util.Locale.CHINA : en);
		boolean someoneNamed = false;
		for (org.eclipse.swt.widgets.TableItem item : table.getItems()) {
			var k = (org.miaopi.core.supervision.Card) item.getData();
			assertEquals(k.officerId() == null ? "" : names.officer(k.officerId()), item.getText(4), "the officer by name: " + k);
			someoneNamed |= k.officerId() != null && !item.getText(4).equals(k.officerId());
			assertEquals(org.miaopi.supervision.CardEvidence.ruleName(k.rule(), Texts.chinese() ? java.util.Locale.CHINA : en),
					item.getText(1));
			assertFalse(item.getText(1).contains("_"), "a rule's code in the table: " + item.getText(1));
		}
		assertTrue(someoneNamed, "the demo's officers are shown by their names, not their ids");
	}

	@Test
	void anOfficerCannotExportTheCards(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
		DeskFixture.signIn(DeskFixture.SUPERVISOR);
		open();
		SupervisionPart part = (SupervisionPart) Workbench.find(SupervisionPart.ID, MPart.class).getObject();
		DeskFixture.signIn(DeskFixture.OFFICER); // a stale part: the service refuses the officer anyway
		Workbench.processEvents();
		java.nio.file.Path pdf = dir.resolve("officer.pdf");
		org.eclipse.core.runtime.jobs.Job job = part.exportCards(pdf);
		if (job != null) {
			job.join();
			settle();
		}
		assertFalse(java.nio.file.Files.exists(pdf), "nothing exported for an officer");
	}

	@Test
	void verifyingTheRecordSaysItIsIntact() {
		DeskFixture.signIn(DeskFixture.SUPERVISOR);
		Composite root = open();
		click(button(root, Messages.Verify_button));
		String intact = Messages.Verify_intact.substring(0, Messages.Verify_intact.indexOf('{'));
		assertTrue(Widgets.all(root, Label.class).stream().anyMatch(l -> l.getText().startsWith(intact)),
				"the record check's words: " + Widgets.all(root, Label.class).stream().map(Label::getText).toList());
	}

	@Test
	void anOfficerSeesNoSupervision() {
		DeskFixture.signIn(DeskFixture.OFFICER);
		MPart part = Workbench.find(SupervisionPart.ID, MPart.class);
		if (part != null && part.getWidget() instanceof Composite root && !root.isDisposed()) {
			Label hint = Widgets.labelMatching(root, Messages.Part_signedOut);
			assertNotNull(hint);
			assertTrue(List.of(root.getChildren()).contains(hint));
			assertTrue(((org.eclipse.swt.custom.StackLayout) root.getLayout()).topControl == hint,
					"an officer gets the hint, not the views");
		}
	}
}
