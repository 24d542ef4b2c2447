package org.miaopi.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.miaopi.core.model.Officer;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.DecisionRecord;

/**
 * The supervision views as report tables, the same for the CLI ({@code ./miaopi supervise report}) and
 * the workbench's export: their columns (CSV headers, which tests and spreadsheets rely on) and rows, as
 * CSV or as a sealed PDF ({@link SupervisionService#export}).
 */
public final class Reports {

	/** The reports a supervisor exports. */
	public enum Kind {
		CARDS, OVERRIDES, SIGNALS, PERFORMANCE, REPLAY;

		/** The word of the CLI and of the audit event. */
		public String word() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** @throws IllegalArgumentException for a word that names no report */
		public static Kind of(String word) {
			return valueOf(word.toUpperCase(Locale.ROOT));
		}
	}

	/**
	 * The reports' columns, in order. {@code evidence} is the sentence, {@code facts} the card as stored. Each
	 * code a reader needs a name for (rule, department, matter, officer, a performance row's key) has its
	 * {@code <column>_name} right after it, in the report's language: a spreadsheet filters by either, a
	 * program reads the code (which no language or renamed matter changes).
	 */
	public static final List<String> CARDS = List.of("level", "rule", "rule_name", "dossier", "department",
			"department_name", "matter", "matter_name", "officer", "officer_name", "subject", "raised_on", "evidence", "facts");
	public static final List<String> OVERRIDES = List.of("dossier", "department", "department_name", "matter",
			"matter_name", "officer", "officer_name", "decided_at", "mismatches", "reason_codes", "justification");
	public static final List<String> SIGNALS = List.of("dossier", "department", "department_name", "matter",
			"matter_name", "officer", "officer_name", "status", "signal", "stage", "stage_days_used", "stage_limit",
			"days_used", "limit", "age_days", "deadline");
	public static final List<String> PERFORMANCE = List.of("key", "key_name", "volume", "decided", "on_time", "on_time_rate",
			"mean_days_used", "mean_limit", "miaopi_share", "overrides", "refusals", "warnings", "yellow_cards",
			"red_cards", "early", "score");
	public static final List<String> REPLAY = List.of("dossier", "policy", "policy_version", "stored_digest",
			"replayed_digest", "identical", "why");

	/**
	 * What to report.
	 *
	 * @param department one department, or null for every one the viewer supervises
	 * @param by         the grouping of the performance report (others ignore it)
	 * @param language   the language of the evidence sentences and of a PDF's words
	 */
	public record Request(Kind kind, String department, LocalDate from, LocalDate to, LocalDate today, Performance.By by,
			Locale language) {

		public Request {
			if (to.isBefore(from)) {
				throw new IllegalArgumentException("the period ends (" + to + ") before it begins (" + from + ")");
			}
			by = by == null ? Performance.By.DEPARTMENT : by;
			language = SupervisionText.language(language);
		}
	}

	/** A report's rows, every cell as text. */
	public record Table(Request request, List<String> columns, List<List<String>> rows) {
	}

	private Reports() {
	}

	static Table build(SupervisionService s, Officer viewer, Request r) {
		List<List<String>> rows = new ArrayList<>();
		String dept = r.department();
		Names n = s.names(r.language());
		switch (r.kind()) {
		case CARDS -> {
			for (Card k : s.cards(viewer, dept, r.from(), r.to())) {
				rows.add(row(k.level(), k.rule(), n.rule(k.rule()), k.dossierNo(), k.departmentCode(), n.department(k.departmentCode()),
						k.matterCode(), n.matter(k.matterCode()), k.officerId(), n.officer(k.officerId()), k.subject(), k.raisedOn(),
						CardEvidence.render(k, n), k.evidence()));
			}
		}
		case OVERRIDES -> {
			for (DecisionRecord d : s.overrides(viewer, dept, null, r.from(), r.to())) {
				rows.add(row(d.dossierNo(), d.departmentCode(), n.department(d.departmentCode()), d.matterCode(),
						n.matter(d.matterCode()), d.officerId(), n.officer(d.officerId()), d.time(), d.mismatches(),
						String.join(" ", d.reasonCodes()), d.justification()));
			}
		}
		case SIGNALS -> {
			for (SupervisionService.CaseSignal x : s.signals(viewer, dept, r.today())) {
				var c = x.record();
				var stage = x.clock().current() == null ? null : x.clock().stages().get(x.clock().current());
				rows.add(row(c.number(), c.departmentCode(), n.department(c.departmentCode()), c.matterCode(),
						n.matter(c.matterCode()), c.officerId(), n.officer(c.officerId()), c.status(), x.signal(),
						x.clock().current() == null ? null : x.clock().current().key(), stage == null ? null : stage.used(),
						stage == null ? null : stage.limit(), x.clock().used(), x.clock().limit(), x.clock().age(), c.deadline()));
			}
		}
		case PERFORMANCE -> {
			for (Performance.Row p : s.performance(viewer, dept, r.by(), r.from(), r.to(), r.today())) {
				rows.add(row(p.key(), n.of(r.by(), p.key()), p.volume(), p.decided(), p.onTime(), ratio(p.onTimeRate()), ratio(p.meanUsed()),
						ratio(p.meanLimit()), ratio(p.automaticShare()), p.overrides(), p.refusals(), p.warnings(), p.yellows(),
						p.reds(), p.early(), p.score()));
			}
		}
		case REPLAY -> {
			for (Replay.Result x : s.replay(viewer, dept, r.from(), r.to())) {
				rows.add(row(x.dossierNo(), x.policyId(), x.policyVersion(), x.storedDigest(), x.replayedDigest(), x.identical(),
						x.why()));
			}
		}
		}
		return new Table(r, columns(r.kind()), rows);
	}

	public static List<String> columns(Kind kind) {
		return switch (kind) {
		case CARDS -> CARDS;
		case OVERRIDES -> OVERRIDES;
		case SIGNALS -> SIGNALS;
		case PERFORMANCE -> PERFORMANCE;
		case REPLAY -> REPLAY;
		};
	}

	/** The columns a reader is shown (a PDF): the stored facts are the CSV's, for machines; a name is shown in its code's column. */
	static List<String> shownColumns(Kind kind) {
		return columns(kind).stream().filter(c -> !c.equals("facts") && !c.endsWith(NAME)).toList();
	}

	private static final String NAME = "_name";

	/**
	 * A row as a reader is shown it: levels, signals, statuses and stages in words; a rule, department, matter or
	 * officer by its name, its code under it in small print (what the CSV and the rules' documentation call it);
	 * without the stored facts.
	 */
	static List<String> shown(Table t, List<String> row) {
		List<String> out = new ArrayList<>();
		List<String> cols = t.columns();
		for (int i = 0; i < cols.size(); i++) {
			String col = cols.get(i);
			String v = row.get(i);
			if (col.equals("facts") || col.endsWith(NAME)) {
				continue;
			}
			Locale l = t.request().language();
			String name = i + 1 < cols.size() && cols.get(i + 1).equals(col + NAME) ? row.get(i + 1) : null;
			String word = v.isEmpty() ? null : switch (col) {
			case "level", "signal" -> SupervisionText.find("level." + v, l);
			case "stage" -> SupervisionText.find("stage." + v, l);
			case "status" -> status(v, l);
			// a table built before names were columns (or a rule named in no column): the rule's name from the texts
			case "rule" -> name == null ? nameAndCode(CardEvidence.ruleName(v, l), v) : null;
			default -> null;
			};
			out.add(word != null ? word : name != null ? nameAndCode(name, v) : v);
		}
		return out;
	}

	/** "name" over "code" in small print; the code alone when there is no other name. */
	private static String nameAndCode(String name, String code) {
		return name.isEmpty() || name.equals(code) ? code : name + "\n" + code;
	}

	private static String status(String name, Locale l) {
		try {
			var s = org.miaopi.core.lifecycle.DossierStatus.valueOf(name);
			return "zh".equals(l.getLanguage()) ? s.nameZh() : s.nameEn();
		} catch (IllegalArgumentException e) {
			return null; // a status this desk does not know: as stored
		}
	}

	private static List<String> row(Object... cells) {
		List<String> out = new ArrayList<>(cells.length);
		for (Object c : cells) {
			out.add(c == null ? "" : c.toString());
		}
		return out;
	}

	private static String ratio(double d) {
		return String.format(Locale.ROOT, "%.3f", d);
	}
}
