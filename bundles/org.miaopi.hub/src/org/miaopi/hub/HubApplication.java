package org.miaopi.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.hub.http.HubHandler;
import org.miaopi.hub.intake.ImportReport;
import org.miaopi.hub.intake.Refusal;
import org.miaopi.hub.store.Desk;
import org.miaopi.hub.store.HubDatabase;
import org.miaopi.hub.store.HubRecord;
import org.miaopi.hub.store.HubStore;
import org.miaopi.seal.SealService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The hub as a headless application of the product ({@code ./miaopi hub ...}): serves the API, or
 * runs one admin job against the hub's database. The database is embedded Derby under
 * {@code $MIAOPI_HOME/hub/db} unless {@code --postgres} chose PostgreSQL (remembered in
 * {@code hub/database.properties} for the next commands; {@code --derby} goes back).
 */
public class HubApplication implements IApplication {

	static final String USAGE = String.join("\n", //$NON-NLS-1$
			"usage: ./miaopi hub [--port P] [--postgres [JDBC_URL] | --derby]   serve the hub on https://127.0.0.1:P (default 8443)", //$NON-NLS-1$
			"       ./miaopi hub import FILE.jsonl            import dossiers (JSON Lines, docs/hub.md)", //$NON-NLS-1$
			"       ./miaopi hub import-records FILE.jsonl    import shared records", //$NON-NLS-1$
			"       ./miaopi hub demo --dossiers N --seed S   fill the hub from the demo generator", //$NON-NLS-1$
			"       ./miaopi hub enrol-code --department CODE | --intake   a one-time enrolment code", //$NON-NLS-1$
			"       ./miaopi hub desks | revoke-desk NAME      enrolled clients; refuse one from now on", //$NON-NLS-1$
			"       ./miaopi hub info                          database, schema and counts", //$NON-NLS-1$
			"       ./miaopi hub users list | add ID NAME DEPT ROLE | lock ID REASON | unlock ID | reset ID | remove ID | keys [ID] | revoke-key FINGERPRINT REASON", //$NON-NLS-1$
			"                                                  the city's users, pulled with their password verifiers by their department's desks", //$NON-NLS-1$
			"       ./miaopi hub sources [list | offline SOURCE REASON | online SOURCE]   shared data sources' availability, followed by every desk", //$NON-NLS-1$
			"       ./miaopi hub matters [list | log | enable CODE VERSION | disable CODE VERSION] [--theme] [--note WHY]", //$NON-NLS-1$
			"                                                  matter (theme) versions enabled city-wide, followed by every desk", //$NON-NLS-1$
			"       ./miaopi bench hub [--desks D] [--dossiers N]   import, D desks' first pull and empty sync round trip over HTTPS,", //$NON-NLS-1$
			"                                                  and push ingest, on Derby and PostgreSQL side by side (default: a desk per department)"); //$NON-NLS-1$

	private final CountDownLatch stopped = new CountDownLatch(1);

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] raw = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
		List<String> args = new ArrayList<>(Arrays.asList(raw));
		args.removeIf(a -> a.equals("-consoleLog") || a.equals("-nosplash")); //$NON-NLS-1$ //$NON-NLS-2$
		return reporting(() -> run(args, System.out), System.err);
	}

	/** A job's errors as the command line reports them, and its exit code. */
	static int reporting(java.util.concurrent.Callable<Integer> job, PrintStream err) {
		try {
			return job.call();
		} catch (UsageError e) {
			err.println("miaopi hub: " + e.getMessage()); //$NON-NLS-1$
			err.println(USAGE);
			return 2;
		} catch (Exception e) {
			err.println("miaopi hub: " + (e.getMessage() == null ? "failed; run with MIAOPI_JVM_OPTS=-Dmiaopi.debug=true for details" : e.getMessage())); //$NON-NLS-1$ //$NON-NLS-2$
			if (Boolean.getBoolean("miaopi.debug")) { //$NON-NLS-1$
				e.printStackTrace(err);
			}
			return 1;
		}
	}

	static final class UsageError extends Exception {
		private static final long serialVersionUID = 1L;

		UsageError(String message) {
			super(message);
		}
	}

	private int run(List<String> args, PrintStream out) throws Exception {
		String job = args.isEmpty() || args.get(0).startsWith("--") ? "serve" : args.remove(0); //$NON-NLS-1$ //$NON-NLS-2$
		Path hubDir = MiaopiHome.current().ensureExists().resolve("hub"); //$NON-NLS-1$
		Files.createDirectories(hubDir);
		if (job.equals("help")) { //$NON-NLS-1$
			out.println(USAGE);
			return 0;
		}
		if (job.equals("bench")) { //$NON-NLS-1$
			int dossiers = intOption(args, "--dossiers", 5000); //$NON-NLS-1$
			int desks = intOption(args, "--desks", -1); //$NON-NLS-1$
			noMore(args);
			if (dossiers < 1 || desks < -1) {
				throw new UsageError("--dossiers takes 1 or more, --desks 0 or more"); //$NON-NLS-1$
			}
			return new HubBench(service(MatterRegistry.class), service(SealService.class), service(org.miaopi.core.service.StoreFactory.class),
					hubDir, out).run(dossiers, desks);
		}
		HubDatabase db = database(args, hubDir);
		if (!job.equals("serve") && embedded(db)) { //$NON-NLS-1$
			// the serving hub holds the embedded database: it runs the job
			List<String> forwarded = new ArrayList<>(List.of(job));
			args.forEach(a -> forwarded.add(job.startsWith("import") && Files.exists(Path.of(a)) ? Path.of(a).toAbsolutePath().toString() : a)); //$NON-NLS-1$
			Integer exit = JobSocket.forward(hubDir, forwarded, out, System.err);
			if (exit != null) {
				return exit;
			}
		}
		try (HubStore store = HubStore.open(db)) {
			Hub hub = new Hub(store, service(SealService.class), service(MatterRegistry.class), Clock.systemUTC());
			if (job.equals("serve")) { //$NON-NLS-1$
				int port = intOption(args, "--port", 8443); //$NON-NLS-1$
				noMore(args);
				return serve(hub, db, hubDir, port, out);
			}
			return job(job, args, hub, store, db, out);
		}
	}

	/** One admin job on the open hub: here, or inside the serving hub for a job sent to its {@link JobSocket}. */
	static int job(String job, List<String> args, Hub hub, HubStore store, HubDatabase db, PrintStream out) throws Exception {
		switch (job) {
		case "import" -> { //$NON-NLS-1$
			Path file = file(args);
			try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				Path base = file.toAbsolutePath().getParent();
				print(hub.intake().dossiers(in, name -> readBeside(base, name)), "dossiers", out); //$NON-NLS-1$
			}
		}
		case "import-records" -> { //$NON-NLS-1$
			try (BufferedReader in = Files.newBufferedReader(file(args), StandardCharsets.UTF_8)) {
				print(hub.intake().records(in), "records", out); //$NON-NLS-1$
			}
		}
		case "demo" -> { //$NON-NLS-1$
			int n = intOption(args, "--dossiers", 1000); //$NON-NLS-1$
			long seed = intOption(args, "--seed", 1); //$NON-NLS-1$
			noMore(args);
			long start = System.nanoTime();
			long[] totals = new long[3];
			// the hub's clock: no demo dossier is submitted after it (the intake refuses the future)
			var summary = DemoIntake.generate(n, seed, java.time.Instant.now(), lines -> {
				try {
					ImportReport r = hub.intake().dossiers(DemoIntake.reader(lines), null);
					totals[0] += r.imported();
					totals[1] += r.duplicateCount();
					totals[2] += r.refusedCount();
					r.refused().stream().limit(3).forEach(f -> out.println("  refused: " + f.submissionId() + ": " + f.reason())); //$NON-NLS-1$ //$NON-NLS-2$
				} catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}, records -> store.importRecords(records.stream()
					.map(r -> new HubRecord(r.source().name(), r.subjectId(), r.asOf(), r.fields())).toList()));
			out.printf("hub demo: %d dossiers imported, %d already at the hub, %d refused, in %.1f s (%s)%n", totals[0], totals[1], //$NON-NLS-1$
					totals[2], (System.nanoTime() - start) / 1e9, db);
			Path hubDir = MiaopiHome.current().resolve("hub"); //$NON-NLS-1$
			int users = DemoUsers.ensure(store.users(), summary.logins(), hubDir);
			out.printf("hub demo: %d demo officers and supervisors made at the hub; the one-time passwords of all of them are in %s" //$NON-NLS-1$
					+ " (owner-only): they sign in at their department's desks after its next sync%n", users, hubDir.resolve(DemoUsers.FILE)); //$NON-NLS-1$
		}
		case "enrol-code" -> { //$NON-NLS-1$
			boolean intake = args.remove("--intake"); //$NON-NLS-1$
			String dept = option(args, "--department"); //$NON-NLS-1$
			long hours = intOption(args, "--valid-hours", 24); //$NON-NLS-1$
			noMore(args);
			if (intake == (dept != null)) {
				throw new UsageError("give --department CODE (a desk) or --intake (the intake platform)"); //$NON-NLS-1$
			}
			String code = store.desks().createCode(intake ? Desk.Role.INTAKE : Desk.Role.DESK, dept, Duration.ofHours(hours));
			out.println(code);
			out.println("(one-time enrolment code for " + (intake ? "an intake platform" : "a desk of " + dept) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ ", valid " + hours + " h: ./miaopi enrol HUB_URL --desk NAME --department " + (intake ? "INTAKE" : dept) + " --code " + code + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		}
		case "desks" -> { //$NON-NLS-1$
			noMore(args);
			for (Desk d : store.desks().all()) {
				out.printf("%-24s %-7s %-8s serial %s enrolled %s%s%n", d.name(), d.role(), d.departmentCode() == null ? "-" : d.departmentCode(), //$NON-NLS-1$ //$NON-NLS-2$
						d.certificateSerial(), d.enrolledAt(), d.revoked() ? " REVOKED " + d.revokedAt() : ""); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		case "revoke-desk" -> { //$NON-NLS-1$
			if (args.size() != 1) {
				throw new UsageError("revoke-desk takes the desk's name"); //$NON-NLS-1$
			}
			if (!hub.revokeDesk(args.get(0))) {
				throw new UsageError("no desk named " + args.get(0) + " (./miaopi hub desks lists them)"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			out.println("hub: " + args.get(0) + "'s certificate is refused from now on and on the Miaopi CA's CRL"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		case "users" -> { //$NON-NLS-1$
			String revoked = args.size() == 3 && args.get(0).equals("revoke-key") ? args.get(1) : null; //$NON-NLS-1$
			String why = revoked == null ? null : args.get(2).strip();
			HubUsersJob.run(new HubUserAdmin(store.users()), store.users(), store.officerCertificates(), args, out);
			if (revoked != null && hub.revokeOfficerKeyAtCa(revoked, why)) {
				out.println("hub: " + revoked + " is on the Miaopi CA's CRL, which every desk pulls"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		case "sources" -> HubUsersJob.sources(store.sources(), args, out); //$NON-NLS-1$
		case "matters" -> MattersJob.run(store.matterVersions(), args, out); //$NON-NLS-1$
		case "info" -> { //$NON-NLS-1$
			noMore(args);
			out.println("database: " + db); //$NON-NLS-1$
			store.counts().forEach((k, v) -> out.printf("  %-12s %,d%n", k, v)); //$NON-NLS-1$
		}
		default -> throw new UsageError("unknown hub job '" + job + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return 0;
	}

	/** What the job socket runs: a job as the command line would, against the serving hub's store. */
	static JobSocket.Runner jobs(Hub hub, HubStore store, HubDatabase db) {
		return (args, out, err) -> reporting(() -> {
			List<String> rest = new ArrayList<>(args);
			String job = rest.remove(0);
			if (job.equals("serve") || job.equals("bench") || job.startsWith("--")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				throw new UsageError("the hub serves already; '" + job + "' is not a job it runs"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return job(job, rest, hub, store, db, out);
		}, err);
	}

	private int serve(Hub hub, HubDatabase db, Path hubDir, int port, PrintStream out) throws Exception {
		try (HubServer server = hub.serve(Hub.LOOPBACK, port, HubHandler.Limits.DEFAULT);
				JobSocket jobs = embedded(db) ? jobSocket(hub, db, hubDir, out) : null) {
			Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
			out.println("hub: serving " + server.url() + " (mutual TLS, Miaopi CA in " + MiaopiHome.current().resolve("seals") + "; database " + db + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			out.println("hub: MIAOPI-HUB-READY port=" + server.port()); //$NON-NLS-1$
			out.flush();
			stopped.await();
		}
		return 0;
	}

	/** The socket for jobs while serving; a hub without one still serves, and says how to run them. */
	private static JobSocket jobSocket(Hub hub, HubDatabase db, Path hubDir, PrintStream out) {
		try {
			return JobSocket.open(hubDir, jobs(hub, hub.store(), db));
		} catch (IOException | UnsupportedOperationException e) {
			out.println("hub: jobs (./miaopi hub enrol-code, users, ...) cannot reach this hub while it serves (" + e.getMessage() //$NON-NLS-1$
					+ "): stop it to run them, or serve on PostgreSQL (--postgres)"); //$NON-NLS-1$
			return null;
		}
	}

	private static boolean embedded(HubDatabase db) {
		return db.url().startsWith("jdbc:derby:"); //$NON-NLS-1$
	}

	/** The database the options (or the remembered choice) name. */
	static HubDatabase database(List<String> args, Path hubDir) throws Exception {
		Path remembered = hubDir.resolve("database.properties"); //$NON-NLS-1$
		if (args.remove("--derby")) { //$NON-NLS-1$
			Files.deleteIfExists(remembered);
			return HubDatabase.derby(hubDir.resolve("db")); //$NON-NLS-1$
		}
		int i = args.indexOf("--postgres"); //$NON-NLS-1$
		Properties p = new Properties();
		if (i >= 0) {
			args.remove(i);
			String url = i < args.size() && args.get(i).startsWith("jdbc:") ? args.remove(i) : null; //$NON-NLS-1$
			p.setProperty("postgres", url == null ? "private" : url); //$NON-NLS-1$ //$NON-NLS-2$
			try (var w = Files.newBufferedWriter(remembered)) {
				p.store(w, "the hub's database, as --postgres last chose it"); //$NON-NLS-1$
			}
		} else if (Files.exists(remembered)) {
			try (var r = Files.newBufferedReader(remembered)) {
				p.load(r);
			}
		} else {
			return HubDatabase.derby(hubDir.resolve("db")); //$NON-NLS-1$
		}
		String url = p.getProperty("postgres", "private"); //$NON-NLS-1$ //$NON-NLS-2$
		if (!url.equals("private")) { //$NON-NLS-1$
			return HubDatabase.postgres(url, System.getenv("MIAOPI_HUB_PG_USER"), System.getenv("MIAOPI_HUB_PG_PASSWORD")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String port = System.getenv("MIAOPI_HUB_PG_PORT"); //$NON-NLS-1$
		return new PrivateCluster(hubDir, port == null ? PrivateCluster.DEFAULT_PORT : Integer.parseInt(port)).ensureRunning();
	}

	private static void print(ImportReport r, String what, PrintStream out) {
		for (Refusal f : r.refused()) {
			out.println("line " + f.line() + (f.submissionId() == null ? "" : " (" + f.submissionId() + ")") + ": " + f.reason()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		}
		out.printf("hub import: %d lines, %d %s imported, %d already at the hub, %d refused%n", r.lines(), r.imported(), what, //$NON-NLS-1$
				r.duplicateCount(), r.refusedCount());
	}

	private static byte[] readBeside(Path base, String name) {
		try {
			Path f = base.resolve(name).normalize();
			return Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
		} catch (IOException e) {
			return null;
		}
	}

	private static Path file(List<String> args) throws UsageError {
		if (args.size() != 1) {
			throw new UsageError("give one FILE.jsonl"); //$NON-NLS-1$
		}
		Path f = Path.of(args.get(0));
		if (!Files.isReadable(f)) {
			throw new UsageError("cannot read " + f); //$NON-NLS-1$
		}
		return f;
	}

	private static String option(List<String> args, String name) throws UsageError {
		int i = args.indexOf(name);
		if (i < 0) {
			return null;
		}
		if (i + 1 >= args.size()) {
			throw new UsageError(name + " needs a value"); //$NON-NLS-1$
		}
		args.remove(i);
		return args.remove(i);
	}

	private static int intOption(List<String> args, String name, int fallback) throws UsageError {
		String v = option(args, name);
		try {
			return v == null ? fallback : Integer.parseInt(v);
		} catch (NumberFormatException e) {
			throw new UsageError(name + " takes a whole number, not '" + v + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static void noMore(List<String> args) throws UsageError {
		if (!args.isEmpty()) {
			throw new UsageError("unexpected: " + String.join(" ", args)); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static <T> T service(Class<T> type) {
		BundleContext ctx = FrameworkUtil.getBundle(HubApplication.class).getBundleContext();
		ServiceReference<T> ref = ctx.getServiceReference(type);
		if (ref == null) {
			throw new IllegalStateException("the " + type.getSimpleName() + " service is missing from this installation"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return ctx.getService(ref);
	}

	@Override
	public void stop() {
		stopped.countDown();
	}
}
