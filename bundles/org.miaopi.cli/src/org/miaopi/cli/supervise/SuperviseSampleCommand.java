package org.miaopi.cli.supervise;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;

import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.supervision.Sample;
import org.miaopi.supervision.Sampler;
import org.miaopi.supervision.SupervisionService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi supervise sample}: draws a reproducible random sample (抽查) of a period's decisions,
 * records it with its seed in the audit ledger, and prints it; without {@code --seed} a seed is drawn
 * and printed, so the sample can be drawn again.
 */
@Component(service = Subcommand.class)
public class SuperviseSampleCommand implements Subcommand {

	@Reference
	private SupervisionService supervision;

	@Reference
	private StoreAdmin store;

	@Override
	public String name() {
		return "supervise sample";
	}

	@Override
	public String summary() {
		return "draw a reproducible random sample (抽查) of a period's decisions; seed and sample go to the audit ledger";
	}

	@Override
	public String usage() {
		return Supervisors.COMMON_USAGE + " --percent N [--by officer|matter] [--seed S] [--from DATE] [--to DATE]";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Options o = Options.parse(args).allow("--as", "--department", "--percent", "--by", "--seed", "--from", "--to",
				"--today").noWords();
		Officer actor = Supervisors.actor(store, o);
		if (!o.values.containsKey("--percent")) {
			throw new UsageException("say how much to sample with --percent N (1 to 100)");
		}
		int percent = o.integer("--percent", 10, 1);
		if (percent > 100) {
			throw new UsageException("--percent takes 1 to 100, got " + percent);
		}
		String by = o.values.getOrDefault("--by", Sampler.BY_OFFICER);
		if (!by.equals(Sampler.BY_OFFICER) && !by.equals(Sampler.BY_MATTER)) {
			throw new UsageException("--by takes officer or matter, got '" + by + "'");
		}
		long seed = o.values.containsKey("--seed") ? o.number("--seed", 0) : new SecureRandom().nextLong() >>> 1;
		LocalDate[] period = Supervisors.period(o, Supervisors.today(o));
		Sample s = supervision.sample(actor, o.values.get("--department"), period[0], period[1], percent, by, seed);
		out.printf("Sample %d: %d %% of each %s's decisions from %s to %s, seed %d: %,d dossiers.%n", s.id(), percent, by,
				period[0], period[1], seed, s.dossierNos().size());
		s.dossierNos().forEach(no -> out.println("  " + no));
		return OK;
	}
}
