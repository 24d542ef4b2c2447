package org.miaopi.cli.store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.StoreFactory;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.demo.DemoCatalog;
import org.miaopi.demo.DemoGenerator;
import org.miaopi.demo.DemoGenerator.Login;
import org.miaopi.demo.DemoGenerator.Summary;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi bench store}: the store's figures on an encrypted and an unencrypted store,
 * built from the same demo seed in the same run, so the ratio is the cost of encryption.
 */
@Component(service = Subcommand.class)
public class BenchCommand implements Subcommand {

	private static final int QUERIES = 300;
	private static final int LOOKUPS = 3000;
	private static final int DECISIONS = 300;

	@Reference
	private StoreFactory stores;

	@Reference
	private org.miaopi.seal.SealService seals;

	@Override
	public String name() {
		return "bench store";
	}

	@Override
	public String summary() {
		return "time the encrypted store against an unencrypted one (queue, look-ups, decisions, size)";
	}

	@Override
	public String usage() {
		return "[--dossiers N (default 100000)] [--seed S]";
	}

	@Override
	public int run(List<String> raw, PrintStream out, PrintStream err) throws IOException {
		Options args = Options.parse(raw).allow("--dossiers", "--seed").noWords();
		int n = args.integer("--dossiers", 100_000, 100);
		long seed = args.number("--seed", 1);
		LocalDate today = LocalDate.of(2026, 11, 23); // fixed: the same data in every run
		Path root = Files.createTempDirectory(MiaopiHome.current().ensureExists().root(), "bench-store-");
		out.printf("bench store: %,d dossiers, seed %d, on %s; JVM max heap %d MiB, %d cores%n", n, seed, root,
				Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
		try (OpenStore enc = stores.open(root.resolve("encrypted"), true);
				OpenStore plain = stores.open(root.resolve("plain"), false)) {
			Map<String, String[]> r = measure(new OpenStore[] { enc, plain }, n, seed, today, out);
			out.println();
			out.printf("%-44s %14s %14s %8s%n", "figure", "encrypted", "unencrypted", "ratio");
			for (Map.Entry<String, String[]> e : r.entrySet()) {
				String[] v = e.getValue();
				out.printf("%-44s %14s %14s %8s%n", e.getKey(), v[0], v[1], ratio(v[0], v[1]));
			}
			out.println("(times in ms unless noted; ratio = encrypted / unencrypted; the two stores hold the same data"
					+ " and are queried alternately with the same arguments; (CPU) rows: CPU time of the querying thread;"
					+ " goals: queue p95 < 20 ms, look-up p95 < 1 ms)");
		} finally {
			delete(root);
		}
		return OK;
	}

	/** One operation run on both stores with the same arguments; returns its duration on each. */
	private interface Op {
		void run(OpenStore store);
	}

	private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
			.getThreadMXBean();
	/**
	 * CPU time of the measuring thread per operation, beside the wall time: on a machine shared with
	 * other jobs the wall time's tail is mostly waiting for a core, the CPU time is the work done.
	 */
	private final long[][] cpu = new long[2][Math.max(QUERIES, DECISIONS)];

	private void time(OpenStore[] stores, Op op, long[][] t, int i) {
		for (int s = 0; s < stores.length; s++) {
			long c0 = THREADS.getCurrentThreadCpuTime();
			long t0 = System.nanoTime();
			op.run(stores[s]);
			t[s][i] = System.nanoTime() - t0;
			if (i < cpu[s].length) {
				cpu[s][i] = THREADS.getCurrentThreadCpuTime() - c0;
			}
		}
	}

	/** The CPU-time percentiles of the last {@code n} operations timed, as extra rows. */
	private void putCpu(Map<String, String[]> r, String name, int n) {
		long[][] c = { java.util.Arrays.copyOf(cpu[0], n), java.util.Arrays.copyOf(cpu[1], n) };
		put(r, name + " (CPU)", c);
	}

	private Map<String, String[]> measure(OpenStore[] stores, int n, long seed, LocalDate today, PrintStream out) {
		Map<String, String[]> r = new LinkedHashMap<>();
		Summary s = null;
		String[] gen = new String[2];
		for (int k = 0; k < 2; k++) {
			out.println((k == 0 ? "encrypted" : "unencrypted") + " store: generating ...");
			s = new DemoGenerator().fill(stores[k], new DemoGenerator.Options(n, seed, today, false), p -> {
			});
			gen[k] = String.format("%.1f", s.elapsed().toMillis() / 1000.0);
		}
		r.put("generation (s)", gen);
		r.put("dossiers / shared records", new String[] { s.dossiers() + " / " + s.sharedRecords(), "same" });
		List<Officer> officers = new ArrayList<>();
		for (Login l : s.logins()) {
			if (l.role() == Role.OFFICER) {
				officers.add(new Officer(l.officerId(), l.name(), l.departmentCode(), EnumSet.of(Role.OFFICER)));
			}
		}
		Random random = new Random(seed);
		Supplier<Officer> anyOfficer = () -> officers.get(random.nextInt(officers.size()));
		out.println("measuring ...");
		// warm up: the first queries compile JPQL and fill Derby's page cache
		long[][] t = new long[2][QUERIES];
		for (int i = 0; i < 50; i++) {
			Officer o = anyOfficer.get();
			time(stores, st -> st.queue(o, QueueQuery.open()), t, i);
		}
		List<String> subjects = new ArrayList<>();
		for (int i = 0; i < QUERIES; i++) {
			Officer o = anyOfficer.get();
			int page = random.nextInt(3);
			time(stores, st -> st.queue(o, new QueueQuery(null, null, null, page)), t, i);
			stores[0].queue(o, new QueueQuery(null, null, null, page)).rows()
					.forEach(d -> subjects.add(d.applicant().subjectId()));
		}
		put(r, "queue page, open, by deadline", t);
		putCpu(r, "queue page, open, by deadline", QUERIES);
		List<Dossier> reviewable = new ArrayList<>();
		for (int i = 0; i < QUERIES; i++) {
			Officer o = anyOfficer.get();
			String matter = DemoCatalog.MATTERS.stream().filter(m -> m.departmentCode().equals(o.departmentCode()))
					.map(m -> m.code()).findFirst().orElseThrow();
			QueueQuery q = new QueueQuery(EnumSet.of(DossierStatus.IN_REVIEW), matter, null, 0);
			time(stores, st -> st.queue(o, q), t, i);
			reviewable.addAll(stores[0].queue(o, q).rows());
		}
		put(r, "queue page, status+matter filter", t);
		putCpu(r, "queue page, status+matter filter", QUERIES);
		String[] surnames = { "王", "李", "张", "陈", "欧阳", "林" };
		for (int i = 0; i < QUERIES; i++) {
			Officer o = anyOfficer.get();
			String text = surnames[random.nextInt(surnames.length)];
			time(stores, st -> st.queue(o, new QueueQuery(null, null, text, 0)), t, i);
		}
		put(r, "queue page, text filter (name)", t);
		putCpu(r, "queue page, text filter (name)", QUERIES);
		long[][] l = new long[2][LOOKUPS];
		for (int i = 0; i < LOOKUPS; i++) {
			String subject = subjects.get(random.nextInt(subjects.size()));
			time(stores, st -> st.sharedRecords(Officer.SYSTEM, subject, null), l, i);
		}
		put(r, "shared records by subject", l);
		List<Dossier> distinct = reviewable.stream().distinct().sorted(Comparator.comparing(Dossier::number)).toList();
		int count = Math.min(DECISIONS, distinct.size());
		long[][] d = new long[2][count];
		java.util.Map<String, org.miaopi.core.audit.DecisionSigner> signers = new java.util.HashMap<>();
		for (int i = 0; i < count; i++) {
			Dossier dossier = distinct.get(i);
			Officer by = new Officer(dossier.assignedOfficerId(), "bench", dossier.departmentCode(), EnumSet.of(Role.OFFICER));
			Decision decision = new Decision(dossier.number(), DecisionKind.APPROVE, List.of(), null, by.id(),
					Instant.now(), false, null, null, null, null);
			org.miaopi.core.audit.DecisionSigner signer = signers.computeIfAbsent(by.id(),
					id -> org.miaopi.cli.CliActor.benchOfficer(seals, by).signer());
			time(stores, st -> st.transition(by, TransitionRequest.decide(decision), signer), d, i);
		}
		put(r, "decision + audit transaction (" + count + ")", d);
		if (count > 0) {
			putCpu(r, "decision + audit transaction (" + count + ")", count);
		}
		System.gc();
		Runtime rt = Runtime.getRuntime();
		String heap = Long.toString((rt.totalMemory() - rt.freeMemory()) >> 20);
		r.put("heap used after GC, both stores open (MiB)", new String[] { heap, heap });
		r.put("size on disk (MiB)", new String[] { String.format("%.1f", stores[0].info().sizeOnDisk() / 1048576.0),
				String.format("%.1f", stores[1].info().sizeOnDisk() / 1048576.0) });
		return r;
	}

	private static void put(Map<String, String[]> r, String name, long[][] nanos) {
		String[] p50 = new String[2];
		String[] p95 = new String[2];
		for (int k = 0; k < 2; k++) {
			long[] s = nanos[k].clone();
			Arrays.sort(s);
			p50[k] = ms(s[s.length / 2]);
			p95[k] = ms(s[(int) Math.ceil(s.length * 0.95) - 1]);
		}
		r.put(name + " p50", p50);
		r.put(name + " p95", p95);
	}

	private static String ms(long nanos) {
		return String.format("%.3f", nanos / 1e6);
	}

	private static String ratio(String a, String b) {
		try {
			double x = Double.parseDouble(a);
			double y = Double.parseDouble(b);
			return y == 0 ? "-" : String.format("%.2f", x / y);
		} catch (NumberFormatException e) {
			return "";
		}
	}

	private static void delete(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
