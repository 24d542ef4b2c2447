package org.miaopi.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;


import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.MaterialVetting;
import org.miaopi.core.content.SubmittedFile;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.model.ThemeApplication;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.materials.PdfPageCounter;

/**
 * Fills a store with demo dossiers. Everything the officers see (dossiers, applicants, shared
 * records, materials) follows from the seed and the reference date alone: same seed, same date,
 * same data. Officer passwords are the exception on purpose: secrets come from SecureRandom.
 */
public final class DemoGenerator {

	/**
	 * @param today       the reference date deadlines are placed around (a Beijing date)
	 * @param allReceived every dossier RECEIVED (for the engine's benchmark); the data are otherwise
	 *                    the same as without it
	 * @param notAfter    the moment of generation when {@code today} is the real date, else null: a
	 *                    dossier drawn for later on that day (office hours run to 17:00) was received
	 *                    by then at the latest, not in the future; a hub refuses a submission time
	 *                    ahead of its clock
	 */
	public record Options(int dossiers, long seed, LocalDate today, boolean officerPasswords, boolean allReceived,
			Instant notAfter) {
		public Options {
			if (dossiers < 0) {
				throw new IllegalArgumentException("dossiers must not be negative: " + dossiers);
			}
		}

		public Options(int dossiers, long seed, LocalDate today, boolean officerPasswords, boolean allReceived) {
			this(dossiers, seed, today, officerPasswords, allReceived, null);
		}

		public Options(int dossiers, long seed, LocalDate today, boolean officerPasswords) {
			this(dossiers, seed, today, officerPasswords, false, null);
		}

		/** Data placed around the Beijing date of {@code now}, none received after it. */
		public static Options asOf(int dossiers, long seed, Instant now, boolean officerPasswords) {
			return new Options(dossiers, seed, ChinaTime.dateOf(now), officerPasswords, false, now);
		}
	}

	/** Told of each batch once it is stored, with the shared records of its applicants. */
	public interface BatchListener {
		void stored(List<Dossier> dossiers, List<SharedRecord> records);
	}

	public record Login(String officerId, String name, String departmentCode, Role role, String password) {
	}

	/** What was generated; {@code hardCases} counts dossiers per kind of difficulty. */
	public record Summary(int dossiers, int sharedRecords, int materialFiles, Map<String, Integer> hardCases,
			List<Login> logins, Duration elapsed) {
	}

	public static final String ACTOR = "demo-generator";
	private static final int BATCH = 1000;
	private static final String PDF = "application/pdf";

	private final WorkingDayCalendar calendar = WorkingDayCalendar.china();
	private final MaterialVetting.PageCounter pageCounter = new PdfPageCounter();

	public Summary fill(StoreAdmin store, Options o, Consumer<String> progress) {
		return fill(store, o, progress, (d, r) -> {
		});
	}

	public Summary fill(StoreAdmin store, Options o, Consumer<String> progress, BatchListener listener) {
		long start = System.nanoTime();
		Random random = new Random(o.seed());
		People people = new People(random, o.today());
		store.clear();
		List<org.miaopi.core.model.Department> departments = new java.util.ArrayList<>(DemoCatalog.DEPARTMENTS);
		departments.add(DemoCatalog.SUPERVISION_OFFICE);
		store.putDepartments(departments);
		List<Login> logins = DemoOfficers.create(store, people, o.officerPasswords());
		Map<String, List<Officer>> officersByDept = new TreeMap<>();
		for (Login l : logins) {
			if (l.role() == Role.OFFICER) {
				officersByDept.computeIfAbsent(l.departmentCode(), k -> new ArrayList<>())
						.add(new Officer(l.officerId(), l.name(), l.departmentCode(), EnumSet.of(Role.OFFICER)));
			}
		}
		Map<String, Integer> hard = new TreeMap<>();
		Batch batch = new Batch();
		int made = 0;
		int records = 0;
		int files = 0;
		int sequence = 0;
		List<DemoMatter> singles = DemoCatalog.MATTERS.stream().filter(m -> m.themeCode() == null).toList();
		int[] singleWeights = { 30, 20, 15, 15 };
		while (made < o.dossiers()) {
			int pick = random.nextInt(100);
			List<DemoMatter> matters;
			String themeNo = null;
			if (pick < 14 && o.dossiers() - made >= 4) {
				matters = DemoCatalog.theme(DemoCatalog.THEME_PHARMACY);
			} else if (pick < 20 && o.dossiers() - made >= 2) {
				matters = DemoCatalog.theme(DemoCatalog.THEME_TRAINING);
			} else {
				matters = List.of(weighted(random, singles, singleWeights));
			}
			DemoCase c = DemoCase.draw(random);
			LocalDate received = c.receivedDate(calendar, o.today(), random, matters.get(0).timeLimit());
			Instant receivedAt = received.atTime(LocalTime.of(9, 0).plusMinutes(random.nextInt(8 * 60)))
					.atZone(ChinaTime.ZONE).toInstant();
			if (o.notAfter() != null && receivedAt.isAfter(o.notAfter())) {
				// drawn for later today: received by now (the draw above stays, so a seed's data stay the same otherwise)
				receivedAt = o.notAfter();
			}
			DemoSubjects.Subject subject = DemoSubjects.subject(people, random, matters.get(0), c);
			if (matters.size() > 1) {
				themeNo = String.format("TH%s%07d", received.toString().replace("-", ""), ++sequence);
				// the theme application lists its matters: the theme waits for every one of them
				batch.themes.add(new ThemeApplication(themeNo, matters.get(0).themeCode(),
						matters.stream().map(DemoMatter::code).toList()));
			}
			// one set of shared records per applicant, one set of materials per application
			List<SharedRecord> shared = DemoSubjects.sharedRecords(random, o.today(), subject, matters, c);
			batch.records.addAll(shared);
			records += shared.size();
			Map<String, byte[]> pdfs = new LinkedHashMap<>();
			for (DemoMatter m : matters) {
				int numbered = ++sequence;
				List<Material> materials = new ArrayList<>();
				boolean first = true;
				for (String req : m.materials()) {
					if (first && c.missingMaterial) {
						first = false;
						continue; // 容缺: the applicant has not supplied it yet
					}
					first = false;
					byte[] pdf = pdfs.computeIfAbsent(req, r -> Pdfs.page(List.of("Miaopi demo material",
							"Requirement: " + r, "Application: " + (matters.size() > 1 ? "theme" : "single"),
							"Applicant: " + subject.applicant().subjectId(), "Seed: " + o.seed())));
					// through the intake check like any applicant's file: the stored type is the one the bytes show
					String fileName = req.toLowerCase() + ".pdf";
					MaterialVetting.Vetted vetted = MaterialVetting.vet(new SubmittedFile(fileName, PDF, pdf), m.limits(),
							pageCounter);
					materials.add(Material.file("M" + materials.size(), req, ContentHashing.sha256(pdf), fileName,
							vetted.type(), vetted.size()));
				}
				if (m.sources().contains(SharedSource.HOUSEHOLD_REGISTRATION) && !shared.isEmpty()) {
					// 材料免提交: the household register stands in for the hukou booklet
					shared.stream().filter(s -> s.source() == SharedSource.HOUSEHOLD_REGISTRATION).findFirst()
							.ifPresent(s -> materials.add(Material.replaced("M" + materials.size(), "HUKOU-BOOKLET", s.ref())));
				}
				DossierStatus status = c.status(random);
				String officer = null;
				if (status != DossierStatus.RECEIVED && status != DossierStatus.PRE_CHECKED
						&& status != DossierStatus.WITHDRAWN) {
					List<Officer> os = officersByDept.get(m.departmentCode());
					officer = os.get(random.nextInt(os.size())).id();
				}
				if (o.allReceived()) {
					// drawn all the same, so the rest of the data stay those of the seed
					status = DossierStatus.RECEIVED;
					officer = null;
				}
				LocalDate day = received;
				Instant at = receivedAt;
				if (status == DossierStatus.RECEIVED && !o.allReceived()) {
					// still RECEIVED: the 秒批 batch, which runs every few minutes, has not seen it yet, so it came in today
					day = o.today();
					at = day.atTime(receivedAt.atZone(ChinaTime.ZONE).toLocalTime()).atZone(ChinaTime.ZONE).toInstant();
					if (o.notAfter() != null && at.isAfter(o.notAfter())) {
						at = o.notAfter();
					}
				}
				String no = String.format("SZ%s%07d", day.toString().replace("-", ""), numbered);
				LocalDate deadline = calendar.addWorkingDays(day, m.timeLimit());
				batch.dossiers.add(new Dossier(no, m.code(), themeNo, subject.applicant(), subject.declared(m), materials,
						at, deadline, status, officer, m.departmentCode()));
				if (status.isDecided()) {
					batch.decisions.add(decision(no, status, officer, receivedAt, deadline, c));
				}
				made++;
			}
			for (byte[] pdf : pdfs.values()) {
				batch.pdfs.add(pdf);
			}
			files += pdfs.size();
			c.count(hard, matters.size());
			if (batch.dossiers.size() >= BATCH) {
				batch.flush(store, listener);
				progress.accept(made + " dossiers");
			}
		}
		batch.flush(store, listener);
		return new Summary(made, records, files, hard, logins, Duration.ofNanos(System.nanoTime() - start));
	}

	/** The decision behind a decided demo dossier, by its officer, on a working day before its deadline. */
	private Decision decision(String no, DossierStatus status, String officer, Instant received, LocalDate deadline,
			DemoCase c) {
		boolean rejected = status == DossierStatus.REJECTED;
		LocalDate day = calendar.addWorkingDays(deadline, -1);
		Instant at = day.atTime(15, 30).atZone(ChinaTime.ZONE).toInstant();
		if (at.isBefore(received)) {
			at = received.plus(Duration.ofHours(1));
		}
		// reasons every matter defines (org.miaopi.checks.Reasons): a supervisor's refusals chart names them
		List<String> reasons = !rejected ? List.of()
				: List.of(c.blacklisted ? org.miaopi.checks.Reasons.BLACKLISTED
						: c.mismatch ? org.miaopi.checks.Reasons.MISMATCH : org.miaopi.checks.Reasons.MATERIAL_MISSING);
		String justification = !rejected && c.mismatch ? "申报信息与共享数据不一致，已核对原件，予以通过" : null;
		return new Decision(no, rejected ? DecisionKind.REJECT : DecisionKind.APPROVE, reasons,
				rejected ? "《中华人民共和国行政许可法》第三十八条第二款" : null, officer, at, false, justification, null, null, null);
	}

	private static <T> T weighted(Random random, List<T> items, int[] weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int r = random.nextInt(total);
		for (int i = 0; i < items.size(); i++) {
			r -= weights[i];
			if (r < 0) {
				return items.get(i);
			}
		}
		return items.get(items.size() - 1);
	}

	private final class Batch {
		final List<Dossier> dossiers = new ArrayList<>();
		final List<SharedRecord> records = new ArrayList<>();
		final List<byte[]> pdfs = new ArrayList<>();
		final List<Decision> decisions = new ArrayList<>();
		final List<ThemeApplication> themes = new ArrayList<>();

		void flush(StoreAdmin store, BatchListener listener) {
			if (!pdfs.isEmpty()) {
				store.putContents(pdfs, PDF);
			}
			if (!records.isEmpty()) {
				store.putSharedRecords(dedupe(records));
			}
			if (!themes.isEmpty()) {
				store.putThemeApplications(themes, ACTOR);
			}
			if (!dossiers.isEmpty()) {
				store.putDossiers(dossiers, ACTOR);
			}
			if (!decisions.isEmpty()) {
				store.putDecisions(decisions, ACTOR);
			}
			if (!dossiers.isEmpty()) {
				listener.stored(List.copyOf(dossiers), List.copyOf(records));
			}
			dossiers.clear();
			themes.clear();
			decisions.clear();
			records.clear();
			pdfs.clear();
		}
	}

	/** The same subject can apply twice in a batch; a shared record is stored once. */
	private static List<SharedRecord> dedupe(List<SharedRecord> records) {
		Set<String> seen = new HashSet<>();
		List<SharedRecord> out = new ArrayList<>();
		for (SharedRecord r : records) {
			if (seen.add(r.source() + "|" + r.subjectId() + "|" + r.asOf().toEpochMilli())) {
				out.add(r);
			}
		}
		return out;
	}
}
