package org.miaopi.hub;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.hub.intake.ImportReport;
import org.miaopi.hub.intake.Intake;
import org.miaopi.hub.store.HubDatabase;
import org.miaopi.hub.store.HubStore;

/**
 * {@code ./miaopi bench hub}: import of dossiers per second, the same demo lines (materials
 * inline) into a fresh embedded Derby and a fresh database on the hub's private PostgreSQL
 * cluster, side by side. Checking, routing and storing are all measured; generating is not.
 */
final class HubBench {

	private final MatterRegistry matters;
	private final org.miaopi.hub.push.HubWitness witness;
	private final Path hubDir;
	private final PrintStream out;
	/** The push ingest lines, printed after the import's. */
	private final List<String> pushLines = new ArrayList<>();
	private final double[] pushRates = new double[2];

	HubBench(MatterRegistry matters, org.miaopi.seal.SealService seals, Path hubDir, PrintStream out) {
		this.matters = matters;
		this.witness = new org.miaopi.hub.push.HubWitness(seals);
		this.hubDir = hubDir;
		this.out = out;
	}

	int run(int dossiers) throws Exception {
		List<String> batches = new ArrayList<>();
		// a fixed date: the same seed gives the same lines on any day
		DemoIntake.generate(dossiers, 1, LocalDate.of(2026, 12, 1), batches::add, r -> {
		});
		long bytes = batches.stream().mapToLong(String::length).sum();
		out.printf("hub import benchmark: %,d demo dossiers in %d batches, %.1f MB of JSON Lines (materials inline)%n", dossiers,
				batches.size(), bytes / 1e6);
		Path derbyDir = hubDir.resolve("bench-derby"); //$NON-NLS-1$
		deleteTree(derbyDir);
		double derby = measure("Derby (embedded)", HubDatabase.derby(derbyDir.resolve("db")), batches, dossiers, 0); //$NON-NLS-1$ //$NON-NLS-2$
		deleteTree(derbyDir);
		double pg;
		try {
			PrivateCluster cluster = new PrivateCluster(hubDir, PrivateCluster.DEFAULT_PORT);
			HubDatabase db = cluster.scratch(cluster.ensureRunning(), "miaopi_hub_bench"); //$NON-NLS-1$
			pg = measure("PostgreSQL (private cluster, fsync on)", db, batches, dossiers, 1); //$NON-NLS-1$
		} catch (IOException | java.sql.SQLException e) {
			out.println("  PostgreSQL: not measured: " + e.getMessage()); //$NON-NLS-1$
			return 1;
		}
		out.printf("  ratio PostgreSQL / Derby: %.2f%n", pg / derby); //$NON-NLS-1$
		out.printf("hub push ingest: one decision per imported dossier, desks' outbox rows in batches of %d (JSON read, every event"
				+ " hashed again, applied once, checkpoint signed)%n", PushBench.BATCH); //$NON-NLS-1$
		pushLines.forEach(out::println);
		out.printf("  ratio PostgreSQL / Derby: %.2f%n", pushRates[1] / pushRates[0]); //$NON-NLS-1$
		return 0;
	}

	private double measure(String name, HubDatabase db, List<String> batches, int dossiers, int slot) throws Exception {
		try (HubStore store = HubStore.open(db)) {
			Intake intake = new Intake(store, matters, Clock.systemUTC());
			long imported = 0;
			long refused = 0;
			long start = System.nanoTime();
			for (String lines : batches) {
				ImportReport r = intake.dossiers(DemoIntake.reader(lines), null);
				imported += r.imported();
				refused += r.refusedCount();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			double rate = imported / seconds;
			out.printf("  %-40s %,8d imported, %d refused in %6.2f s: %,8.0f dossiers/s%n", name, imported, refused, seconds, rate); //$NON-NLS-1$
			List<PushBench.Body> bodies = PushBench.bodies(store);
			witness.certificate(); // the hub's seal exists before the clock starts
			long t0 = System.nanoTime();
			long[] pushed = PushBench.ingest(store, witness, bodies);
			double pushSeconds = (System.nanoTime() - t0) / 1e9;
			pushRates[slot] = pushed[0] / pushSeconds;
			pushLines.add(String.format("  %-40s %,8d applied, %d refused in %6.2f s: %,8.0f decisions/s", name, pushed[0], pushed[1], //$NON-NLS-1$
					pushSeconds, pushRates[slot]));
			return rate;
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}
}
