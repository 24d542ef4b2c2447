package org.miaopi.cli.store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.miaopi.checks.Evaluator;
import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.OwnerOnlyFile;
import org.miaopi.core.audit.OfficerKeys;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.demo.DemoCatalog;
import org.miaopi.demo.DemoGenerator;
import org.miaopi.demo.DemoGenerator.Login;
import org.miaopi.demo.DemoGenerator.Summary;
import org.miaopi.demo.DemoSeals;
import org.miaopi.seal.SealException;
import org.miaopi.seal.SealService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ./miaopi demo --dossiers N --seed S}: (re)fills the desk's store with demo data. */
@Component(service = Subcommand.class)
public class DemoCommand implements Subcommand {

	static final String LOGINS_FILE = "demo-officers.txt";

	@Reference
	private StoreAdmin store;

	@Reference
	private MatterRegistry matters;

	@Reference
	private SealService seals;

	@Reference
	private OfficerKeys officerKeys;

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public String summary() {
		return "fill (or refill) the desk's store with deterministic demo data";
	}

	@Override
	public String usage() {
		return "[--dossiers N (default 1000)] [--seed S (default 1)] [--today YYYY-MM-DD (default today, Beijing)]"
				+ " [--force (empty a store that holds more than demo data)]";
	}

	@Override
	public int run(List<String> raw, PrintStream out, PrintStream err) throws IOException {
		boolean force = raw.contains("--force");
		Options args = Options.parse(raw.stream().filter(a -> !a.equals("--force")).toList())
				.allow("--dossiers", "--seed", "--today").noWords();
		Path identity = org.miaopi.sync.DeskIdentity.directory(MiaopiHome.current());
		String refusal = org.miaopi.sync.DeskIdentity.exists(identity) ? DemoGuard.enrolled(identity)
				: DemoGuard.refusal(store.info(), Files.isRegularFile(MiaopiHome.current().resolve(LOGINS_FILE)), force);
		if (refusal != null) {
			err.println(refusal);
			return FAILED;
		}
		Instant now = Instant.now();
		java.time.LocalDate today = args.date("--today", ChinaTime.dateOf(now));
		// no dossier received after now when the reference date is today's
		DemoGenerator.Options options = new DemoGenerator.Options(args.integer("--dossiers", 1000, 0),
				args.number("--seed", 1), today, true, false, today.equals(ChinaTime.dateOf(now)) ? now : null);
		out.println("Generating " + options.dossiers() + " demo dossiers, seed " + options.seed() + ", reference date "
				+ options.today() + " (the store is emptied first) ...");
		// dossiers past RECEIVED went through the comparison once: store its results, so the
		// workbench shows them (RECEIVED ones wait for ./miaopi auto-approve)
		Instant comparedAt = options.today().atTime(8, 0).atZone(ChinaTime.ZONE).toInstant();
		Evaluator evaluator = new Evaluator();
		Summary s = new DemoGenerator().fill(store, options, p -> {
		}, (dossiers, records) -> {
			Map<String, List<SharedRecord>> bySubject = records.stream()
					.collect(Collectors.groupingBy(SharedRecord::subjectId));
			Map<String, List<ComparisonResult>> compared = new LinkedHashMap<>();
			for (Dossier d : dossiers) {
				if (d.status() != DossierStatus.RECEIVED && d.status() != DossierStatus.WITHDRAWN) {
					matters.find(d.matterCode()).ifPresent(m -> compared.put(d.number(), evaluator.evaluate(m, d,
							bySubject.getOrDefault(d.applicant().subjectId(), List.of()), Set.of(), comparedAt).comparisons()));
				}
			}
			store.putComparisons(compared);
		});
		out.printf("Done in %.1f s: %,d dossiers, %,d shared records, %,d material PDFs.%n", s.elapsed().toMillis() / 1000.0,
				s.dossiers(), s.sharedRecords(), s.materialFiles());
		out.println("Hard cases (dossiers):");
		for (Map.Entry<String, Integer> e : s.hardCases().entrySet()) {
			out.printf("  %-36s %,8d%n", e.getKey(), e.getValue());
		}
		try {
			// approving a demo dossier must end in a sealed certificate: one seal per demo department;
			// the supervision office's seals the supervisors' PDF reports
			List<String> issued = DemoSeals.ensure(seals, DemoCatalog.SEALED);
			out.println(issued.isEmpty() ? "Every demo department already has a usable seal."
					: "New seals for " + String.join(", ", issued) + " (keys in " + MiaopiHome.current().resolve("seals")
							+ ", never committed).");
		} catch (SealException e) {
			err.println("The demo departments got no seals, so certificates cannot be issued yet: " + e.getMessage());
		}
		Path logins = writeLogins(s.logins());
		// passwordless sign-in for automated runs (screenshots, benchmarks) is a setting of the store, stated by store info
		store.setDemoMode(true);
		issueKeys(s.logins(), out, err);
		out.println(s.logins().size() + " demo users (officers, supervisors, an admin); their one-time passwords are in "
				+ logins + " (owner-only; not printed, never committed).");
		out.println("Demo mode is on: automated runs may sign in without a password (-Dmiaopi.signin=ID);"
				+ " on a real desk turn it off with ./miaopi store demo-mode off.");
		return OK;
	}

	/** Each demo officer's own decision key, protected by the demo password (sign-in unlocks it). */
	private void issueKeys(List<Login> logins, PrintStream out, PrintStream err) {
		int issued = 0;
		try {
			for (Login l : logins) {
				if (l.role() == Role.OFFICER) {
					officerKeys.issue(new Officer(l.officerId(), l.name(), l.departmentCode(), EnumSet.of(Role.OFFICER)),
							l.password().toCharArray());
					issued++;
				}
			}
			out.println(issued + " demo officers got their own signing key (Ed25519, issued by the demo root), each"
					+ " protected by the officer's password (" + MiaopiHome.current().resolve("officers") + ").");
		} catch (RuntimeException e) {
			err.println("The demo officers' signing keys could not all be issued; they are issued at sign-in instead: "
					+ e.getMessage());
		}
	}

	private static Path writeLogins(List<Login> logins) throws IOException {
		Path file = MiaopiHome.current().ensureExists().resolve(LOGINS_FILE);
		StringBuilder b = new StringBuilder("# Miaopi demo users: id, role, department, name, password\n");
		for (Login l : logins) {
			b.append(String.join("\t", l.officerId(), l.role().name(), l.departmentCode(), l.name(), l.password()))
					.append('\n');
		}
		OwnerOnlyFile.write(file, b);
		return file;
	}
}
