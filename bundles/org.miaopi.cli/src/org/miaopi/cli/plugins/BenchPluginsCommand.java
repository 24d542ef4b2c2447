package org.miaopi.cli.plugins;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.Officer;
import org.miaopi.updates.MatterPlugins;
import org.miaopi.updates.Outcome;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi bench plugins}: checking for updates on a repository of N matter plugins beside one
 * of a single plugin, installing one plugin until its matter is in the registry, and rolling it back
 * until it has left, as ratios; installing and rolling back beside a baseline: the same jar
 * installed, started and uninstalled by the OSGi framework alone (what activation costs without p2's
 * planning, the signature check and the kept copies). The script {@code releng/bench-plugins.sh} prepares signed
 * repositories (a fresh copy per run, so every check reads a repository p2 has not cached) and runs
 * this inside a copy of the product: it changes the installation it runs in.
 */
@Component(service = Subcommand.class)
public class BenchPluginsCommand implements Subcommand {

	static final String PLUGIN = "org.miaopi.matter.bench01";
	static final String CODE = "BENCH-01";

	@Reference
	private MatterPlugins plugins;

	@Reference
	private MatterRegistry matters;

	@Override
	public String name() {
		return "bench plugins";
	}

	@Override
	public String summary() {
		return "on a copy of the product: check for updates on N matter plugins beside 1, install + activate one, roll back";
	}

	@Override
	public String usage() {
		return "[--matters N (default 50)] [--runs R (default 5)]";
	}

	@Override
	public int run(List<String> raw, PrintStream out, PrintStream err) {
		Options o = Options.parse(raw).allow("--prepared");
		String prepared = o.values.get("--prepared");
		if (prepared == null) {
			throw new UsageException("run it as ./miaopi bench plugins: it installs and rolls back plugins on a copy of the product");
		}
		Path dir = Path.of(prepared);
		List<URI> ones = numbered(dir, "one");
		List<URI> manys = numbered(dir, "many");
		if (ones.isEmpty() || ones.size() != manys.size()) {
			throw new UsageException(dir + " holds no prepared repositories (one-1…, many-1…)");
		}
		String loadBefore = load();
		var monitor = new NullProgressMonitor();
		plugins.check(dir.resolve("warmup").toUri(), monitor); // p2's services and the JIT compiler, once
		int runs = ones.size();
		long[] one = new long[runs], many = new long[runs], install = new long[runs], activate = new long[runs], rollback = new long[runs];
		int offered = 0;
		boolean restart = false;
		for (int k = 0; k < runs; k++) {
			long t0 = System.nanoTime();
			plugins.check(ones.get(k), monitor);
			long t1 = System.nanoTime();
			offered = plugins.check(manys.get(k), monitor).size();
			long t2 = System.nanoTime();
			one[k] = t1 - t0;
			many[k] = t2 - t1;
		}
		for (int k = 0; k < runs; k++) {
			long t0 = System.nanoTime();
			Outcome in = plugins.install(Officer.SYSTEM, manys.get(k), PLUGIN, monitor);
			long t1 = System.nanoTime();
			restart |= in.restartNeeded();
			if (!in.restartNeeded()) {
				await(() -> matters.find(CODE).isPresent(), "the installed matter " + CODE + " to appear in the registry");
			}
			long t2 = System.nanoTime();
			Outcome back = plugins.rollback(Officer.SYSTEM, monitor);
			if (!back.restartNeeded()) {
				await(() -> matters.find(CODE).isEmpty(), "the rolled-back matter " + CODE + " to leave the registry");
			}
			long t3 = System.nanoTime();
			install[k] = t1 - t0;
			activate[k] = t2 - t0;
			rollback[k] = t3 - t2;
		}
		// the baseline: the same jar installed and started by the OSGi framework alone (no p2, no
		// signature check, no profile), until its matter is in the registry; then uninstalled
		long[] bare = new long[runs], bareOut = new long[runs];
		BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		for (int k = 0; k < runs; k++) {
			Path jar = jarOf(Path.of(manys.get(k)).resolve("plugins"));
			long t0 = System.nanoTime();
			Bundle b;
			try {
				b = context.installBundle(jar.toUri().toString());
				b.start();
			} catch (BundleException e) {
				throw new IllegalStateException("the baseline cannot install " + jar + ": " + e.getMessage(), e);
			}
			await(() -> matters.find(CODE).isPresent(), "the started matter " + CODE + " to appear in the registry");
			long t1 = System.nanoTime();
			try {
				b.uninstall();
			} catch (BundleException e) {
				throw new IllegalStateException("the baseline cannot uninstall " + jar + ": " + e.getMessage(), e);
			}
			await(() -> matters.find(CODE).isEmpty(), "the uninstalled matter " + CODE + " to leave the registry");
			long t2 = System.nanoTime();
			bare[k] = t1 - t0;
			bareOut[k] = t2 - t1;
		}
		out.printf("plugins benchmark on a copy of the product: signed repositories of 1 and %d matter plugins, %d runs,%n", offered, runs);
		out.println("each reading a repository p2 has not seen before (median of the runs)");
		out.printf("  check for updates, 1 matter          %7.0f ms%n", ms(one));
		out.printf("  check for updates, %d matters       %7.0f ms   ratio to 1 matter: %.2f%n", offered, ms(many), ms(many) / ms(one));
		out.printf("  baseline: OSGi install + start of the same jar, until in the registry   %7.0f ms%n", ms(bare));
		out.printf("  baseline: OSGi uninstall, until gone from the registry                  %7.0f ms%n", ms(bareOut));
		out.printf("  install + activate one matter        %7.0f ms   (p2 install %.0f ms, then in the registry)   ratio to the baseline: %.1f%n",
				ms(activate), ms(install), ms(activate) / ms(bare));
		out.printf("  roll back + deactivate (offline)     %7.0f ms   ratio to the baseline's uninstall: %.1f; to install + activate: %.2f%n",
				ms(rollback), ms(rollback) / ms(bareOut), ms(rollback) / ms(activate));
		out.printf("load average (1, 5, 15 min): %s before, %s after%n", loadBefore, load());
		if (restart) {
			out.println("  (the desk could not apply the change while running: times exclude activation)");
		}
		return OK;
	}

	private static List<URI> numbered(Path dir, String prefix) {
		List<URI> out = new ArrayList<>();
		for (int k = 1; Files.isDirectory(dir.resolve(prefix + "-" + k)); k++) {
			out.add(dir.resolve(prefix + "-" + k).toUri());
		}
		return out;
	}

	/** The machine's load average: the figures depend on what else runs on its cores. */
	private static String load() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return f[0] + " " + f[1] + " " + f[2];
		} catch (java.io.IOException | RuntimeException e) {
			return "unknown";
		}
	}

	private static Path jarOf(Path plugins) {
		try (var files = Files.list(plugins)) {
			return files.filter(f -> f.getFileName().toString().startsWith(PLUGIN + "_")).findFirst()
					.orElseThrow(() -> new IllegalStateException(plugins + " holds no " + PLUGIN));
		} catch (java.io.IOException e) {
			throw new IllegalStateException(plugins + " cannot be read: " + e.getMessage(), e);
		}
	}

	private static void await(BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("gave up after 60 s waiting for " + what);
			}
			try {
				Thread.sleep(1); // not a busy wait: Declarative Services needs the cores
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for " + what);
			}
		}
	}

	private static double ms(long[] nanos) {
		long[] s = nanos.clone();
		Arrays.sort(s);
		return s[s.length / 2] / 1e6;
	}
}
