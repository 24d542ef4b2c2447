package org.miaopi.cli.seal;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.miaopi.certificate.CertificateBatch;
import org.miaopi.certificate.CertificateContent;
import org.miaopi.certificate.CertificateRequest;
import org.miaopi.certificate.DefaultCertificateService;
import org.miaopi.certificate.FileCertificateRegistry;
import org.miaopi.certificate.internal.CertificateLayout;
import org.miaopi.certificate.internal.InProcessTsaClient;
import org.miaopi.certificate.internal.PdfSealer;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.Warmup;
import org.miaopi.cli.UsageException;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.seal.Seal;
import org.miaopi.seal.internal.Pki;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.StoreFactory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

import com.itextpdf.signatures.ITSAClient;

/**
 * {@code ./miaopi bench seal}: three layers measured side by side in one run, on a throwaway
 * hierarchy and register in a temporary directory: (a) raw BouncyCastle signatures, (b) sealing
 * a prebuilt certificate PDF exactly as issuance seals it (same key, seal appearance, timestamp
 * authority and PAdES B-LTA: DSS and archive timestamp in later revisions; (b0) also without those, for reference), (c) full issuance
 * (number, layout, seal, fsynced file, atomic rename, register) in a batch on one and two threads
 * ((c1) also one certificate at a time, each waiting for its own syncs, for reference), and (d)
 * for reference the workbench's issuance for a dossier (c, plus the desk store's transaction with
 * its audit ledger event, plus verifying the written file) on a throwaway demo store.
 */
@Component(service = Subcommand.class)
public class BenchSealCommand implements Subcommand {

	/** For (d); without a store factory (d) is left out. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL)
	private volatile StoreFactory stores;

	@Override
	public String name() {
		return "bench seal"; //$NON-NLS-1$
	}

	@Override
	public String summary() {
		return "seal throughput: raw signatures, bare PDF signing, full issuance (batch and one at a time) on 1, 2 and T threads"; //$NON-NLS-1$
	}

	@Override
	public String usage() {
		return "[--certificates N] [--threads T (the third measurement's threads, default 4)] [--rsa] [--warmup S (most seconds to wait for the JIT compiler to be quiet, default 180)]"; //$NON-NLS-1$
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
		int n = 200;
		int threads = 4;
		int warmupSeconds = 180;
		KeyAlgorithm alg = KeyAlgorithm.EC_P256;
		for (int i = 0; i < args.size(); i++) {
			switch (args.get(i)) {
			case "--certificates" -> n = Integer.parseInt(args.get(++i)); //$NON-NLS-1$
			case "--threads" -> threads = Integer.parseInt(args.get(++i)); //$NON-NLS-1$
			case "--rsa" -> alg = KeyAlgorithm.RSA_2048; //$NON-NLS-1$
			case "--warmup" -> warmupSeconds = Integer.parseInt(args.get(++i)); //$NON-NLS-1$
			default -> throw new UsageException("unknown option " + args.get(i)); //$NON-NLS-1$
			}
		}
		Path tmp = Files.createTempDirectory("miaopi-bench-seal-"); //$NON-NLS-1$
		try {
			FileSealService seals = new FileSealService(tmp.resolve("seals"), null, alg, Clock.systemUTC()); //$NON-NLS-1$
			FileCertificateRegistry registry = new FileCertificateRegistry(tmp.resolve("register"), Clock.systemUTC()); //$NON-NLS-1$
			DefaultCertificateService service = new DefaultCertificateService(seals, registry, Clock.systemUTC());
			Seal seal = seals.seal("MKT"); //$NON-NLS-1$
			out.printf(Locale.ROOT, "bench seal: %s, %d cores, Java %s, %d certificates per run%n", alg, //$NON-NLS-1$
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), n); //$NON-NLS-1$

			// (a) raw signatures over a signed-attributes-sized message
			Signature sig = Signature.getInstance(alg.signatureAlgorithm(), Pki.bc());
			byte[] message = new byte[256];
			int rawOps = alg == KeyAlgorithm.RSA_2048 ? 1000 : 4000;
			for (int i = 0; i < rawOps / 4; i++) {
				sig.initSign(seal.key());
				sig.update(message);
				sig.sign();
			}
			long t0 = System.nanoTime();
			for (int i = 0; i < rawOps; i++) {
				sig.initSign(seal.key());
				sig.update(message);
				sig.sign();
			}
			double a = rawOps / seconds(t0);
			out.printf(Locale.ROOT, "(a) raw BouncyCastle %s sign:              %9.0f ops/s%n", alg.signatureAlgorithm(), a); //$NON-NLS-1$

			// (b0) minimal iText signing of a prebuilt certificate PDF: no appearance, timestamp or DSS
			CertificateRequest request = request();
			byte[] prebuilt = CertificateLayout.render(new CertificateContent("MKT-2026-99999999", request, seal.departmentName())); //$NON-NLS-1$
			Sealing minimal = () -> PdfSealer.seal(prebuilt, seal, null, null, null, Instant.now(), null);
			// (b) the baseline issuance is compared with: the same prebuilt PDF sealed exactly as issuance
			// seals it: same key, seal appearance, timestamp authority, PAdES B-LTA (DSS and archive timestamp after the seal)
			ITSAClient tsa = new InProcessTsaClient(seals.timestampAuthority());
			List<X509Certificate> tsaChain = List.of(seals.timestampAuthority().certificate());
			Sealing fair = () -> PdfSealer.seal(prebuilt, seal, tsa, seals.crl(), tsaChain, Instant.now(), CertificateLayout.SEAL_RECT);
			// (c) full issuance: number, layout, seal (as b), fsynced file and atomic rename, register;
			// in a batch (as the system's runs issue): sealing goes on while the writer syncs earlier ones
			Path outDir = Files.createDirectories(tmp.resolve("out")); //$NON-NLS-1$
			Sealing single = () -> service.issue(request, outDir);
			Batch batch = new Batch(service, request, outDir);
			// the same threads throughout, every task warmed up on each first (JIT, each thread's font program)
			ExecutorService one = Executors.newSingleThreadExecutor();
			ExecutorService two = Executors.newFixedThreadPool(2);
			ExecutorService many = Executors.newFixedThreadPool(threads);
			double[] b0, b1, b2, bt, cs, c1, c2, ct, d;
			try {
				// warm-up until the JIT compiler is quiet: iText, BouncyCastle and the XML parsers are a lot of
				// code, and on two cores the compiler takes a large share of the CPU for tens of seconds
				int warmN = Math.max(10, n / 2);
				Warmup.Result warm = Warmup.until(() -> {
					for (ExecutorService pool : List.of(one, two, many)) {
						for (Sealing task : List.of(minimal, fair, single)) {
							measure(task, warmN, pool);
						}
						batch.measure(warmN, pool);
					}
				}, warmupSeconds);
				out.println(warm.describe());
				b0 = measure(minimal, n, one);
				// b and c alternate, ROUNDS times; each line is the round with the median rate
				List<double[]> rb1 = new ArrayList<>(), rcs = new ArrayList<>(), rc1 = new ArrayList<>(), rb2 = new ArrayList<>(), rc2 = new ArrayList<>(),
						rbt = new ArrayList<>(), rct = new ArrayList<>();
				for (int r = 0; r < ROUNDS; r++) {
					rb1.add(measure(fair, n, one));
					rc1.add(batch.measure(n, one));
					rcs.add(measure(single, n, one));
					rb2.add(measure(fair, 2 * n, two));
					rc2.add(batch.measure(2 * n, two));
					rbt.add(measure(fair, 2 * n, many));
					rct.add(batch.measure(2 * n, many));
				}
				b1 = Warmup.median(rb1, r -> r[0]);
				cs = Warmup.median(rcs, r -> r[0]);
				c1 = Warmup.median(rc1, r -> r[0]);
				b2 = Warmup.median(rb2, r -> r[0]);
				c2 = Warmup.median(rc2, r -> r[0]);
				bt = Warmup.median(rbt, r -> r[0]);
				ct = Warmup.median(rct, r -> r[0]);
				d = dossiers(service, outDir, tmp, n, one, out);
			} finally {
				one.shutdown();
				two.shutdown();
				many.shutdown();
			}
			out.printf(Locale.ROOT, "(b) and (c) ran in %d alternating rounds after a warm-up; each line is the round with the median rate%n", ROUNDS); //$NON-NLS-1$
			out.printf(Locale.ROOT, "(b0) minimal iText signing (no seal image, timestamp, DSS): %7.1f PDFs/s%n", b0[0]); //$NON-NLS-1$
			line(out, "(b) sealing a prebuilt certificate, 1 thread: ", b1, "PDFs/s"); //$NON-NLS-1$ //$NON-NLS-2$
			line(out, "(b) sealing a prebuilt certificate, 2 threads:", b2, "PDFs/s"); //$NON-NLS-1$ //$NON-NLS-2$
			line(out, "(c1) issuance one at a time, 1 thread:        ", cs, "certificates/s"); //$NON-NLS-1$ //$NON-NLS-2$
			line(out, "(c) full issuance, 1 thread:                  ", c1, "certificates/s"); //$NON-NLS-1$ //$NON-NLS-2$
			line(out, "(c) full issuance, 2 threads:                 ", c2, "certificates/s"); //$NON-NLS-1$ //$NON-NLS-2$
			line(out, String.format(Locale.ROOT, "(b) sealing a prebuilt certificate, %d threads:", threads), bt, "PDFs/s"); //$NON-NLS-1$ //$NON-NLS-2$
			line(out, String.format(Locale.ROOT, "(c) full issuance, %d threads:                 ", threads), ct, "certificates/s"); //$NON-NLS-1$ //$NON-NLS-2$
			out.printf(Locale.ROOT, "ratios: c/b 1 thread %.2f, c/b 2 threads %.2f, c/b %d threads %.2f, b/a %.4f, b0/a %.4f;" //$NON-NLS-1$
					+ " one at a time c1/b 1 thread %.2f%n", c1[0] / b1[0], c2[0] / b2[0], threads, ct[0] / bt[0], b1[0] / a, b0[0] / a, cs[0] / b1[0]); //$NON-NLS-1$
			out.println("    (c) issues in a batch, as the system's runs do: the threads lay out and seal, the batch's writer thread"); //$NON-NLS-1$
			out.println("    makes each file durable (fsync, rename) and syncs the directory and register once per group;"); //$NON-NLS-1$
			out.println("    (c1) is one certificate at a time, each waiting for its own syncs, as an officer's issuance does."); //$NON-NLS-1$
			if (d != null) {
				line(out, "(d) issuance for a dossier, store + verify, 1 thread:", d, "certificates/s"); //$NON-NLS-1$ //$NON-NLS-2$
				out.printf(Locale.ROOT, "    (d) = (c) + the desk store's transaction (certificate row, dossier move, audit ledger event) + verifying the file;"
						+ " d/b 1 thread %.2f, d/c 1 thread %.2f, verifying alone p50 %.1f ms%n", d[0] / b1[0], d[0] / c1[0], d[4]); //$NON-NLS-1$
			}
			// on 2 threads both cores are busy, so the process's CPU is the work's (on 1 thread, the idle
			// core's share of JIT and GC threads makes it noisy)
			out.printf(Locale.ROOT, "by CPU time: c/b %.2f (the process's CPU per PDF in b / per certificate in c, 2 threads, writer, JIT and GC included);" //$NON-NLS-1$
					+ " 2 cores kept busy would issue %.0f certificates/s%n", b2[3] / c2[3], 2000 / c2[3]); //$NON-NLS-1$
			out.printf(Locale.ROOT, "load average at the end: %.1f (other processes share these cores)%n", //$NON-NLS-1$
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			int cores = Runtime.getRuntime().availableProcessors();
			out.printf(Locale.ROOT, "goals: c >= 50%% of b (same threads): %s;  >= 100 certificates/s on these %d cores: %s (best of 2 and %d threads: %.1f/s)%n", //$NON-NLS-1$
					c1[0] >= 0.5 * b1[0] && c2[0] >= 0.5 * b2[0] && ct[0] >= 0.5 * bt[0] ? "met" : "NOT met", cores, //$NON-NLS-1$ //$NON-NLS-2$
					Math.max(c2[0], ct[0]) >= 100 ? "met" : "NOT met", threads, Math.max(c2[0], ct[0])); //$NON-NLS-1$ //$NON-NLS-2$
			registry.close();
			return OK;
		} finally {
			deleteTree(tmp);
		}
	}

	/** (d) on one thread: {rate, p50, p95, CPU, verify p50}, or null without a store. */
	private double[] dossiers(DefaultCertificateService service, Path outDir, Path tmp, int n, ExecutorService one, PrintStream out) throws Exception {
		StoreFactory factory = stores;
		if (factory == null) {
			return null;
		}
		int warm = Math.max(10, n / 5);
		try (OpenStore store = factory.open(tmp.resolve("store"), true)) { //$NON-NLS-1$
			List<StoreIssuanceBench.Ready> ready = StoreIssuanceBench.approved(store, service.seals(), warm + n, LocalDate.now());
			if (ready.size() < warm + 10) {
				out.printf(Locale.ROOT, "(d) left out: only %d approvable dossiers in the demo store%n", ready.size()); //$NON-NLS-1$
				return null;
			}
			service.setCertificateLog(store);
			try {
				java.util.Iterator<StoreIssuanceBench.Ready> next = ready.iterator();
				Sealing dossier = () -> {
					StoreIssuanceBench.issue(service, next.next(), outDir);
					return null;
				};
				measure(dossier, warm, one);
				double[] d = measure(dossier, ready.size() - warm, one);
				// what verifying one written certificate costs, on files issued above
				List<Path> files;
				try (Stream<Path> s = Files.list(outDir)) {
					files = s.filter(p -> p.toString().endsWith(".pdf")).limit(100).toList(); //$NON-NLS-1$
				}
				java.util.Iterator<Path> file = files.iterator();
				double[] v = measure(() -> service.verify(file.next()), files.size(), one);
				return new double[] { d[0], d[1], d[2], d[3], v[1] };
			} finally {
				service.setCertificateLog(null);
			}
		}
	}

	private static final int ROUNDS = 3;

	private interface Sealing {
		Object run() throws Exception;
	}

	private static void line(PrintStream out, String what, double[] r, String unit) {
		out.printf(Locale.ROOT, "%s %7.1f %-14s p50 %5.1f ms  p95 %5.1f ms  CPU %5.1f ms each%n", what, r[0], unit, r[1], r[2], r[3]); //$NON-NLS-1$
	}

	/**
	 * {@code count} runs on the pool's threads: per second, p50 ms, p95 ms, and the process's CPU
	 * time per run (every thread's: the writer's and GC's too; what the work costs whatever else
	 * the machine's cores are doing).
	 */
	private static double[] measure(Sealing task, int count, ExecutorService pool) throws Exception {
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		long cpu0 = Warmup.processCpuNanos();
		long t0 = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			futures.add(pool.submit(() -> {
				long s = System.nanoTime();
				task.run();
				latencies.add(System.nanoTime() - s);
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		return result(count, t0, cpu0, latencies);
	}

	private static double[] result(int count, long t0, long cpu0, List<Long> latencies) {
		double rate = count / seconds(t0);
		List<Long> sorted = new ArrayList<>(latencies);
		sorted.sort(Comparator.naturalOrder());
		return new double[] { rate, sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.95)) / 1e6,
				(Warmup.processCpuNanos() - cpu0) / 1e6 / count };
	}

	/** (c): a batch per measurement; a certificate's latency runs from its sealing to its being durable. */
	private record Batch(DefaultCertificateService service, CertificateRequest request, Path directory) {

		double[] measure(int count, ExecutorService pool) throws Exception {
			List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
			long cpu0 = Warmup.processCpuNanos();
			long t0 = System.nanoTime();
			List<Future<CompletableFuture<?>>> handed = new ArrayList<>();
			try (CertificateBatch batch = service.batch(directory)) {
				for (int i = 0; i < count; i++) {
					handed.add(pool.submit(() -> {
						long s = System.nanoTime();
						return batch.issue(request).thenRun(() -> latencies.add(System.nanoTime() - s));
					}));
				}
				for (Future<CompletableFuture<?>> f : handed) {
					f.get().join();
				}
			}
			return result(count, t0, cpu0, latencies);
		}
	}

	private static CertificateRequest request() {
		LocalDate today = LocalDate.now();
		return new CertificateRequest("深圳市秒批示范餐饮管理有限公司", "91440300MA5G8XYZ1K", "食品经营许可证", "Food Business Licence", "MKT", today, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				today.plusYears(5).minusDays(1), today);
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
