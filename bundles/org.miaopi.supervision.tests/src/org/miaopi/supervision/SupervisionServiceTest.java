package org.miaopi.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.DecisionRecord;

/** Evaluation runs store each card once, repeated yellow cards become red; samples and access. */
class SupervisionServiceTest {

	static final Officer SUPERVISOR = new Officer("psb.supervisor", "王强", "PSB", EnumSet.of(Role.SUPERVISOR));
	static final Officer OFFICER = new Officer("li.na", "李娜", "PSB", EnumSet.of(Role.OFFICER));
	static final LocalDate TODAY = LocalDate.of(2026, 10, 12);

	private MemoryRecords records;
	private SupervisionService service;

	@BeforeEach
	void threeLateCasesOfOneOfficer() {
		records = new MemoryRecords();
		for (int i = 1; i <= 3; i++) {
			records.cases.add(Cases.of("SZ" + i).status(DossierStatus.ASSIGNED).deadline(LocalDate.of(2026, 10, 8)).build());
		}
		records.cases.add(Cases.of("SZ9").status(DossierStatus.REJECTED)
				.decided(DecisionKind.REJECT, LocalDate.of(2026, 10, 9), List.of(), null).build());
		service = new SupervisionService(records, null, null, new SignalRules(Rules.defaults(), WorkingDayCalendar.china()));
	}

	@Test
	void aSecondEvaluationOfTheSameFactsStoresNoCard() {
		SupervisionService.Run first = service.evaluate(SUPERVISOR, null, LocalDate.of(2026, 9, 1), TODAY);
		assertEquals(4, first.cases());
		assertEquals(first.raised().size(), first.stored().size());
		assertTrue(first.stored().stream().anyMatch(k -> k.rule().equals(SignalRules.REPEATED_YELLOW)),
				"four yellow cards of li.na in October: " + first.stored());
		SupervisionService.Run again = service.evaluate(SUPERVISOR, null, LocalDate.of(2026, 9, 1), TODAY);
		assertEquals(first.raised().stream().map(Card::key).sorted().toList(),
				again.raised().stream().map(Card::key).sorted().toList(), "the same facts raise the same keys");
		assertEquals(List.of(), again.stored());
		assertEquals(first.stored().size(), records.cards.size());
		assertEquals(List.of(SupervisionRecordsEvents.CARDS, SupervisionRecordsEvents.CARDS), records.events);
	}

	@Test
	void liveSignalsShowTheWorstCardOfEachOpenCase() {
		List<SupervisionService.CaseSignal> s = service.signals(SUPERVISOR, null, TODAY);
		assertEquals(List.of("SZ1", "SZ2", "SZ3"), s.stream().map(x -> x.record().number()).toList());
		assertEquals(Signal.RED, s.get(0).signal());
		assertEquals(Signal.WARNING, service.signals(SUPERVISOR, null, LocalDate.of(2026, 10, 8)).get(0).signal());
		assertEquals(Signal.GREEN, service.signals(SUPERVISOR, null, LocalDate.of(2026, 9, 24)).get(0).signal());
	}

	@Test
	void aSampleIsRecordedWithItsSeed() {
		var sample = service.sample(SUPERVISOR, null, LocalDate.of(2026, 10, 1), TODAY, 50, Sampler.BY_OFFICER, 99L);
		assertEquals(List.of("SZ9"), sample.dossierNos());
		assertEquals("PSB", sample.department(), "a department supervisor samples their department");
		assertEquals("supervision.sampled seed=99 [SZ9]", records.events.get(0));
	}

	@Test
	void overridesAreOfficersApprovalsOverAMismatch() {
		records.cases.add(new org.miaopi.core.supervision.CaseRecord("SZ20", Cases.MATTER, "PSB", "li.na", DossierStatus.APPROVED,
				Cases.at(LocalDate.of(2026, 10, 8)), LocalDate.of(2026, 11, 30), List.of(), List.of(new DecisionRecord("SZ20",
						"PSB", Cases.MATTER, DecisionKind.APPROVE, List.of("OVERRIDE_MISMATCH"), null, "li.na",
						Cases.at(LocalDate.of(2026, 10, 9)), false, "学历信息已核实原件", null, null, null, 2)), 2));
		List<DecisionRecord> o = service.overrides(SUPERVISOR, null, null, LocalDate.of(2026, 10, 1), TODAY);
		assertEquals(List.of("SZ20"), o.stream().map(DecisionRecord::dossierNo).toList());
		assertEquals("学历信息已核实原件", o.get(0).justification());
		assertEquals(List.of(), service.overrides(SUPERVISOR, null, "zhao.lei", LocalDate.of(2026, 10, 1), TODAY));
		assertFalse(records.cases.get(3).decisions().get(0).isOverride(), "a rejection is no override");
	}

	@Test
	void anOfficerGetsNoSupervisionView() {
		assertEquals(AccessDeniedException.Rule.NO_ROLE,
				assertThrows(AccessDeniedException.class, () -> service.signals(OFFICER, null, TODAY)).rule());
		assertThrows(AccessDeniedException.class, () -> service.evaluate(OFFICER, null, TODAY, TODAY));
		assertEquals(0, records.cards.size());
	}

	/** The event names the service's runs leave. */
	@Test
	void anOfficerExportsNoReportAndASupervisorsExportIsAnAuditEvent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws java.io.IOException {
		Reports.Request cards = new Reports.Request(Reports.Kind.CARDS, null, LocalDate.of(2026, 9, 1), TODAY, TODAY, null,
				java.util.Locale.SIMPLIFIED_CHINESE);
		java.nio.file.Path pdf = dir.resolve("cards.pdf");
		assertThrows(AccessDeniedException.class, () -> service.export(OFFICER, cards, pdf));
		assertFalse(java.nio.file.Files.exists(pdf), "nothing written for an officer");
		assertEquals(List.of(), records.events, "nothing recorded either");
		IllegalStateException unsealed = assertThrows(IllegalStateException.class, () -> service.export(SUPERVISOR, cards, pdf));
		assertTrue(unsealed.getMessage().contains("cannot seal reports"), unsealed.getMessage());
		assertFalse(java.nio.file.Files.exists(pdf));

		service.evaluate(SUPERVISOR, null, LocalDate.of(2026, 9, 1), TODAY);
		records.events.clear();
		java.nio.file.Path csv = dir.resolve("cards.csv");
		SupervisionService.Exported done = service.export(SUPERVISOR, cards, csv);
		assertEquals("csv", done.format());
		assertEquals(records.cards.size(), done.rows());
		assertEquals(List.of(org.miaopi.core.supervision.SupervisionRecords.EXPORTED_EVENT), records.events);
		String text = java.nio.file.Files.readString(csv);
		assertTrue(text.contains("超出时限"), "the evidence in the language asked for: " + text);
		assertTrue(text.contains("over=3; red=3"), "and the facts as stored: " + text);
	}

	static final class SupervisionRecordsEvents {
		static final String CARDS = org.miaopi.core.supervision.SupervisionRecords.CARDS_EVENT;
	}
}
