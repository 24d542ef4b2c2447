package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;

/** Tests with a second desk in another JVM: the lock, and SIGKILL in the middle of transitions. */
class SecondDeskTest {

	@TempDir
	Path tmp;

	@Test
	void aStoreOpenInAnotherDeskIsReportedAsLocked() throws Exception {
		DeskStore.openDesk(tmp).close();
		try (ChildJvm other = new ChildJvm(tmp.toString(), "hold", "1")) {
			other.awaitReady();
			StoreException e = assertThrows(StoreException.class, () -> DeskStore.openDesk(tmp));
			assertEquals(Problem.LOCKED, e.problem());
			assertTrue(e.getMessage().contains("open in another running Miaopi"), e.getMessage());
		}
		DeskStore.openDesk(tmp).close(); // the killed desk's lock does not outlive it
	}

	@Test
	void killingADeskMidTransitionLosesNoCommittedStepAndHalfAppliesNone() throws Exception {
		try (DeskStore store = DeskStore.openDesk(tmp)) {
			Fixtures.seed(store);
			List<Dossier> ds = new ArrayList<>();
			for (int i = 0; i < CrashWorker.DOSSIERS; i++) {
				ds.add(Fixtures.dossier(CrashWorker.number(i), "PSB", DossierStatus.IN_REVIEW));
			}
			store.putDossiers(ds, "test");
		}
		Random random = new Random(20261123);
		Map<String, Integer> observed = new HashMap<>();
		int kills = 0;
		int totalObserved = 0;
		for (int round = 0; round < 20; round++) {
			java.nio.file.Path report = tmp.resolve("report-" + round + ".txt");
			java.nio.file.Files.createFile(report);
			try (ChildJvm child = new ChildJvm(tmp.toString(), "churn", Long.toString(random.nextLong()),
					report.toString())) {
				child.awaitReady();
				// kill at a random moment once transitions are flowing (the first one warms up the JVM)
				long until = System.nanoTime() + 60_000_000_000L;
				while (java.nio.file.Files.size(report) == 0) {
					if (!child.process.isAlive() || System.nanoTime() > until) {
						throw new AssertionError("the child committed nothing: " + child.lines);
					}
					Thread.sleep(5);
				}
				Thread.sleep(random.nextInt(250));
				child.kill();
				kills++;
				if (child.lines.stream().anyMatch(l -> !l.equals("READY"))) {
					throw new AssertionError("the child failed: " + child.lines);
				}
				List<String> lines = java.nio.file.Files.readAllLines(report);
				String text = java.nio.file.Files.readString(report);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i);
					boolean complete = i < lines.size() - 1 || text.endsWith("\n");
					if (complete && line.matches("OK CR-\\d{3} (IN_REVIEW|SUPPLEMENT_REQUESTED)")) {
						observed.merge(line.split(" ")[1], 1, Integer::sum);
						totalObserved++;
					} else if (complete) {
						throw new AssertionError("unexpected report line: " + line);
					}
				}
			}
			// reopen with no repair step: Derby's log recovery is all there is
			try (DeskStore store = DeskStore.openDesk(tmp)) {
				List<AuditEvent> ledger = store.ledger();
				assertInstanceOf(Verification.Intact.class, AuditChain.verify(ledger), "round " + round);
				int transitions = 0;
				for (int i = 0; i < CrashWorker.DOSSIERS; i++) {
					String no = CrashWorker.number(i);
					List<AuditEvent> history = store.history(Fixtures.OFFICER, no);
					int moves = history.size() - 1; // minus dossier.imported
					transitions += moves;
					assertTrue(moves >= observed.getOrDefault(no, 0), no + ": a committed transition is missing");
					// status, ledger and decisions agree: nothing half-applied
					DossierStatus expected = moves % 2 == 0 ? DossierStatus.IN_REVIEW : DossierStatus.SUPPLEMENT_REQUESTED;
					assertEquals(expected, store.find(Fixtures.OFFICER, no).orElseThrow().status(), no);
					if (moves > 0) {
						assertEquals(expected.name(), history.get(history.size() - 1).details().get("to"), no);
					}
					assertEquals((moves + 1) / 2, store.decisions(Fixtures.OFFICER, no).size(), no);
				}
				// at most one commit per kill can have happened without being reported
				assertTrue(transitions >= totalObserved && transitions <= totalObserved + kills,
						"transitions " + transitions + ", reported " + totalObserved + ", kills " + kills);
			}
		}
		assertTrue(totalObserved > 0, "the children never committed anything; the test proved nothing");
	}
}
