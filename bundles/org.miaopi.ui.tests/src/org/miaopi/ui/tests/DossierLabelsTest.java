package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.DeclaredField;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.MaterialRequirement;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.dossier.ui.ComparisonPart;
import org.miaopi.dossier.ui.DossierPart;
import org.miaopi.ui.api.Topics;

/**
 * The dossier and comparison parts speak the matter's words, not its keys (the key stays in each
 * row for support), and a stale record carries its date where the part is too narrow for As of.
 */
class DossierLabelsTest {

	private static final Set<String> USED = new HashSet<>();

	@BeforeEach
	void signIn() {
		DeskFixture.signIn(DeskFixture.OFFICER);
		((Shell) Workbench.find("org.miaopi.ui.window", MWindow.class).getWidget()).setSize(1280, 800);
		Workbench.processEvents();
	}

	private static Dossier open(Dossier d) {
		Workbench.application().getContext().get(IEventBroker.class).send(Topics.DOSSIER_OPENED, d);
		Workbench.processEvents();
		return d;
	}

	private static String fieldLabel(MatterDefinition m, String key) {
		if (key.equals("matter")) {
			return "Matter applied for"; // the intake's record of the matter applied for, no field of the form
		}
		return m.fields().stream().filter(f -> f.key().equals(key)).map(DeclaredField::nameEn).findFirst()
				.orElseThrow(() -> new AssertionError(m.code() + " has no label for " + key));
	}

	@Test
	void declaredFieldsMaterialsAndComparedFieldsShowTheMattersLabels() {
		Dossier d = DeskFixture.pick(DossierStatus.IN_REVIEW, true, USED);
		USED.add(d.number());
		open(d);
		MatterDefinition matter = DeskFixture.service(MatterRegistry.class).require(d.matterCode());
		DossierPart dossier = DeskFixture.part(Topics.PART_DOSSIER, DossierPart.class);
		List<String> keys = new ArrayList<>(d.declaredData().keySet());
		TableItem[] declared = dossier.getDeclared().getItems();
		assertEquals(keys.size(), declared.length);
		for (int i = 0; i < declared.length; i++) {
			assertEquals(fieldLabel(matter, keys.get(i)), declared[i].getText(0), "a label, not the key " + keys.get(i));
			assertEquals(keys.get(i), declared[i].getData("miaopi.key"), "the key stays for support (tooltip)");
		}
		for (TableItem item : dossier.getMaterials().getItems()) {
			String code = (String) item.getData("miaopi.key");
			String name = matter.materials().stream().filter(r -> r.code().equals(code)).map(MaterialRequirement::nameEn)
					.findFirst().orElseThrow();
			assertEquals(name, item.getText(0));
		}
		ComparisonPart comparison = DeskFixture.part(Topics.PART_COMPARISON, ComparisonPart.class);
		List<ComparisonResult> results = comparison.getResults();
		for (int i = 0; i < results.size(); i++) {
			assertEquals(fieldLabel(matter, results.get(i).field()), comparison.getTable().getItem(i).getText(1));
		}
	}

	@Test
	void aStaleRecordShowsItsDateInTheOutcomeAtTheDeskSize() throws Exception {
		Dossier d = DeskFixture.pick(DossierStatus.IN_REVIEW, false, USED);
		USED.add(d.number());
		List<ComparisonResult> results = new ArrayList<>(DeskFixture.compared().get(d.number()));
		ComparisonResult first = results.get(0);
		Instant asOf = Instant.parse("2024-03-01T04:00:00Z");
		results.set(0, new ComparisonResult(first.ruleId(), first.field(), first.declared(), first.declared(),
				ComparisonOutcome.STALE, first.source() == null ? org.miaopi.core.model.SharedSource.HOUSEHOLD_REGISTRATION
						: first.source(), asOf, "older than the rule accepts"));
		DeskFixture.service(StoreAdmin.class).putComparisons(d.number(), results);
		open(d);
		ComparisonPart comparison = DeskFixture.part(Topics.PART_COMPARISON, ComparisonPart.class);
		List<ComparisonResult> shown = comparison.getResults();
		int row = java.util.stream.IntStream.range(0, shown.size()).filter(i -> shown.get(i).outcome() == ComparisonOutcome.STALE)
				.findFirst().orElseThrow(() -> new AssertionError("no stale result shown: " + shown));
		String outcome = comparison.getTable().getItem(row).getText(0);
		assertTrue(outcome.contains("Stale") && outcome.contains("2024-03-01"), "the stale marker carries its date: " + outcome);
		assertTrue(comparison.getColumnFit().isShown(0), "the outcome column is on screen");
		Screenshots.take("comparison-stale-1280x800");
	}
}
