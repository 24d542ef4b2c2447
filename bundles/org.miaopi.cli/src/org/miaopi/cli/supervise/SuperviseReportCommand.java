package org.miaopi.cli.supervise;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.supervision.Performance;
import org.miaopi.supervision.Reports;
import org.miaopi.supervision.SupervisionService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi supervise report KIND --out FILE.csv|FILE.pdf}: one supervision view as CSV (UTF-8 with
 * BOM) or as a PDF sealed with the supervision office's seal: cards, overrides, signals of the open cases,
 * performance evaluation, or the 秒批 replay check. The export is an audit event.
 */
@Component(service = Subcommand.class)
public class SuperviseReportCommand implements Subcommand {

	/** The reports and their columns, in order; tests and spreadsheets rely on them. */
	public static final List<String> CARDS = Reports.CARDS;
	public static final List<String> OVERRIDES = Reports.OVERRIDES;
	public static final List<String> SIGNALS = Reports.SIGNALS;
	public static final List<String> PERFORMANCE = Reports.PERFORMANCE;
	public static final List<String> REPLAY = Reports.REPLAY;

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
		return "a supervision view as CSV (UTF-8 with BOM) or sealed PDF: cards, overrides, signals, performance or replay";
	}

	@Override
	public String usage() {
		return "cards|overrides|signals|performance|replay --out FILE.csv|FILE.pdf " + Supervisors.COMMON_USAGE
				+ " [--from DATE] [--to DATE] [--today DATE] [--by department|matter|officer] [-nl zh|en]";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
		Options o = Options.parse(args).allow("--as", "--department", "--from", "--to", "--today", "--by", "--out", "-nl");
		if (o.words.size() != 1) {
			throw new UsageException("name one report: cards, overrides, signals, performance or replay");
		}
		Reports.Kind kind;
		try {
			kind = Reports.Kind.of(o.words.get(0));
		} catch (IllegalArgumentException e) {
			throw new UsageException("no report '" + o.words.get(0) + "': cards, overrides, signals, performance or replay");
		}
		String file = o.values.get("--out");
		if (file == null) {
			throw new UsageException("say where to write the report with --out FILE.csv or --out FILE.pdf");
		}
		Locale lang = Supervisors.language(o);
		Officer actor = Supervisors.actor(store, o);
		LocalDate today = Supervisors.today(o);
		LocalDate[] p = Supervisors.period(o, today);
		Reports.Request request = new Reports.Request(kind, o.values.get("--department"), p[0], p[1], today,
				by(o.values.getOrDefault("--by", "department")), lang);
		Path target = Path.of(file).toAbsolutePath();
		SupervisionService.Exported done = supervision.export(actor, request, target);
		out.printf("Wrote %,d rows of %s to %s%n", done.rows(), kind.word(), target);
		if (done.format().equals("pdf")) {
			out.printf("Report %s, sealed with the supervision office's seal; SHA-256 %s (in the audit ledger). Check it with ./miaopi verify %s%n",
					done.id(), done.sha256(), target.getFileName());
		}
		return OK;
	}

	private static Performance.By by(String word) {
		try {
			return Performance.By.valueOf(word.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new UsageException("--by takes department, matter or officer, got '" + word + "'");
		}
	}
}
