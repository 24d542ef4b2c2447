package org.miaopi.store;

import java.nio.file.Path;
import java.util.Random;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.service.TransitionRequest;

/**
 * Main class of the child JVM (no OSGi): opens the store and either holds it ("hold") or moves
 * dossiers IN_REVIEW ⇄ SUPPLEMENT_REQUESTED as fast as it can ("churn"), appending
 * {@code OK <dossier> <status>} to a report file after each commit, until it is killed.
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
		// commits are reported in a file, one unbuffered write each: unlike a pipe, nothing
		// written to it before the kill can be lost when the reader races the process's exit
		java.io.FileOutputStream report = args.length > 3 ? new java.io.FileOutputStream(args[3], true) : null;
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
					? store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.supplement(no, Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER))
					: store.transition(Fixtures.OFFICER, TransitionRequest.move(no, DossierStatus.IN_REVIEW));
			if (report != null) {
				report.write(("OK " + no + " " + after.status() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			}
		}
	}
}
