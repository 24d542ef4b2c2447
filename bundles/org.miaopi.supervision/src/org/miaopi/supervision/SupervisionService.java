package org.miaopi.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.core.MiaopiHome;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CardLevel;
import org.miaopi.core.supervision.CaseQuery;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.DecisionRecord;
import org.miaopi.core.supervision.Review;
import org.miaopi.core.supervision.ReviewOutcome;
import org.miaopi.core.supervision.Sample;
import org.miaopi.core.supervision.SupervisionAccess;
import org.miaopi.core.supervision.SupervisionRecords;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The supervisors' workbench, headless: signals computed live, cards evaluated and stored once,
 * overrides, 秒批 replays, random samples and their reviews, performance evaluation. The CLI
 * ({@code ./miaopi supervise}) and the workbench call the same methods; access is the record's
 * ({@link SupervisionAccess}, applied by {@link SupervisionRecords}), and every action is an audit event.
 */
@Component(service = SupervisionService.class)
public class SupervisionService {

	/** A desk's own rules replace the shipped ones key by key (see supervision-rules.properties). */
	public static final String RULES_FILE = "supervision-rules.properties";

	@Reference
	private volatile SupervisionRecords records;

	@Reference
	private volatile DossierService dossiers;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile MatterRegistry matters;

	/** Seals PDF reports (the certificate bundle); without it reports are CSV only. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile org.miaopi.core.service.ReportSealer sealer;

	/** The desk's users and departments, to name them in reports; without it they are told by their codes. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile org.miaopi.core.service.StoreAdmin store;

	private volatile SignalRules signals;

	/** The cases of the last reads, brought up to date by the record's changes (signals, dashboard, evaluation). */
	private final CaseCache cache = new CaseCache();

	private java.time.Clock clock = java.time.Clock.systemUTC();

	/** The dashboard's last figures per viewer and scope (the desk's home); null: nothing is kept (tools, benches). */
	private volatile DashboardSnapshots snapshots;

	/** For DS. */
	public SupervisionService() {
	}

	/** For tests and tools that have the services at hand. */
	public SupervisionService(SupervisionRecords records, DossierService dossiers, MatterRegistry matters, SignalRules signals) {
		this.records = records;
		this.dossiers = dossiers;
		this.matters = matters;
		this.signals = signals;
	}

	/** The report sealer and clock outside DS (tests). */
	public SupervisionService sealing(org.miaopi.core.service.ReportSealer sealer, java.time.Clock clock) {
		this.sealer = sealer;
		this.clock = clock;
		return this;
	}

	/** The desk's users and departments outside DS (tests), to name them in reports. */
	public SupervisionService naming(org.miaopi.core.service.StoreAdmin users) {
		this.store = users;
		return this;
	}

	/**
	 * The names of matters, departments, officers and rules in {@code language}, as this desk knows them now:
	 * read once for a report or a run, not once a row.
	 */
	public Names names(java.util.Locale language) {
		org.miaopi.core.service.StoreAdmin s = store;
		return new Names(language, matters, s == null ? List.of() : s.departments(), s == null ? List.of() : s.officers());
	}

	/** Keeps the dashboard's figures in {@code kept} (tests; DS keeps them in the desk's home). */
	public SupervisionService keeping(DashboardSnapshots kept) {
		this.snapshots = kept;
		return this;
	}

	@Activate
	void activate() {
		snapshots = DashboardSnapshots.inHome();
		signals = new SignalRules(Rules.defaultsAnd(MiaopiHome.current().resolve(RULES_FILE)), WorkingDayCalendar.china());
	}

	public SignalRules signalRules() {
		return signals;
	}

	/** A case with its clock and live signal. */
	public record CaseSignal(CaseRecord record, CaseClock clock, Signal signal) {
	}

	/** What one evaluation run found and stored. */
	public record Run(int cases, List<Card> raised, List<Card> stored) {
	}

	/** The open cases with their clocks and signals on {@code today}, by number. */
	public List<CaseSignal> signals(Officer viewer, String department, LocalDate today) {
		synchronized (cache) {
			return CaseCache.signals(cache.cases(records, viewer, CaseQuery.open(department), today), signals, today);
		}
	}

	/** One case's clock and live signal on {@code today}. */
	static CaseSignal signal(CaseRecord c, SignalRules rules, LocalDate today) {
		CaseClock clock = CaseClock.of(c, rules.rules(), rules.calendar(), today); // once: the signal reads it too
		return new CaseSignal(c, clock, rules.signal(clock, today));
	}

	/**
	 * The dashboard's figures: the open cases with their signals now, and the cases received in the last
	 * {@code weeks} weeks (this one included) for the weekly volume, on-time rate, 秒批 share, override
	 * rate and refusals. Kept between openings ({@link CaseCache}): a second opening reads only the
	 * dossiers with a step since the first.
	 */
	public Dashboard.Figures dashboard(Officer viewer, String department, int weeks, LocalDate today) {
		LocalDate from = Dashboard.firstMonday(today, weeks);
		Dashboard.Figures f;
		synchronized (cache) {
			List<CaseSignal> open = signals(viewer, department, today);
			CaseCache.Entry received = cache.cases(records, viewer, CaseQuery.receivedIn(department, from, today), today);
			f = Dashboard.of(open, received.cases(), c -> CaseCache.clock(received, c, signals, today), from, today);
		}
		DashboardSnapshots kept = snapshots;
		if (kept != null) {
			kept.write(viewer, department, f, clock.instant()); // the next opening paints these at once, also after a restart
		}
		return f;
	}

	/**
	 * The dashboard's figures as last computed for this viewer and scope (by {@link #dashboard}, also before a
	 * restart), to show while the fresh ones are computed; empty when nothing is kept or the kept file is not
	 * usable. Never another viewer's figures nor a wider scope's; {@link DashboardSnapshots.Kept#current()} says
	 * whether they are of {@code today}.
	 *
	 * @throws org.miaopi.core.service.AccessDeniedException as {@link #dashboard} would
	 */
	public java.util.Optional<DashboardSnapshots.Kept> keptDashboard(Officer viewer, String department, LocalDate today) {
		DashboardSnapshots kept = snapshots;
		if (kept == null) {
			SupervisionAccess.scope(viewer).narrowedTo(department, viewer.id());
			return java.util.Optional.empty();
		}
		return kept.read(viewer, department, today);
	}

	/**
	 * Evaluates the open cases and those received from {@code from} on, and stores the cards not stored
	 * yet (a second run on the same facts stores none), repeated yellow cards of an officer included.
	 */
	public Run evaluate(Officer viewer, String department, LocalDate from, LocalDate today) {
		Map<String, CaseRecord> cases = new LinkedHashMap<>();
		for (CaseRecord c : records.cases(viewer, CaseQuery.open(department))) {
			cases.put(c.number(), c);
		}
		if (!from.isAfter(today)) {
			for (CaseRecord c : records.cases(viewer, CaseQuery.receivedIn(department, from, today))) {
				cases.putIfAbsent(c.number(), c);
			}
		}
		List<Card> raised = new ArrayList<>();
		for (CaseRecord c : cases.values()) {
			raised.addAll(signals.cards(c, today));
		}
		LocalDate monthStart = raised.stream().map(Card::raisedOn).min(LocalDate::compareTo).orElse(today).withDayOfMonth(1);
		List<Card> yellows = new ArrayList<>(records.cards(viewer, department, monthStart, today).stream()
				.filter(k -> k.level() == CardLevel.YELLOW).toList());
		yellows.addAll(raised.stream().filter(k -> k.level() == CardLevel.YELLOW).toList());
		raised.addAll(signals.repeats(yellows));
		return new Run(cases.size(), raised, records.recordCards(viewer, raised));
	}

	public List<Card> cards(Officer viewer, String department, LocalDate from, LocalDate to) {
		return records.cards(viewer, department, from, to);
	}

	/** Officers' approvals over a mismatch in a period, with their justification; {@code officer} null for all. */
	public List<DecisionRecord> overrides(Officer viewer, String department, String officer, LocalDate from, LocalDate to) {
		return records.decisions(viewer, department, from, to).stream().filter(DecisionRecord::isOverride)
				.filter(d -> officer == null || officer.equals(d.officerId())).toList();
	}

	/** The period's decisions, for the decision search and sampling. */
	public List<DecisionRecord> decisions(Officer viewer, String department, LocalDate from, LocalDate to) {
		return records.decisions(viewer, department, from, to);
	}

	/** One keyset page of the decision search (see {@link org.miaopi.core.supervision.DecisionQuery}). */
	public List<DecisionRecord> searchDecisions(Officer viewer, org.miaopi.core.supervision.DecisionQuery query) {
		return records.searchDecisions(viewer, query);
	}

	/** Draws and records a reproducible sample of a period's officer and 秒批 decisions. */
	public Sample sample(Officer viewer, String department, LocalDate from, LocalDate to, int percent, String by, long seed) {
		List<String> drawn = Sampler.draw(records.decisions(viewer, department, from, to), percent, by, seed);
		String dept = department != null ? department
				: SupervisionAccess.scope(viewer).all() ? null : viewer.departmentCode();
		return records.recordSample(viewer, new Sample(0, seed, percent, by, from, to, dept, viewer.id(), null, drawn));
	}

	public List<Sample> samples(Officer viewer) {
		return records.samples(viewer);
	}

	public Review review(Officer viewer, long sampleId, String dossierNo, ReviewOutcome outcome, String note) {
		return records.review(viewer, sampleId, dossierNo, outcome, note);
	}

	public List<Review> reviews(Officer viewer, long sampleId) {
		return records.reviews(viewer, sampleId);
	}

	public List<Performance.Row> performance(Officer viewer, String department, Performance.By by, LocalDate from,
			LocalDate to, LocalDate today) {
		List<Card> cards = records.cards(viewer, department, from, to);
		synchronized (cache) {
			CaseCache.Entry cases = cache.cases(records, viewer, CaseQuery.receivedIn(department, from, to), today);
			return Performance.evaluate(cases.cases(), cards, by, from, to, signals.rules(),
					c -> CaseCache.clock(cases, c, signals, today));
		}
	}

	/** The 秒批 replay check of one dossier's automatic decisions. */
	public List<Replay.Result> replay(Officer viewer, String dossierNo) {
		Dossier d = dossiers.find(Officer.SYSTEM, dossierNo).orElse(null);
		if (d == null) {
			return List.of();
		}
		SupervisionAccess.requireSupervises(viewer, d.departmentCode(), "dossier " + dossierNo);
		List<Replay.Result> out = new ArrayList<>();
		for (CaseRecord c : records.cases(viewer, CaseQuery.receivedIn(d.departmentCode(),
				org.miaopi.core.calendar.ChinaTime.dateOf(d.received()), org.miaopi.core.calendar.ChinaTime.dateOf(d.received())))) {
			if (c.number().equals(dossierNo)) {
				c.decisions().stream().filter(DecisionRecord::automatic)
						.forEach(x -> out.add(Replay.check(x, dossiers, matters, signals.calendar())));
			}
		}
		return out;
	}

	/** The replay check of every 秒批 decision of a period. */
	public List<Replay.Result> replay(Officer viewer, String department, LocalDate from, LocalDate to) {
		return records.decisions(viewer, department, from, to).stream().filter(DecisionRecord::automatic)
				.map(x -> Replay.check(x, dossiers, matters, signals.calendar())).toList();
	}

	/** A supervision view as a report table, read with the viewer's scope. */
	public Reports.Table report(Officer viewer, Reports.Request request) {
		SupervisionAccess.scope(viewer).narrowedTo(request.department(), viewer.id()); // refused before anything is read
		return Reports.build(this, viewer, request);
	}

	/** What an export wrote: the report's id, rows, format (csv, pdf) and the file's SHA-256. */
	public record Exported(String id, int rows, String format, String sha256, java.nio.file.Path file) {
	}

	/**
	 * Writes the report to {@code target}: a PDF (the name ends in .pdf) sealed with the supervision office's
	 * seal ({@code report.seal.department}), else CSV (UTF-8 with BOM). The export is an audit event
	 * ({@code supervision.exported}: report, id, rows, format, file and its SHA-256), so the ledger names the
	 * very bytes handed out. Anyone but a supervisor is refused before anything is read or written.
	 */
	public Exported export(Officer viewer, Reports.Request request, java.nio.file.Path target) {
		Reports.Table table = report(viewer, request);
		java.time.Instant at = clock.instant();
		ReportExport.Written w = ReportExport.write(table, viewer, sealer, signals.rules().text("report.seal.department"), at, target);
		String sha = ReportExport.sha256(w.bytes());
		Map<String, String> details = new LinkedHashMap<>();
		details.put("what", request.kind().word() + " " + request.from() + ".." + request.to());
		details.put("rows", Integer.toString(table.rows().size()));
		details.put("to", target.getFileName().toString());
		details.put("report", w.id());
		details.put("format", w.format());
		details.put("sha256", sha);
		records.recordAction(viewer, SupervisionRecords.EXPORTED_EVENT, details);
		return new Exported(w.id(), table.rows().size(), w.format(), sha, target);
	}

	/** Records an export (CSV, report) in the audit ledger. */
	public void exported(Officer viewer, String what, int rows, String target) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("what", what);
		details.put("rows", Integer.toString(rows));
		if (target != null) {
			details.put("to", target);
		}
		records.recordAction(viewer, SupervisionRecords.EXPORTED_EVENT, details);
	}
}
