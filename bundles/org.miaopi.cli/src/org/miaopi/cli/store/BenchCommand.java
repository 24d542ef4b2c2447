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
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
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

	@Override
	public String name() {
		return "bench";
	}

	@Override
	public String summary() {
		return "measure an area; 'bench store' times the encrypted store against an unencrypted one";
	}

	@Override
	public String usage() {
		return "store [--dossiers N (default 100000)] [--seed S]";
	}

	@Override
	public int run(List<String> raw, PrintStream out, PrintStream err) throws IOException {
		if (raw.isEmpty() || !raw.get(0).equals("store")) {
			throw new UsageException("the only area measured so far is 'store'");
		}
		Args args = new Args(raw.subList(1, raw.size()), Set.of("--dossiers", "--seed"));
		int n = args.integer("--dossiers", 100_000, 100);
		long seed = args.number("--seed", 1);
		LocalDate today = LocalDate.of(2026, 11, 23); // fixed: the same data in every run
		Path root = Files.createTempDirectory(MiaopiHome.current().ensureExists().root(), "bench-store-");
		out.printf("bench store: %,d dossiers, seed %d, on %s; JVM max heap %d MiB, %d cores%n", n, seed, root,
				Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
		try {
			Map<String, String> enc = measure(root.resolve("encrypted"), true, n, seed, today, out);
			Map<String, String> plain = measure(root.resolve("plain"), false, n, seed, today, out);
			out.println();
			out.printf("%-44s %14s %14s %8s%n", "figure", "encrypted", "unencrypted", "ratio");
			for (String key : enc.keySet()) {
				out.printf("%-44s %14s %14s %8s%n", key, enc.get(key), plain.get(key), ratio(enc.get(key), plain.get(key)));
			}
			out.println("(times in ms; ratio = encrypted / unencrypted; goals: queue p95 < 20 ms, look-up p95 < 1 ms)");
		} finally {
			delete(root);
		}
		return OK;
	}

	private Map<String, String> measure(Path dir, boolean encrypted, int n, long seed, LocalDate today, PrintStream out) {
		Map<String, String> r = new LinkedHashMap<>();
		out.println((encrypted ? "encrypted" : "unencrypted") + " store: generating ...");
		try (OpenStore store = stores.open(dir, encrypted)) {
			Summary s = new DemoGenerator().fill(store, new DemoGenerator.Options(n, seed, today, false), p -> {
			});
			r.put("generation (s)", String.format("%.1f", s.elapsed().toMillis() / 1000.0));
			r.put("dossiers / shared records", s.dossiers() + " / " + s.sharedRecords());
			List<Officer> officers = new ArrayList<>();
			for (Login l : s.logins()) {
				if (l.role() == Role.OFFICER) {
					officers.add(new Officer(l.officerId(), l.name(), l.departmentCode(), EnumSet.of(Role.OFFICER)));
				}
			}
			Random random = new Random(seed);
			Supplier<Officer> anyOfficer = () -> officers.get(random.nextInt(officers.size()));
			// warm up: the first queries compile JPQL and fill Derby's page cache
			for (int i = 0; i < 50; i++) {
				store.queue(anyOfficer.get(), QueueQuery.open());
			}
			List<String> subjects = new ArrayList<>();
			List<Dossier> reviewable = new ArrayList<>();
			long[] t = new long[QUERIES];
			for (int i = 0; i < QUERIES; i++) {
				Officer o = anyOfficer.get();
				int page = random.nextInt(3);
				long t0 = System.nanoTime();
				var rows = store.queue(o, new QueueQuery(null, null, null, page)).rows();
				t[i] = System.nanoTime() - t0;
				rows.forEach(d -> subjects.add(d.applicant().subjectId()));
			}
			put(r, "queue page, open, by deadline", t);
			for (int i = 0; i < QUERIES; i++) {
				Officer o = anyOfficer.get();
				String matter = DemoCatalog.MATTERS.stream().filter(m -> m.departmentCode().equals(o.departmentCode()))
						.map(m -> m.code()).findFirst().orElseThrow();
				long t0 = System.nanoTime();
				var rows = store.queue(o, new QueueQuery(EnumSet.of(DossierStatus.IN_REVIEW), matter, null, 0)).rows();
				t[i] = System.nanoTime() - t0;
				reviewable.addAll(rows);
			}
			put(r, "queue page, status+matter filter", t);
			String[] surnames = { "王", "李", "张", "陈", "欧阳", "林" };
			for (int i = 0; i < QUERIES; i++) {
				Officer o = anyOfficer.get();
				long t0 = System.nanoTime();
				store.queue(o, new QueueQuery(null, null, surnames[random.nextInt(surnames.length)], 0));
				t[i] = System.nanoTime() - t0;
			}
			put(r, "queue page, text filter (name)", t);
			long[] l = new long[LOOKUPS];
			for (int i = 0; i < LOOKUPS; i++) {
				String subject = subjects.get(random.nextInt(subjects.size()));
				long t0 = System.nanoTime();
				store.sharedRecords(subject, null);
				l[i] = System.nanoTime() - t0;
			}
			put(r, "shared records by subject", l);
			reviewable.sort(Comparator.comparing(Dossier::number));
			List<Dossier> distinct = reviewable.stream().distinct().toList();
			int count = Math.min(DECISIONS, distinct.size());
			long[] d = new long[count];
			for (int i = 0; i < count; i++) {
				Dossier dossier = distinct.get(i);
				Officer by = new Officer(dossier.assignedOfficerId(), "bench", dossier.departmentCode(), EnumSet.of(Role.OFFICER));
				Decision decision = new Decision(dossier.number(), DecisionKind.APPROVE, List.of(), null, by.id(),
						Instant.now(), false, null, null, null, null);
				long t0 = System.nanoTime();
				store.transition(by, TransitionRequest.decide(decision));
				d[i] = System.nanoTime() - t0;
			}
			put(r, "decision + audit transaction (" + count + ")", d);
			System.gc();
			Runtime rt = Runtime.getRuntime();
			r.put("heap used after GC (MiB)", Long.toString((rt.totalMemory() - rt.freeMemory()) >> 20));
			r.put("size on disk (MiB)", String.format("%.1f", store.info().sizeOnDisk() / 1048576.0));
		}
		return r;
	}

	private static void put(Map<String, String> r, String name, long[] nanos) {
		long[] s = nanos.clone();
		Arrays.sort(s);
		r.put(name + " p50", ms(s[s.length / 2]));
		r.put(name + " p95", ms(s[(int) Math.ceil(s.length * 0.95) - 1]));
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
