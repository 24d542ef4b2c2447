package org.miaopi.cli.supervise;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.DecisionRecord;
import org.miaopi.supervision.Performance;
import org.miaopi.supervision.Replay;
import org.miaopi.supervision.SupervisionService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi supervise report KIND --out FILE.csv}: one supervision view as CSV (UTF-8 with BOM):
 * cards, overrides, signals of the open cases, performance evaluation, or the 秒批 replay check. The
 * export is an audit event.
 */
@Component(service = Subcommand.class)
public class SuperviseReportCommand implements Subcommand {

	/** The reports and their columns, in order; tests and spreadsheets rely on them. */
	public static final List<String> CARDS = List.of("level", "rule", "dossier", "department", "matter", "officer",
			"subject", "raised_on", "evidence");
	public static final List<String> OVERRIDES = List.of("dossier", "department", "matter", "officer", "decided_at",
			"mismatches", "reason_codes", "justification");
	public static final List<String> SIGNALS = List.of("dossier", "department", "matter", "officer", "status", "signal",
			"stage", "stage_days_used", "stage_limit", "days_used", "limit", "age_days", "deadline");
	public static final List<String> PERFORMANCE = List.of("key", "volume", "decided", "on_time", "on_time_rate",
			"mean_days_used", "mean_limit", "miaopi_share", "overrides", "refusals", "warnings", "yellow_cards",
			"red_cards", "early", "score");
	public static final List<String> REPLAY = List.of("dossier", "policy", "policy_version", "stored_digest",
			"replayed_digest", "identical", "why");

	@Reference
	private SupervisionService supervision;

	@Reference
	private StoreAdmin store;

	@Override
	public String name() {
		return "supervise report";
	}

	@Override
	public String summary() {
		return "write a supervision view as CSV (UTF-8 with BOM): cards, overrides, signals, performance or replay";
	}

	@Override
	public String usage() {
		return "cards|overrides|signals|performance|replay --out FILE.csv " + Supervisors.COMMON_USAGE
				+ " [--from DATE] [--to DATE] [--today DATE] [--by department|matter|officer]";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
		Options o = Options.parse(args).allow("--as", "--department", "--from", "--to", "--today", "--by", "--out");
		if (o.words.size() != 1) {
			throw new UsageException("name one report: cards, overrides, signals, performance or replay");
		}
		String kind = o.words.get(0);
		String file = o.values.get("--out");
		if (file == null) {
			throw new UsageException("say where to write the report with --out FILE.csv");
		}
		Officer actor = Supervisors.actor(store, o);
		String dept = o.values.get("--department");
		LocalDate today = Supervisors.today(o);
		LocalDate[] p = Supervisors.period(o, today);
		List<List<?>> rows = new ArrayList<>();
		List<String> header;
		switch (kind) {
		case "cards" -> {
			header = CARDS;
			for (Card k : supervision.cards(actor, dept, p[0], p[1])) {
				rows.add(List.of(k.level(), k.rule(), text(k.dossierNo()), k.departmentCode(), text(k.matterCode()),
						text(k.officerId()), k.subject(), k.raisedOn(), k.evidence()));
			}
		}
		case "overrides" -> {
			header = OVERRIDES;
			for (DecisionRecord d : supervision.overrides(actor, dept, null, p[0], p[1])) {
				rows.add(List.of(d.dossierNo(), text(d.departmentCode()), text(d.matterCode()), d.officerId(), d.time(),
						d.mismatches(), String.join(" ", d.reasonCodes()), text(d.justification())));
			}
		}
		case "signals" -> {
			header = SIGNALS;
			for (SupervisionService.CaseSignal s : supervision.signals(actor, dept, today)) {
				var c = s.record();
				var stage = s.clock().current() == null ? null : s.clock().stages().get(s.clock().current());
				rows.add(List.of(c.number(), c.departmentCode(), c.matterCode(), text(c.officerId()), c.status(), s.signal(),
						s.clock().current() == null ? "" : s.clock().current().key(), stage == null ? "" : stage.used(),
						stage == null ? "" : stage.limit(), s.clock().used(), s.clock().limit(), s.clock().age(), c.deadline()));
			}
		}
		case "performance" -> {
			header = PERFORMANCE;
			Performance.By by = by(o.values.getOrDefault("--by", "department"));
			for (Performance.Row r : supervision.performance(actor, dept, by, p[0], p[1], today)) {
				rows.add(List.of(r.key(), r.volume(), r.decided(), r.onTime(), ratio(r.onTimeRate()), ratio(r.meanUsed()),
						ratio(r.meanLimit()), ratio(r.automaticShare()), r.overrides(), r.refusals(), r.warnings(), r.yellows(),
						r.reds(), r.early(), r.score()));
			}
		}
		case "replay" -> {
			header = REPLAY;
			for (Replay.Result r : supervision.replay(actor, dept, p[0], p[1])) {
				rows.add(List.of(r.dossierNo(), text(r.policyId()), text(r.policyVersion()), text(r.storedDigest()),
						text(r.replayedDigest()), r.identical(), r.why()));
			}
		}
		default -> throw new UsageException("no report '" + kind + "': cards, overrides, signals, performance or replay");
		}
		Path target = Path.of(file).toAbsolutePath();
		CsvReport.write(target, header, rows);
		supervision.exported(actor, kind + " " + p[0] + ".." + p[1], rows.size(), target.getFileName().toString());
		out.printf("Wrote %,d rows of %s to %s%n", rows.size(), kind, target);
		return OK;
	}

	private static Performance.By by(String word) {
		try {
			return Performance.By.valueOf(word.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new UsageException("--by takes department, matter or officer, got '" + word + "'");
		}
	}

	private static String text(Object o) {
		return o == null ? "" : o.toString();
	}

	private static String ratio(double d) {
		return String.format(Locale.ROOT, "%.3f", d);
	}
}
