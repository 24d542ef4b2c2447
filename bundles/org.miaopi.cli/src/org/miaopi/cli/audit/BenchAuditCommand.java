package org.miaopi.cli.audit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.miaopi.cli.CliActor;
import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.audit.SignatureVerifier;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.StoreFactory;
import org.miaopi.seal.CachingSignatureVerifier;
import org.miaopi.seal.SealService;
import org.miaopi.store.LedgerBench;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi bench audit [--events N]}: the full ledger check (chain, records, signatures) on a
 * scratch ledger of N events, beside a plain read of the same rows, as a ratio. The scratch store
 * ({@code $MIAOPI_HOME/bench-audit-N}, encrypted like a desk's) is written once and kept for later runs.
 */
@Component(service = Subcommand.class)
public class BenchAuditCommand implements Subcommand {

	private static final int OFFICERS = 40;

	@Reference
	private StoreFactory stores;

	@Reference
	private SealService seals;

	@Override
	public String name() {
		return "bench audit";
	}

	@Override
	public String summary() {
		return "time audit verify (chain, records, signatures) on a scratch ledger of N events beside a plain read of its rows";
	}

	@Override
	public String usage() {
		return "[--events N (default 1000000)] [--rounds R (default 3)]";
	}

	@Override
	public int run(List<String> raw, PrintStream out, PrintStream err) throws java.io.IOException {
		Options args = Options.parse(raw).allow("--events", "--rounds").noWords();
		int events = args.integer("--events", 1_000_000, 1_000);
		int rounds = args.integer("--rounds", 3, 1);
		Path dir = MiaopiHome.current().ensureExists().resolve("bench-audit-" + events);
		boolean fresh = !Files.isDirectory(dir);
		out.printf("bench audit: %,d events in %s; %d cores, JVM max heap %d MiB%n", events, dir,
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		long t0 = System.nanoTime();
		OpenStore store = stores.open(dir, true);
		double openS = (System.nanoTime() - t0) / 1e9;
		try {
			if (fresh || store.info().counts().getOrDefault("audit_event", 0L) < events) {
				List<DecisionSigner> officers = new ArrayList<>();
				for (int i = 1; i <= OFFICERS; i++) {
					officers.add(CliActor.benchOfficer(seals,
							new Officer("bench.officer" + i, "bench", "PSB", EnumSet.of(Role.OFFICER))).signer());
				}
				long f = System.nanoTime();
				LedgerBench.Filled filled = LedgerBench.fill(store, events, officers, n -> {
				});
				out.printf("Wrote the scratch ledger once (kept for later runs): %,d events, %,d dossiers, %,d signed"
						+ " decisions, in %.1f s%n", filled.events(), filled.dossiers(), filled.signatures(),
						(System.nanoTime() - f) / 1e9);
			}
			double[] read = new double[rounds];
			double[] chain = new double[rounds];
			double[] full = new double[rounds];
			double[] fullCpu = new double[rounds];
			Verification.Intact last = null;
			for (int r = 0; r < rounds; r++) {
				long a = System.nanoTime();
				long rows = LedgerBench.plainRead(store);
				read[r] = (System.nanoTime() - a) / 1e9;
				a = System.nanoTime();
				Verification v = store.verifyLedger(null, n -> {
				});
				chain[r] = (System.nanoTime() - a) / 1e9;
				// a new verifier each round: what it learns of certificates is part of the cost
				SignatureVerifier verifier = new CachingSignatureVerifier(seals);
				a = System.nanoTime();
				double cpu = cpuSeconds();
				Verification w = store.verifyLedger(verifier, n -> {
				});
				full[r] = (System.nanoTime() - a) / 1e9;
				fullCpu[r] = cpuSeconds() - cpu;
				if (!(v instanceof Verification.Intact) || !(w instanceof Verification.Intact ok)) {
					err.println("The scratch ledger does not verify: " + (v.isIntact() ? w : v));
					return FAILED;
				}
				last = ok;
				out.printf("  round %d: plain read %,d rows %.2f s · check without signatures %.2f s · full check %.2f s"
						+ " (%.1f CPU s)%n", r + 1, rows, read[r], chain[r], full[r], fullCpu[r]);
			}
			double readM = median(read);
			double chainM = median(chain);
			double fullM = median(full);
			Verification.Coverage c = last.coverage();
			out.println();
			out.printf("%-52s %10s %8s%n", "figure (median of " + rounds + ")", "seconds", "ratio");
			out.printf("%-52s %10.2f %8s%n", "store opening", openS, "");
			out.printf("%-52s %10.2f %8.2f%n", "plain JDBC read of the same rows", readM, 1.0);
			out.printf("%-52s %10.2f %8.2f%n", "check: chain + records, signatures not checked", chainM, chainM / readM);
			out.printf("%-52s %10.2f %8.2f%n", "check: chain + records + " + String.format("%,d", c.signatures()) + " signatures",
					fullM, fullM / readM);
			out.printf("%-52s %10.2f %8s%n", "  its CPU time, all threads (the machine's load aside)", median(fullCpu), "");
			out.printf("load average at the end: %.2f on %d cores%n",
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors());
			out.printf("%,d events, %,d decisions and %,d dossiers compared; %,.0f events/s in the full check"
					+ " (goal: 1,000,000 events with signatures in < 10 s on 2 cores)%n", last.eventsChecked(),
					c.decisionsCompared(), c.dossiersCompared(), last.eventsChecked() / fullM);
		} finally {
			store.close();
		}
		return OK;
	}

	/** This process's CPU time: the figure to compare while other programs share the cores. */
	private static double cpuSeconds() {
		return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
	}

	private static double median(double[] v) {
		double[] s = v.clone();
		java.util.Arrays.sort(s);
		return s[s.length / 2];
	}
}
