package org.miaopi.cli.engine;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.miaopi.checks.Engine;
import org.miaopi.checks.Evaluation;
import org.miaopi.checks.Evaluator;
import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.Warmup;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.service.IntakeService;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.StoreFactory;
import org.miaopi.demo.DemoGenerator;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi bench engine}: the engine's speed, in one run. (1) Compute: the desk's RECEIVED
 * dossiers with their shared records fetched beforehand, compared and decided on one thread and
 * on two, with per-dossier p50/p95. (2) End to end: a scratch store filled with demo dossiers all
 * RECEIVED, run through the engine page by page (read, fetch records, decide, settle). Both warm
 * up first and then alternate one and two threads in rounds, as {@code bench seal} does
 * ({@link Warmup}). The desk's own store is only read.
 */
@Component(service = Subcommand.class)
public class BenchEngineCommand implements Subcommand {

	/** Timed rounds per thread count, alternating 1 and 2 threads; each figure is the median round. */
	private static final int ROUNDS = 5;
	/** Latencies kept per thread and run for p50/p95 (the last ones; a run is one warm steady state). */
	private static final int LATENCY_SAMPLES = 1 << 16;

	@Reference
	private IntakeService desk;

	@Reference
	private MatterRegistry matters;

	@Reference
	private StoreFactory stores;

	@Override
	public String name() {
		return "bench engine";
	}

	@Override
	public String summary() {
		return "time comparison and 秒批 decisions: compute alone (1 and 2 threads) and end to end with the store";
	}

	@Override
	public String usage() {
		return "[--e2e N (demo dossiers in the scratch store, default 20000)] [--seconds S (per timed compute run, default 3)]"
				+ " [--warmup S (most seconds to wait for the JIT compiler to be quiet, default 60)]";
	}

	@Override
	public int run(List<String> raw, PrintStream out, PrintStream err) throws Exception {
		Options o = Options.parse(raw).allow("--e2e", "--seconds", "--warmup");
		int e2e = o.integer("--e2e", 20_000, 100);
		int seconds = o.integer("--seconds", 3, 1);
		int warmup = o.integer("--warmup", 60, 1);
		Instant now = Instant.now();
		out.printf("bench engine: JVM max heap %d MiB, %d cores%n", Runtime.getRuntime().maxMemory() >> 20,
				Runtime.getRuntime().availableProcessors());
		// (1) compute, records pre-fetched
		List<Dossier> received = new ArrayList<>();
		for (String after = null;;) {
			List<Dossier> page = desk.received(Officer.SYSTEM, 5000, after);
			if (page.isEmpty()) {
				break;
			}
			received.addAll(page);
			after = page.get(page.size() - 1).number();
		}
		received.removeIf(d -> matters.find(d.matterCode()).isEmpty());
		if (received.isEmpty()) {
			out.println("The desk's store has no received dossier to compute on; run ./miaopi demo first.");
			return FAILED;
		}
		Set<String> subjects = new LinkedHashSet<>();
		received.forEach(d -> subjects.add(d.applicant().subjectId()));
		long f0 = System.nanoTime();
		Map<String, List<SharedRecord>> records = desk.sharedRecords(Officer.SYSTEM, subjects);
		double fetch = (System.nanoTime() - f0) / 1e9;
		out.printf("(1) compute on the desk's %,d received dossiers (%,d applicants' shared records fetched in %.2f s)%n",
				received.size(), subjects.size(), fetch);
		MatterDefinition[] byIndex = received.stream().map(d -> matters.require(d.matterCode())).toArray(MatterDefinition[]::new);
		Evaluator evaluator = new Evaluator();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		double[] one, two;
		try {
			// warm up on both thread counts until the JIT compiler is quiet, then alternate 1 and 2
			// threads in rounds: the first run timed cold made 2 threads look 3x as fast as 1
			out.println("    " + Warmup.until(() -> {
				run(evaluator, received, byIndex, records, now, pool, 1, 0.5);
				run(evaluator, received, byIndex, records, now, pool, 2, 0.5);
			}, warmup).describe());
			List<double[]> ones = new ArrayList<>(), twos = new ArrayList<>();
			for (int r = 0; r < ROUNDS; r++) {
				ones.add(run(evaluator, received, byIndex, records, now, pool, 1, seconds));
				twos.add(run(evaluator, received, byIndex, records, now, pool, 2, seconds));
			}
			one = Warmup.median(ones, x -> x[0]);
			two = Warmup.median(twos, x -> x[0]);
		} finally {
			pool.shutdownNow();
		}
		out.printf("    %d alternating rounds of %d s on 1 and 2 threads; each line is the round with the median rate%n", ROUNDS, seconds);
		out.printf("    1 thread : %,10.0f dossiers/s  %,10.0f comparisons/s  p50 %6.1f µs  p95 %6.1f µs%n", one[0], one[1], one[2], one[3]);
		out.printf("    2 threads: %,10.0f dossiers/s  %,10.0f comparisons/s  p50 %6.1f µs  p95 %6.1f µs%n", two[0], two[1], two[2], two[3]);
		out.printf("    2 threads / 1 thread = %.2f; goal 2,000 dossiers/s on 2 cores: %s (%.0fx)%n", two[0] / one[0],
				two[0] >= 2000 ? "met" : "NOT met", two[0] / 2000);
		// (2) end to end on a scratch store
		Path root = Files.createTempDirectory(MiaopiHome.current().ensureExists().root(), "bench-engine-");
		out.printf("(2) end to end: %,d demo dossiers, all received, in a scratch encrypted store %s%n", e2e, root);
		try (OpenStore store = stores.open(root, true)) {
			long g0 = System.nanoTime();
			new DemoGenerator().fill(store, new DemoGenerator.Options(e2e, 1, ChinaTime.dateOf(now), false, true), p -> {
			});
			out.printf("    filled in %.1f s%n", (System.nanoTime() - g0) / 1e9);
			Engine engine = new Engine(store, matters, evaluator);
			// a tenth warms the store's paths up, untimed; the rest alternates 1 and 2 threads in rounds
			int warm = e2e / 10;
			int chunk = Math.max(1, (e2e - warm) / (2 * ROUNDS));
			ExecutorService e2ePool = Executors.newFixedThreadPool(2);
			double[] e1, e2;
			try {
				endToEnd(engine, warm / 2, 1, now, e2ePool);
				endToEnd(engine, warm - warm / 2, 2, now, e2ePool);
				List<double[]> ones = new ArrayList<>(), twos = new ArrayList<>();
				for (int r = 0; r < ROUNDS; r++) {
					ones.add(endToEnd(engine, chunk, 1, now, e2ePool));
					twos.add(endToEnd(engine, chunk, 2, now, e2ePool));
				}
				e1 = Warmup.median(ones, x -> x[0]);
				e2 = Warmup.median(twos, x -> x[0]);
			} finally {
				e2ePool.shutdownNow();
			}
			out.printf("    %,d dossiers to warm up, then %d alternating rounds of %,d dossiers on 1 and 2 threads (median round)%n", warm, ROUNDS, chunk);
			out.printf("    1 thread : %,10.0f dossiers/s  (read+fetch %4.1f%%, compute %4.1f%%, settle %4.1f%%)%n", e1[0], e1[1], e1[2], e1[3]);
			out.printf("    2 threads: %,10.0f dossiers/s  (read+fetch %4.1f%%, compute %4.1f%%, settle %4.1f%%)%n", e2[0], e2[1], e2[2], e2[3]);
			out.printf("    end to end / compute alone (2 threads) = %.3f; 2 threads / 1 thread = %.2f%n", e2[0] / two[0], e2[0] / e1[0]);
		} finally {
			delete(root);
		}
		return OK;
	}

	/**
	 * Each of {@code threads} threads goes round the dossiers (from its own starting point) until
	 * the time is up, with no hand-off between passes: a desk's few received dossiers would
	 * otherwise time the pool's wake-ups rather than the engine.
	 *
	 * @return dossiers/s, comparisons/s, p50 µs, p95 µs
	 */
	private static double[] run(Evaluator ev, List<Dossier> ds, MatterDefinition[] ms, Map<String, List<SharedRecord>> records,
			Instant now, ExecutorService pool, int threads, double seconds) throws Exception {
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		long[] end = new long[1];
		List<Future<long[]>> parts = new ArrayList<>();
		List<long[]> latencies = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int first = t * ds.size() / threads;
			long[] lat = new long[LATENCY_SAMPLES];
			latencies.add(lat);
			parts.add(pool.submit(() -> {
				ready.countDown();
				go.await();
				long n = 0, c = 0;
				int i = first;
				while (System.nanoTime() < end[0]) {
					Dossier d = ds.get(i);
					long t0 = System.nanoTime();
					Evaluation e = ev.evaluate(ms[i], d, records.getOrDefault(d.applicant().subjectId(), List.of()), Set.of(), now);
					lat[(int) (n % lat.length)] = System.nanoTime() - t0;
					c += e.comparisons().size();
					n++;
					i = i + 1 == ds.size() ? 0 : i + 1;
				}
				return new long[] { n, c };
			}));
		}
		ready.await();
		long start = System.nanoTime();
		end[0] = start + (long) (seconds * 1e9);
		go.countDown();
		long done = 0, comparisons = 0, samples = 0;
		for (Future<long[]> f : parts) {
			long[] r = f.get();
			done += r[0];
			comparisons += r[1];
			samples += Math.min(r[0], LATENCY_SAMPLES);
		}
		double s = (System.nanoTime() - start) / 1e9;
		long[] sorted = new long[(int) samples];
		int k = 0;
		for (int t = 0; t < threads; t++) {
			long n = Math.min(parts.get(t).get()[0], LATENCY_SAMPLES);
			System.arraycopy(latencies.get(t), 0, sorted, k, (int) n);
			k += (int) n;
		}
		Arrays.sort(sorted);
		return new double[] { done / s, comparisons / s, sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.95)] / 1e3 };
	}

	private static double[] endToEnd(Engine engine, int n, int threads, Instant now, ExecutorService pool) {
		{
			long fetch = 0, compute = 0, settle = 0;
			int done = 0;
			long start = System.nanoTime();
			String after = null;
			while (done < n) {
				Engine.Page p = engine.runPage(Math.min(AutoApproveCommand.PAGE, n - done), after, now, pool, threads);
				if (p == null) {
					break;
				}
				after = p.lastNumber();
				done += p.items().size();
				fetch += p.fetchNanos();
				compute += p.computeNanos();
				settle += p.settleNanos();
			}
			double total = System.nanoTime() - start;
			return new double[] { done / (total / 1e9), 100 * fetch / total, 100 * compute / total, 100 * settle / total };
		}
	}

	private static void delete(Path root) throws java.io.IOException {
		try (var walk = Files.walk(root)) {
			walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}
}
