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
 * Then, on each, simulated desks' first pulls and empty sync rounds ({@link DeskBench}) and the
 * push ingest ({@link PushBench}).
 */
final class HubBench {

	private final MatterRegistry matters;
	private final org.miaopi.hub.push.HubWitness witness;
	private final Path hubDir;
	private final PrintStream out;
	/** The push ingest lines, printed after the import's. */
	private final List<String> pushLines = new ArrayList<>();
	private final double[] pushRates = new double[2];
	private final DeskBench.Result[] deskResults = new DeskBench.Result[2];
	private final org.miaopi.core.service.StoreFactory stores;
	private final org.miaopi.seal.SealService seals;
	private final List<org.miaopi.hub.store.HubRecord> records = new ArrayList<>();
	private int desks;

	HubBench(MatterRegistry matters, org.miaopi.seal.SealService seals, org.miaopi.core.service.StoreFactory stores, Path hubDir,
			PrintStream out) {
		this.matters = matters;
		this.seals = seals;
		this.stores = stores;
		this.witness = new org.miaopi.hub.push.HubWitness(seals);
		this.hubDir = hubDir;
		this.out = out;
	}

	/** @param desks simulated desks, or -1 for one per department with dossiers (0: none) */
	int run(int dossiers, int desks) throws Exception {
		this.desks = desks;
		out.println("load average at the start: " + loadAverage()); //$NON-NLS-1$
		List<String> batches = new ArrayList<>();
		// a fixed date: the same seed gives the same lines on any day
		DemoIntake.generate(dossiers, 1, LocalDate.of(2026, 12, 1), batches::add, rs -> rs.forEach(
				r -> records.add(new org.miaopi.hub.store.HubRecord(r.source().name(), r.subjectId(), r.asOf(), r.fields()))));
		long bytes = batches.stream().mapToLong(String::length).sum();
		out.printf("hub import benchmark: %,d demo dossiers in %d batches, %.1f MB of JSON Lines (materials inline)%n", dossiers,
				batches.size(), bytes / 1e6);
		Path derbyDir = hubDir.resolve("bench-derby"); //$NON-NLS-1$
		deleteTree(derbyDir);
		double derby = measure("Derby (embedded)", HubDatabase.derby(derbyDir.resolve("db")), batches, dossiers, 0); //$NON-NLS-1$ //$NON-NLS-2$
		deleteTree(derbyDir);
		double pg;
		String port = System.getenv("MIAOPI_HUB_PG_PORT"); // as for the hub: another home's cluster may hold the default port //$NON-NLS-1$
		PrivateCluster cluster = new PrivateCluster(hubDir, port == null ? PrivateCluster.DEFAULT_PORT : Integer.parseInt(port));
		try {
			HubDatabase db = cluster.scratch(cluster.ensureRunning(), "miaopi_hub_bench"); //$NON-NLS-1$
			pg = measure("PostgreSQL (private cluster, fsync on)", db, batches, dossiers, 1); //$NON-NLS-1$
		} catch (IOException | java.sql.SQLException e) {
			out.println("  PostgreSQL: not measured: " + e.getMessage()); //$NON-NLS-1$
			return 1;
		} finally {
			stopIfStarted(cluster);
		}
		out.printf("  ratio PostgreSQL / Derby: %.2f%n", pg / derby); //$NON-NLS-1$
		if (deskResults[0] != null) {
			printDesks();
		}
		out.printf("hub push ingest: one decision per imported dossier, desks' outbox rows in batches of %d (JSON read, every event"
				+ " hashed again, applied once, checkpoint signed)%n", PushBench.BATCH); //$NON-NLS-1$
		pushLines.forEach(out::println);
		out.printf("  ratio PostgreSQL / Derby: %.2f%n", pushRates[1] / pushRates[0]); //$NON-NLS-1$
		out.println("load average at the end: " + loadAverage()); //$NON-NLS-1$
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
			store.importRecords(records); // the desks pull them with the dossiers; not timed
			List<String> departments = departments(store);
			int n = desks < 0 ? departments.size() : desks;
			if (n > 0) {
				Path deskDir = hubDir.resolve("bench-desks"); //$NON-NLS-1$
				deleteTree(deskDir);
				deskResults[slot] = new DeskBench(store, seals, matters, stores).run(departments, n, ROUNDS, deskDir);
				deleteTree(deskDir);
			}
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

	/** A cluster the bench started for itself is stopped when it ends (one a running hub uses is left running). */
	private void stopIfStarted(PrivateCluster cluster) {
		if (!cluster.startedHere()) {
			return;
		}
		try {
			cluster.stop();
		} catch (IOException | InterruptedException | RuntimeException e) {
			out.println("  PostgreSQL: the bench's cluster could not be stopped: " + e.getMessage()); //$NON-NLS-1$
		}
	}

	/** Empty sync rounds each desk runs after its first pull. */
	static final int ROUNDS = 40;

	private void printDesks() {
		DeskBench.Result d = deskResults[0];
		DeskBench.Result p = deskResults[1];
		out.printf("hub sync: %d desks on loopback (HTTPS, mutual TLS, enrolled with one-time codes; the desk's own sync round, each desk an"
				+ " encrypted store of its own); first rounds one desk after the other, each pulling its department: dossiers, shared records,"
				+ " the files it lacks, then pushing what the pull wrote to its outbox%n", d.desks()); //$NON-NLS-1$
		for (int i = 0; i < 2; i++) {
			DeskBench.Result r = deskResults[i];
			out.printf("  %-40s %,8d dossiers, %,d records, %,d files in %6.2f s: first pull %5.2f s per 1,000 dossiers (median desk; slowest %.2f),"
					+ " 5,000 at that pace %5.1f s%n", NAMES[i], r.dossiers(), r.records(), r.files(), r.wallSeconds(), r.medianPer1000(), //$NON-NLS-1$
					r.slowestPer1000(), 5 * r.medianPer1000());
		}
		out.printf("  ratio PostgreSQL / Derby (time of a first pull per 1,000 dossiers, lower is faster): %.2f%n", //$NON-NLS-1$
				p.medianPer1000() / d.medianPer1000());
		out.printf("hub empty sync round trip: %d rounds per desk after %d not counted, all desks at once, on the desk's kept HTTPS connection"
				+ " as the desk's sync job keeps it between rounds%n", ROUNDS, DeskBench.WARMUP_ROUNDS); //$NON-NLS-1$
		for (int i = 0; i < 2; i++) {
			DeskBench.Result r = deskResults[i];
			out.printf("  %-40s %,8d rounds: p50 %6.1f ms, p95 %6.1f ms; %,6.0f rounds/s served%n", NAMES[i], r.roundNanos().length, //$NON-NLS-1$
					r.roundMillis(50), r.roundMillis(95), r.roundsPerSecond());
		}
		out.printf("  ratio PostgreSQL / Derby (time, lower is faster): p50 %.2f, p95 %.2f%n", p.roundMillis(50) / d.roundMillis(50), //$NON-NLS-1$
				p.roundMillis(95) / d.roundMillis(95));
		out.printf("hub empty sync round trip on a new HTTPS connection each round (mutual TLS handshake; the hub closes an idle"
				+ " connection after 30 s), the same rounds%n"); //$NON-NLS-1$
		for (int i = 0; i < 2; i++) {
			DeskBench.Result r = deskResults[i];
			out.printf("  %-40s %,8d rounds: p50 %6.1f ms, p95 %6.1f ms; %,6.0f rounds/s served%n", NAMES[i], r.freshNanos().length, //$NON-NLS-1$
					r.freshMillis(50), r.freshMillis(95), r.freshPerSecond());
		}
	}

	private static final String[] NAMES = { "Derby (embedded)", "PostgreSQL (private cluster, fsync on)" }; //$NON-NLS-1$ //$NON-NLS-2$

	/** The departments the hub routed dossiers to, the busiest first. */
	private static List<String> departments(HubStore store) {
		java.util.Map<String, Integer> counts = new java.util.HashMap<>();
		long cursor = 0;
		org.miaopi.hub.store.Page<org.miaopi.hub.store.Progress> page;
		do {
			page = store.progressFeed(cursor, 1000);
			page.items().forEach(p -> counts.merge(p.departmentCode(), 1, Integer::sum));
			cursor = page.next();
		} while (page.more());
		return counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()
				.thenComparing(java.util.Map.Entry.comparingByKey())).map(java.util.Map.Entry::getKey).toList();
	}

	/** The 1, 5 and 15 minute load averages: the machine is shared, figures are read beside them. */
	static String loadAverage() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).split(" "); //$NON-NLS-1$ //$NON-NLS-2$
			return f[0] + ", " + f[1] + ", " + f[2] + " (" + Runtime.getRuntime().availableProcessors() + " cores)"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		} catch (IOException | RuntimeException e) {
			return "unknown"; //$NON-NLS-1$
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
