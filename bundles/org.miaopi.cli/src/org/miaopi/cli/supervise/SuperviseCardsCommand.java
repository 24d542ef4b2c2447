package org.miaopi.cli.supervise;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CardLevel;
import org.miaopi.supervision.SupervisionService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi supervise cards}: evaluates the signal rules on the open cases and those received in
 * the period, stores the new cards (a re-run stores none twice) and lists them; for scheduled runs.
 */
@Component(service = Subcommand.class)
public class SuperviseCardsCommand implements Subcommand {

	@Reference
	private SupervisionService supervision;

	@Reference
	private StoreAdmin store;

	@Override
	public String name() {
		return "supervise cards";
	}

	@Override
	public String summary() {
		return "evaluate the e-supervision rules (warnings, yellow and red cards) and store the new cards once";
	}

	@Override
	public String usage() {
		return Supervisors.COMMON_USAGE + " [--from DATE] [--today DATE] [-nl zh|en]";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Options o = Options.parse(args).allow("--as", "--department", "--from", "--today", "-nl").noWords();
		// the evidence is stored as facts; it is told in the language asked for (./miaopi -nl zh sets the default)
		java.util.Locale lang = java.util.Locale.forLanguageTag(o.values.getOrDefault("-nl", java.util.Locale.getDefault().getLanguage()));
		Officer actor = Supervisors.actor(store, o);
		LocalDate today = Supervisors.today(o);
		LocalDate from = o.date("--from", today.minusMonths(1).withDayOfMonth(1));
		SupervisionService.Run run = supervision.evaluate(actor, o.values.get("--department"), from, today);
		out.printf("Evaluated %,d cases on %s: %,d signals, %,d new cards stored (%d red, %d yellow, %d warnings).%n",
				run.cases(), today, run.raised().size(), run.stored().size(), count(run.stored(), CardLevel.RED),
				count(run.stored(), CardLevel.YELLOW), count(run.stored(), CardLevel.WARNING));
		for (Card k : run.stored()) {
			out.println("  " + k.level() + " " + k.rule() + " " + (k.dossierNo() == null ? "-" : k.dossierNo()) + " "
					+ (k.officerId() == null ? "-" : k.officerId()) + ": " + org.miaopi.supervision.CardEvidence.render(k, lang));
		}
		return OK;
	}

	private static long count(List<Card> cards, CardLevel level) {
		return cards.stream().filter(k -> k.level() == level).count();
	}
}
