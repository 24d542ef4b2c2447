package org.miaopi.cli.supervise;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.StoreFactory;
import org.miaopi.core.supervision.CaseQuery;
import org.miaopi.core.supervision.DecisionQuery;
import org.miaopi.core.supervision.SupervisionRecords;
import org.miaopi.store.SupervisionBench;
import org.miaopi.supervision.Dashboard;
import org.miaopi.supervision.Performance;
import org.miaopi.supervision.Rules;
import org.miaopi.supervision.SignalRules;
import org.miaopi.supervision.SupervisionService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi bench supervision}: on a scratch store of N decided and M open dossiers, a decision
 * search page with each filter (p50/p95), signals of every open dossier, a month's performance
 * evaluation of every department and the dashboard's figures, each beside the bare store read it rests
 * on, as a ratio.
 */
@Component(service = Subcommand.class)
public class BenchSupervisionCommand implements Subcommand {

	private static final int PAGE = 200;
	/** The weeks the Dashboard part shows (DashboardPart.WEEKS). */
	private static final int WEEKS = 8;
	/** Open dossiers given a step between two kept readings: a few minutes of a city's desks. */
	private static final int TOUCHED = 100;

	@Reference
	private StoreFactory stores;

	@Override
	public String name() {
		return "bench supervision";
	}

	@Override
	public String summary() {
		return "time the decision search, signals and performance evaluation on a scratch store beside the bare store reads";
	}

	@Override
	public String usage() {
		return "[--decisions N (default 1000000)] [--open M (default 100000)] [--runs R (default 30)]";
	}

	@Override
	public int run(List<String> raw, PrintStream out, PrintStream err) throws java.io.IOException {
		Options o = Options.parse(raw).allow("--decisions", "--open", "--runs").noWords();
		int decided = o.integer("--decisions", 1_000_000, 1_000);
		int open = o.integer("--open", 100_000, 100);
		int runs = o.integer("--runs", 30, 3);
		Path dir = MiaopiHome.current().ensureExists().resolve("bench-supervision-" + decided + "-" + open);
		boolean fresh = !Files.isDirectory(dir);
		out.printf("bench supervision: %,d decided and %,d open dossiers in %s; %d cores%n", decided, open, dir,
				Runtime.getRuntime().availableProcessors());
		OpenStore store = stores.open(dir, true);
		try {
			if (fresh || store.info().counts().getOrDefault("decision", 0L) < decided) {
				long f = System.nanoTime();
				SupervisionBench.fill(store, decided, open, n -> {
				});
				out.printf("Wrote the scratch store once (kept for later runs) in %.1f s%n", (System.nanoTime() - f) / 1e9);
			} else {
				int repaired = SupervisionBench.repairAttention(store);
				if (repaired > 0) {
					out.printf("Set the mismatch counts of %,d dossiers of a store written before the fill kept them%n", repaired);
				}
			}
			Officer city = new Officer("bench.city", "bench", "SZJCJ", EnumSet.of(Role.SUPERVISOR, Role.CITY_SUPERVISOR));
			SupervisionRecords records = (SupervisionRecords) store;
			SignalRules rules = new SignalRules(Rules.defaults(), WorkingDayCalendar.china());
			SupervisionService service = new SupervisionService(records, store, null, rules);
			LocalDate today = ChinaTime.today();
			out.printf("%n%-44s %10s %10s %10s %8s %10s %10s%n", "what (city supervisor)", "p50 ms", "p95 ms", "bare p95", "ratio",
					"cpu p50", "bare cpu");
			Map<String, DecisionQuery> filters = new LinkedHashMap<>();
			filters.put("search page, no filter", query(null, null, null, null, false));
			filters.put("search page, department", query("SZAMR", null, null, null, false));
			filters.put("search page, officer", query(null, "amr.officer2", null, null, false));
			filters.put("search page, outcome rejected", query(null, null, DecisionKind.REJECT, null, false));
			filters.put("search page, 秒批 only", query(null, null, null, true, false));
			filters.put("search page, overrides", query(null, null, null, null, true));
			for (Map.Entry<String, DecisionQuery> f : filters.entrySet()) {
				DecisionQuery q = f.getValue();
				Timed svc = times(runs, () -> service.searchDecisions(city, q).size());
				Timed bare = times(runs, () -> SupervisionBench.barePage(store, q, q.department()));
				row(out, f.getKey(), svc, bare);
				// a page deep in the list, by keyset: the 50th page
				if (q.department() == null && q.officer() == null && q.kind() == null && q.automatic() == null && !q.overrideOnly()) {
					DecisionQuery deep = q;
					for (int i = 0; i < 49; i++) {
						var page = service.searchDecisions(city, deep);
						deep = q.after(page.get(page.size() - 1));
					}
					DecisionQuery d50 = deep;
					row(out, "search page 50, no filter (keyset)", times(runs, () -> service.searchDecisions(city, d50).size()),
							bare);
				}
			}
			int few = Math.max(3, runs / 10);
			// first: a service that has read nothing yet (the first opening of a day); kept: the same service
			// again after TOUCHED dossiers got a step, which it reads again (CaseCache)
			Supplier<SupervisionService> unread = () -> new SupervisionService(records, store, null, rules);
			long[] next = { decided };
			Runnable touch = () -> {
				SupervisionBench.touch(store, next[0], TOUCHED);
				next[0] = next[0] + TOUCHED >= decided + open ? decided : next[0] + TOUCHED;
			};
			Timed openRead = times(few, () -> records.cases(city, CaseQuery.open(null)).size());
			row(out, "signals of all " + String.format("%,d", open) + " open dossiers, first",
					times(few, () -> unread.get().signals(city, null, today).size()), openRead);
			row(out, "signals, kept, " + TOUCHED + " dossiers changed", times(few, touch,
					() -> service.signals(city, null, today).size()), openRead);
			LocalDate from = today.minusMonths(1).withDayOfMonth(1);
			LocalDate to = from.plusMonths(1).minusDays(1);
			Timed monthRead = times(few, () -> records.cases(city, CaseQuery.receivedIn(null, from, to)).size());
			row(out, "performance of all departments, " + from.getMonth() + ", first", times(few, () -> unread.get()
					.performance(city, null, Performance.By.DEPARTMENT, from, to, today).size()), monthRead);
			row(out, "performance, kept, " + TOUCHED + " dossiers changed", times(few, touch, () -> service.performance(city,
					null, Performance.By.DEPARTMENT, from, to, today).size()), monthRead);
			// what the Dashboard part's job waits for before it draws: signals of every open dossier and the
			// figures of the cases received in its weeks (drawing four charts of 8 weeks is not included)
			LocalDate monday = Dashboard.firstMonday(today, WEEKS);
			Timed dashRead = times(few, () -> records.cases(city, CaseQuery.open(null)).size()
					+ records.cases(city, CaseQuery.receivedIn(null, monday, today)).size());
			row(out, "dashboard figures, " + WEEKS + " weeks, first", times(few, () -> unread.get().dashboard(city, null, WEEKS,
					today).weeks().size()), dashRead);
			row(out, "dashboard, kept, " + TOUCHED + " dossiers changed", times(runs, touch, () -> service.dashboard(city, null,
					WEEKS, today).weeks().size()), dashRead);
			out.println("bare: the store's own read of the same rows (search: the page's SQL by plain JDBC; signals and");
			out.println("performance: SupervisionRecords.cases of the same dossiers; dashboard: both reads); ratio = p95 / bare p95;");
			out.println("cpu: this thread's CPU milliseconds (the embedded store's work included), p50 of the same runs");
		} finally {
			store.close();
		}
		return OK;
	}

	private static DecisionQuery query(String dept, String officer, DecisionKind kind, Boolean automatic, boolean overrides) {
		return new DecisionQuery(dept, null, officer, kind, null, automatic, overrides, false, null, null, null, null, PAGE);
	}

	/**
	 * Wall and CPU milliseconds of each run after one warm-up, each sorted. The store is embedded: its work
	 * runs on this thread, so the thread's CPU time is what the run would take on a core of its own, which
	 * a shared machine's wall time is not.
	 */
	private record Timed(double[] wall, double[] cpu) {
	}

	private static Timed times(int runs, Supplier<Integer> work) {
		return times(runs, () -> {
		}, work);
	}

	/** The same with {@code before} run untimed before each run (and before the warm-up). */
	private static Timed times(int runs, Runnable before, Supplier<Integer> work) {
		before.run();
		work.get();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		double[] ms = new double[runs];
		double[] cpu = new double[runs];
		for (int i = 0; i < runs; i++) {
			before.run();
			long c = threads.getCurrentThreadCpuTime();
			long t = System.nanoTime();
			work.get();
			ms[i] = (System.nanoTime() - t) / 1e6;
			cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
		}
		Arrays.sort(ms);
		Arrays.sort(cpu);
		return new Timed(ms, cpu);
	}

	private static double p(double[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
	}

	private static void row(PrintStream out, String what, Timed ms, Timed bare) {
		out.printf("%-44s %10.1f %10.1f %10.1f %8.2f %10.1f %10.1f%n", what, p(ms.wall(), 0.5), p(ms.wall(), 0.95),
				p(bare.wall(), 0.95), p(ms.wall(), 0.95) / Math.max(0.001, p(bare.wall(), 0.95)), p(ms.cpu(), 0.5),
				p(bare.cpu(), 0.5));
	}

}
