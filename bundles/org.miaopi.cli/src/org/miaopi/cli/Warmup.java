package org.miaopi.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What every {@code ./miaopi bench} does before it times anything: runs rounds of the work until
 * the JIT compiler is quiet. On two cores the compiler takes a large share of the CPU for tens of
 * seconds; whatever is measured while it works pays for it, and the first measurement pays most
 * (a cold one-thread run made two threads look three times as fast). Then the measurements
 * alternate in rounds and each figure is the round with the median rate.
 */
public final class Warmup {

	/** The compiler threads' share of a warm-up round's CPU below which the JVM counts as warm. */
	public static final double QUIET_JIT = 0.05;

	/** One warm-up round: a little of every measurement to come, on every thread count. */
	public interface Round {
		void run() throws Exception;
	}

	/** How the warm-up went: rounds run, seconds taken, the compiler's share of the last round's CPU. */
	public record Result(int rounds, double seconds, double compiling) {

		public boolean quiet() {
			return compiling <= QUIET_JIT;
		}

		/** One line for the bench's output. */
		public String describe() {
			return String.format(Locale.ROOT, "warm-up: %d rounds, %.0f s; the JIT compiler used %.0f%% of the last round's CPU%s", rounds, //$NON-NLS-1$
					seconds, 100 * compiling, quiet() ? "" : " (NOT quiet yet: it still takes a share of the rounds below)"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private Warmup() {
	}

	/** Runs the round until the compiler is quiet, at most {@code maxSeconds} (at least one round). */
	public static Result until(Round round, int maxSeconds) throws Exception {
		long start = System.nanoTime();
		long until = start + maxSeconds * 1_000_000_000L;
		Map<String, Long> compilers = new HashMap<>();
		compilerCpuSinceLast(compilers);
		int rounds = 0;
		double compiling;
		do {
			long cpu0 = processCpuNanos();
			round.run();
			rounds++;
			compiling = compilerCpuSinceLast(compilers) / (double) Math.max(1, processCpuNanos() - cpu0);
		} while (compiling > QUIET_JIT && System.nanoTime() < until);
		return new Result(rounds, (System.nanoTime() - start) / 1e9, compiling);
	}

	/** The round with the median rate (its other figures with it). */
	public static <T> T median(List<T> rounds, ToDoubleFunction<T> rate) {
		List<T> sorted = new ArrayList<>(rounds);
		sorted.sort(Comparator.comparingDouble(rate));
		return sorted.get(sorted.size() / 2);
	}

	/** The CPU time of this process so far, every thread's. */
	public static long processCpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
	}

	/**
	 * CPU time of the JIT compiler threads since the last call, from /proc on Linux (the management
	 * bean's compilation time misses most of it); elsewhere the bean's figure. Per thread, because
	 * the JVM starts and stops compiler threads as the work comes and goes.
	 */
	static long compilerCpuSinceLast(Map<String, Long> last) {
		long sum = 0;
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) { //$NON-NLS-1$
			for (Path task : tasks) {
				String stat = Files.readString(task.resolve("stat")); //$NON-NLS-1$
				int open = stat.indexOf('(');
				int close = stat.lastIndexOf(')');
				if (stat.substring(open + 1, close).contains("CompilerThre")) { //$NON-NLS-1$
					String[] f = stat.substring(close + 2).split(" "); //$NON-NLS-1$
					long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
					Long before = last.put(task.getFileName().toString(), ticks);
					sum += ticks - (before == null ? 0 : before);
				}
			}
			return sum * 10_000_000L; // USER_HZ is 100 on Linux
		} catch (IOException | RuntimeException e) {
			long total = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000L;
			Long before = last.put("bean", total); //$NON-NLS-1$
			return total - (before == null ? 0 : before);
		}
	}
}
