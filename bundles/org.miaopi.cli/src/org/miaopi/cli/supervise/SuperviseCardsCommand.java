package org.miaopi.cli.supervise;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CardLevel;
import org.miaopi.supervision.CardEvidence;
import org.miaopi.supervision.Names;
import org.miaopi.supervision.SupervisionService;
import org.miaopi.supervision.SupervisionText;
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
		Locale lang = Supervisors.language(o);
		Officer actor = Supervisors.actor(store, o);
		LocalDate today = Supervisors.today(o);
		LocalDate from = o.date("--from", today.minusMonths(1).withDayOfMonth(1));
		SupervisionService.Run run = supervision.evaluate(actor, o.values.get("--department"), from, today);
		Names names = supervision.names(lang);
		out.println(fill(SupervisionText.get("cli.cards.summary", lang), Map.of("cases", n(run.cases()), "today", today.toString(),
				"signals", n(run.raised().size()), "stored", n(run.stored().size()), "red", n(count(run.stored(), CardLevel.RED)),
				"yellow", n(count(run.stored(), CardLevel.YELLOW)), "warnings", n(count(run.stored(), CardLevel.WARNING)))));
		for (Card k : run.stored()) {
			out.println(line(k, names));
		}
		return OK;
	}

	/**
	 * A stored card as a supervisor reads it: its level and rule by name, the dossier, the matter by name, the
	 * officer by name with the id a command takes ({@code --as}, the record), and the evidence; all in the
	 * language asked for. Codes are the reports' CSV's (a {@code _name} column beside each).
	 */
	static String line(Card k, Names names) {
		Locale lang = names.language();
		String officer = k.officerId() == null || k.officerId().isEmpty() ? SupervisionText.get("cli.cards.nobody", lang)
				: Names.withCode(names.officer(k.officerId()), k.officerId());
		return "  " + CardEvidence.level(k, lang) + " \u00b7 " + names.rule(k.rule()) + " \u00b7 "
				+ (k.dossierNo() == null ? "-" : k.dossierNo()) + (k.matterCode() == null ? "" : " \u00b7 " + names.matter(k.matterCode()))
				+ " \u00b7 " + officer + ": " + CardEvidence.render(k, names);
	}

	/** The template's {name}s filled in as they are (SupervisionText's fill spaces a list's commas: 1,234 is a number). */
	private static String fill(String template, Map<String, String> values) {
		String out = template;
		for (Map.Entry<String, String> e : values.entrySet()) {
			out = out.replace("{" + e.getKey() + "}", e.getValue());
		}
		return out;
	}

	private static String n(long count) {
		return String.format(Locale.ROOT, "%,d", count);
	}

	private static long count(List<Card> cards, CardLevel level) {
		return cards.stream().filter(k -> k.level() == level).count();
	}
}
