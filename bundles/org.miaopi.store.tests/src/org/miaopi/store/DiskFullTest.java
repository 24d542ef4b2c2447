package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.TransitionRequest;

/**
 * A real full disk: the store on a tmpfs of a few megabytes. Needs root to mount, so it is
 * skipped (and says so) where the build does not run as root; the injected-failure test in
 * {@link DossierServiceTest} covers the rollback everywhere.
 */
class DiskFullTest {

	private Path mount;

	@AfterEach
	void unmount() throws Exception {
		if (mount != null) {
			// lazy: a store that died on the full disk may still hold a file open in this JVM
			run("umount", "-l", mount.toString());
			Files.deleteIfExists(mount);
		}
	}

	@Test
	void aTransitionThatFillsTheDiskIsRolledBackAndReportedAndEarlierDataSurvive() throws Exception {
		mount = Files.createTempDirectory("miaopi-full-");
		boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString());
		if (!mounted) {
			Files.delete(mount);
			mount = null;
		}
		Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (not root?): the real disk-full test is skipped");
		Path dir = mount.resolve("store");
		DeskStore store = DeskStore.openDesk(dir);
		try {
			fillTheDisk(store);
		} finally {
			store.close();
		}
		// give the disk room again; the store opens with no repair and has exactly what was committed
		assertTrue(run("mount", "-o", "remount,size=64m", mount.toString()));
		try (DeskStore reopened = DeskStore.openDesk(dir)) {
			assertEquals(DossierStatus.SUPPLEMENT_REQUESTED, reopened.find(Fixtures.OFFICER, "D1").orElseThrow().status());
			assertEquals(DossierStatus.IN_REVIEW, reopened.find(Fixtures.OFFICER, "D2").orElseThrow().status());
			assertEquals(1, reopened.history(Fixtures.OFFICER, "D2").size());
			assertInstanceOf(Verification.Intact.class, AuditChain.verify(reopened.ledger()));
			reopened.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.supplement("D2", Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER));
		}
	}

	private static void fillTheDisk(DeskStore store) {
		Fixtures.seed(store);
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.IN_REVIEW),
				Fixtures.dossier("D2", "PSB", DossierStatus.IN_REVIEW)), "test");
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.supplement("D1", Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER));
		// a comment far larger than the free space left on the device
		String huge = "满".repeat(6 * 1024 * 1024);
		StoreException e = assertThrows(StoreException.class, () -> store.transition(Fixtures.OFFICER,
				new TransitionRequest("D2", DossierStatus.SUPPLEMENT_REQUESTED, Fixtures.supplement("D2", Fixtures.OFFICER),
						null, Map.of("comment", huge)), TestSigner.of(Fixtures.OFFICER)));
		assertEquals(StoreException.Problem.IO_FAILURE, e.problem(), e.getMessage());
		assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
	}

	private static boolean run(String... cmd) throws Exception {
		try {
			Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
		} catch (java.io.IOException e) {
			return false;
		}
	}
}
