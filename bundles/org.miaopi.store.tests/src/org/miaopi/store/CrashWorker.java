package org.miaopi.store;

import java.nio.file.Path;
import java.util.Random;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.service.TransitionRequest;

/**
 * Main class of the child JVM (no OSGi): opens the store and either holds it ("hold") or moves
 * dossiers IN_REVIEW ⇄ SUPPLEMENT_REQUESTED as fast as it can ("churn"), printing
 * {@code OK <dossier> <status>} after each commit, until it is killed.
 */
public final class CrashWorker {

	static final int DOSSIERS = 20;

	private CrashWorker() {
	}

	static String number(int i) {
		return String.format("CR-%03d", i);
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		String mode = args[1];
		Random random = new Random(Long.parseLong(args[2]));
		DeskStore store = DeskStore.openDesk(dir);
		System.out.println("READY");
		System.out.flush();
		if (mode.equals("hold")) {
			Thread.sleep(Long.MAX_VALUE);
		}
		while (true) {
			String no = number(random.nextInt(DOSSIERS));
			Dossier d = store.find(Fixtures.OFFICER, no).orElseThrow();
			Dossier after = d.status() == DossierStatus.IN_REVIEW
					? store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.supplement(no, Fixtures.OFFICER)))
					: store.transition(Fixtures.OFFICER, TransitionRequest.move(no, DossierStatus.IN_REVIEW));
			System.out.println("OK " + no + " " + after.status());
			System.out.flush();
		}
	}
}
