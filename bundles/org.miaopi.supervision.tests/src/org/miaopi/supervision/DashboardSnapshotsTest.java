package org.miaopi.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.SupervisionAccess;

/**
 * The dashboard's kept figures: written after each computation, handed back only to the viewer and scope
 * that computed them (a department supervisor never gets the city's), said to be of an earlier day when they
 * are, and a missing or corrupt file is nothing kept (logged), after which the figures are computed and kept anew.
 */
class DashboardSnapshotsTest {

	static final Officer CITY = new Officer("city.supervisor", "城市监察", "SZJCJ",
			EnumSet.of(Role.SUPERVISOR, Role.CITY_SUPERVISOR));
	static final Officer PSB = new Officer("psb.supervisor", "王强", "PSB", EnumSet.of(Role.SUPERVISOR));
	static final Officer OTHER_CITY = new Officer("other.city", "另一位", "SZJCJ", EnumSet.of(Role.SUPERVISOR, Role.CITY_SUPERVISOR));
	static final Officer OFFICER = new Officer("li.na", "李娜", "PSB", EnumSet.of(Role.OFFICER));
	static final LocalDate TODAY = LocalDate.of(2026, 10, 12);
	static final Instant AT = Instant.parse("2026-10-12T01:12:00Z"); // 09:12 in Beijing

	@TempDir
	Path home;

	private final List<String> logged = new ArrayList<>();
	private final Handler handler = new Handler() {
		@Override
		public void publish(LogRecord r) {
			logged.add(r.getMessage());
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	};
	private DashboardSnapshots kept;
	private SupervisionService service;

	@BeforeEach
	void twoDepartments() {
		Logger.getLogger(DashboardSnapshots.class.getName()).addHandler(handler);
		MemoryRecords records = new MemoryRecords();
		records.cases.add(Cases.of("SZ1").status(DossierStatus.ASSIGNED).received(LocalDate.of(2026, 9, 28))
				.deadline(LocalDate.of(2026, 10, 8)).build());
		records.cases.add(Cases.of("SZ2").status(DossierStatus.ASSIGNED).received(LocalDate.of(2026, 10, 9))
				.deadline(LocalDate.of(2026, 10, 20)).build());
		records.cases.add(Cases.of("SZ9").status(DossierStatus.REJECTED).received(LocalDate.of(2026, 9, 29))
				.decided(DecisionKind.REJECT, LocalDate.of(2026, 10, 9), List.of("R\tTAB %7E"), null).build());
		CaseRecord p = Cases.of("AMR1").status(DossierStatus.ASSIGNED).heldBy(null).received(LocalDate.of(2026, 9, 28))
				.deadline(LocalDate.of(2026, 10, 8)).build();
		records.cases.add(new CaseRecord(p.number(), p.matterCode(), "AMR", null, p.status(), p.received(), p.deadline(), p.marks(),
				p.decisions(), 0));
		kept = new DashboardSnapshots(home.resolve("supervision").resolve("dashboard"));
		service = new SupervisionService(records, null, null, new SignalRules(Rules.defaults(), WorkingDayCalendar.china()))
				.sealing(null, Clock.fixed(AT, ZoneOffset.UTC)).keeping(kept);
	}

	@AfterEach
	void quiet() {
		Logger.getLogger(DashboardSnapshots.class.getName()).removeHandler(handler);
	}

	@Test
	void theFiguresComputedAreKeptWithTheirTimeAndReadBackWhole() throws IOException {
		assertEquals(Optional.empty(), service.keptDashboard(CITY, null, TODAY), "nothing kept before the first computation");
		Dashboard.Figures f = service.dashboard(CITY, null, 8, TODAY);
		assertTrue(f.signals().stream().map(Dashboard.SignalRow::department).distinct().count() == 2, "PSB and AMR: " + f.signals());
		assertTrue(f.overdue().stream().anyMatch(o -> o.officer() == null), "an overdue dossier nobody holds");
		DashboardSnapshots.Kept k = service.keptDashboard(CITY, null, TODAY).orElseThrow();
		assertEquals(f, k.figures(), "every figure, the reason with a tab and a %7E included");
		assertEquals(f.overdue().size(), k.overdue());
		assertEquals(AT, k.at());
		assertTrue(k.current());
		assertEquals(List.of(), logged);
		try (var files = Files.list(kept.directory())) {
			List<Path> all = files.toList();
			assertEquals(1, all.size(), "one file, nothing left aside: " + all);
			assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(all.get(0))));
		}
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept.directory())));
	}

	@Test
	void aDepartmentSupervisorNeverGetsTheCitysFigures() throws IOException {
		service.dashboard(CITY, null, 8, TODAY);
		assertEquals(Optional.empty(), service.keptDashboard(PSB, null, TODAY), "another viewer, a narrower scope");
		assertEquals(Optional.empty(), service.keptDashboard(OTHER_CITY, null, TODAY), "another city supervisor: their own figures only");
		Officer demoted = new Officer(CITY.id(), CITY.name(), "PSB", EnumSet.of(Role.SUPERVISOR));
		assertEquals(Optional.empty(), service.keptDashboard(demoted, null, TODAY),
				"the city's figures are not for the same person once they supervise one department");
		assertThrows(AccessDeniedException.class, () -> service.keptDashboard(OFFICER, null, TODAY));
		assertThrows(AccessDeniedException.class, () -> service.keptDashboard(PSB, "AMR", TODAY));

		// the city's file put where the department supervisor's would be: ignored, said in the log
		Path city = kept.file(CITY.id(), SupervisionAccess.Scope.ALL);
		Files.createDirectories(kept.directory());
		Files.copy(city, kept.file(PSB.id(), new SupervisionAccess.Scope("PSB")));
		assertEquals(Optional.empty(), service.keptDashboard(PSB, null, TODAY));
		assertEquals(1, logged.size(), logged.toString());
		assertTrue(logged.get(0).contains("written for city.supervisor"), logged.get(0));

		// written for the right viewer and scope, but with another department's rows: ignored too
		String lines = Files.readString(city, StandardCharsets.UTF_8).replace("viewer\tcity.supervisor", "viewer\tpsb.supervisor")
				.replace("scope\t*", "scope\tPSB");
		Files.writeString(kept.file(PSB.id(), new SupervisionAccess.Scope("PSB")), lines, StandardCharsets.UTF_8);
		assertEquals(Optional.empty(), service.keptDashboard(PSB, null, TODAY));
		assertTrue(logged.get(1).contains("department AMR outside the scope PSB"), logged.get(1));

		// their own figures: PSB's only
		Dashboard.Figures own = service.dashboard(PSB, null, 8, TODAY);
		assertEquals(own, service.keptDashboard(PSB, null, TODAY).orElseThrow().figures());
		assertTrue(own.signals().stream().allMatch(r -> r.department().equals("PSB")));
		assertEquals(own, service.keptDashboard(PSB, "PSB", TODAY).orElseThrow().figures(),
				"asking for one's own department is one's own scope");
	}

	@Test
	void figuresOfAnEarlierDayAreNeverToday() {
		Dashboard.Figures f = service.dashboard(CITY, null, 8, TODAY);
		DashboardSnapshots.Kept k = service.keptDashboard(CITY, null, TODAY.plusDays(1)).orElseThrow();
		assertFalse(k.current(), "kept yesterday: shown as yesterday's, while today's are computed");
		assertEquals(TODAY, k.figures().today(), "their own day, not the day asked for");
		assertEquals(f, k.figures());
		Dashboard.Figures next = service.dashboard(CITY, null, 8, TODAY.plusDays(1));
		assertTrue(service.keptDashboard(CITY, null, TODAY.plusDays(1)).orElseThrow().current());
		assertEquals(next, service.keptDashboard(CITY, null, TODAY.plusDays(1)).orElseThrow().figures());
	}

	@Test
	void aCorruptOrCutFileIsIgnoredLoggedAndReplacedByTheNextComputation() throws IOException {
		Dashboard.Figures f = service.dashboard(CITY, null, 8, TODAY);
		Path file = kept.file(CITY.id(), SupervisionAccess.Scope.ALL);
		String whole = Files.readString(file, StandardCharsets.UTF_8);
		Map<String, String> broken = new LinkedHashMap<>();
		broken.put("empty", "");
		broken.put("cut short", whole.substring(0, whole.length() / 2));
		broken.put("not a number", whole.replaceFirst("\nS\t([^\t]*)\t([^\t]*)\t\\d+", "\nS\t$1\t$2\tmany"));
		broken.put("a field missing", whole.replaceFirst("\nW\t[^\n]*", "\nW\tPSB"));
		broken.put("no signal", whole.replaceFirst("(\nO\t[^\n]*\t)[A-Z]+\n", "$1PURPLE\n"));
		broken.put("bytes", "\u0000\u00ff garbage");
		for (Map.Entry<String, String> b : broken.entrySet()) {
			assertTrue(!b.getValue().equals(whole), b.getKey() + " changes the file");
			Files.writeString(file, b.getValue(), StandardCharsets.ISO_8859_1);
			logged.clear();
			assertEquals(Optional.empty(), service.keptDashboard(CITY, null, TODAY), b.getKey());
			assertEquals(1, logged.size(), b.getKey() + ": one log entry " + logged);
			assertTrue(logged.get(0).contains("computed anew"), logged.get(0));
		}
		assertEquals(f, service.dashboard(CITY, null, 8, TODAY), "the computation does not mind");
		assertEquals(f, service.keptDashboard(CITY, null, TODAY).orElseThrow().figures(), "and keeps its figures again");
		Files.delete(file);
		logged.clear();
		assertEquals(Optional.empty(), service.keptDashboard(CITY, null, TODAY), "a missing file is nothing kept");
		assertEquals(List.of(), logged, "and nothing to log");
	}

	@Test
	void anUnwritableHomeLeavesTheFiguresShownAndLogged() throws IOException {
		Files.createDirectories(kept.directory().getParent());
		Files.writeString(kept.directory(), "a file where the directory should be");
		Dashboard.Figures f = service.dashboard(CITY, null, 8, TODAY);
		assertTrue(f.open() > 0);
		assertEquals(1, logged.size(), logged.toString());
		assertTrue(logged.get(0).contains("could not be kept"), logged.get(0));
	}

	@Test
	void theOverdueListIsKeptToItsFirstRowsAndItsLength() {
		List<Dashboard.Overdue> many = new ArrayList<>();
		for (int i = 0; i < DashboardSnapshots.KEPT_OVERDUE + 7; i++) {
			many.add(new Dashboard.Overdue("SZ" + i, "PSB", Cases.MATTER, i % 2 == 0 ? null : "li.na", 9, 5, 12, Signal.RED));
		}
		Map<String, Integer> refusals = new LinkedHashMap<>();
		refusals.put("B", 5);
		refusals.put(Dashboard.NO_REASON, 3);
		refusals.put("A", 1);
		Dashboard.Figures f = new Dashboard.Figures(TODAY, TODAY.minusWeeks(7), List.of(), many, List.of(), 9, 4, 3, 1, refusals);
		kept.write(PSB, null, f, AT);
		DashboardSnapshots.Kept k = kept.read(PSB, null, TODAY).orElseThrow();
		assertEquals(many.subList(0, DashboardSnapshots.KEPT_OVERDUE), k.figures().overdue());
		assertEquals(many.size(), k.overdue());
		assertEquals(List.of("B", Dashboard.NO_REASON, "A"), List.copyOf(k.figures().refusals().keySet()), "most first, as computed");
		assertEquals(refusals, k.figures().refusals());
	}
}
