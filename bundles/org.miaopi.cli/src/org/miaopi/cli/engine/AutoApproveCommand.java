package org.miaopi.cli.engine;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.miaopi.checks.BatchEvaluator.Item;
import org.miaopi.checks.Engine;
import org.miaopi.checks.Evaluation;
import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.core.matter.ThemeOutcome;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.service.SettleResult;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi auto-approve [--limit N]}: the 秒批 batch over the desk's RECEIVED dossiers.
 * Each page of 500 is settled in one transaction, so an interrupted run loses at most the page
 * in flight and a re-run picks up where it stopped; nothing is decided twice.
 */
@Component(service = Subcommand.class)
public class AutoApproveCommand implements Subcommand {

	static final int PAGE = 500;

	@Reference
	private Engine engine;

	@Override
	public String name() {
		return "auto-approve";
	}

	@Override
	public String summary() {
		return "compare and decide the received dossiers (秒批), route the rest to officers with reasons";
	}

	@Override
	public String usage() {
		return "[--limit N (default: all received dossiers)]";
	}

	@Override
	public int run(List<String> raw, PrintStream out, PrintStream err) {
		Options options = Options.parse(raw).allow("--limit");
		if (!options.words.isEmpty()) {
			throw new org.miaopi.cli.UsageException("unexpected argument '" + options.words.get(0) + "'");
		}
		int limit = options.integer("--limit", Integer.MAX_VALUE, 1);
		Tally tally = new Tally();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		long start = System.nanoTime();
		try {
			String after = null;
			while (tally.seen < limit) {
				Engine.Page page = engine.runPage(Math.min(PAGE, limit - tally.seen), after, Instant.now(), pool, 2);
				if (page == null) {
					break;
				}
				after = page.lastNumber();
				tally.add(page);
				out.printf("  %,d dossiers: %,d approved, %,d rejected, %,d accepted under 容缺, %,d to officers (%.1f s)%n",
						tally.seen, tally.approved, tally.rejected, tally.supplement, tally.routed,
						(System.nanoTime() - start) / 1e9);
			}
		} finally {
			pool.shutdownNow();
		}
		tally.print(out, (System.nanoTime() - start) / 1e9);
		return OK;
	}

	/** Counts of a run. */
	static final class Tally {
		int seen, approved, rejected, supplement, routed, skipped, failed, unknown;
		final Map<String, Integer> routedBy = new TreeMap<>();
		final Map<String, Integer> rejectedBy = new TreeMap<>();
		/** A theme dossier's sub-dossiers settled in this run: their automatic decisions, null when routed. */
		final Map<String, List<DecisionKind>> themes = new TreeMap<>();

		void add(Engine.Page page) {
			seen += page.items().size();
			Map<String, SettleResult> results = new java.util.HashMap<>();
			page.results().forEach(r -> results.put(r.dossierNo(), r));
			for (Item i : page.items()) {
				Evaluation e = i.evaluation();
				if (e == null) {
					unknown++;
					continue;
				}
				SettleResult r = results.get(e.dossierNo());
				if (r == null || r.outcome() == SettleResult.Outcome.SKIPPED) {
					skipped++;
					continue;
				}
				if (r.outcome() == SettleResult.Outcome.FAILED) {
					failed++;
					continue;
				}
				if (i.dossier().isPartOfTheme()) {
					themes.computeIfAbsent(i.dossier().themeDossierNo(), k -> new java.util.ArrayList<>())
							.add(e.decision() == null ? null : e.decision().kind());
				}
				switch (e.outcome()) {
					case APPROVE -> approved++;
					case SUPPLEMENT -> supplement++;
					case REJECT -> {
						rejected++;
						e.reasons().forEach(c -> rejectedBy.merge(c, 1, Integer::sum));
					}
					case ROUTE -> {
						routed++;
						e.reasons().forEach(c -> routedBy.merge(c, 1, Integer::sum));
					}
				}
			}
		}

		void print(PrintStream out, double seconds) {
			out.printf("auto-approve: %,d received dossiers in %.1f s%n", seen, seconds);
			out.printf("  approved automatically (秒批)      %,8d   (their certificates: ./miaopi issue-approved)%n", approved);
			out.printf("  accepted under 容缺 (supplement)   %,8d%n", supplement);
			out.printf("  rejected automatically            %,8d%n", rejected);
			rejectedBy.forEach((k, v) -> out.printf("      %-30s %,8d%n", k, v));
			out.printf("  routed to officers                %,8d   (a dossier may have several reasons)%n", routed);
			routedBy.forEach((k, v) -> out.printf("      %-30s %,8d%n", k, v));
			if (!themes.isEmpty()) {
				Map<ThemeOutcome, Integer> t = new java.util.EnumMap<>(ThemeOutcome.class);
				themes.values().forEach(k -> t.merge(ThemeOutcome.of(k), 1, Integer::sum));
				out.printf("  themes (一件事) seen: %,d — of their members settled in this run: all approved %,d; one rejected %,d; others %,d"
						+ " (stored outcomes and issuance: ./miaopi issue-themes)%n",
						themes.size(), t.getOrDefault(ThemeOutcome.APPROVED, 0), t.getOrDefault(ThemeOutcome.REJECTED, 0),
						t.getOrDefault(ThemeOutcome.PENDING, 0));
			}
			if (skipped + failed + unknown > 0) {
				out.printf("  skipped (already settled)         %,8d%n", skipped);
				out.printf("  failed (left as received)         %,8d%n", failed);
				out.printf("  no matter plugin installed        %,8d%n", unknown);
			}
		}
	}
}
