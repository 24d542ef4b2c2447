package org.miaopi.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Applicant;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.LegalPerson;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.StoreAdmin;

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
	 */
	public record Options(int dossiers, long seed, LocalDate today, boolean officerPasswords, boolean allReceived) {
		public Options {
			if (dossiers < 0) {
				throw new IllegalArgumentException("dossiers must not be negative: " + dossiers);
			}
		}

		public Options(int dossiers, long seed, LocalDate today, boolean officerPasswords) {
			this(dossiers, seed, today, officerPasswords, false);
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

	public Summary fill(StoreAdmin store, Options o, Consumer<String> progress) {
		return fill(store, o, progress, (d, r) -> {
		});
	}

	public Summary fill(StoreAdmin store, Options o, Consumer<String> progress, BatchListener listener) {
		long start = System.nanoTime();
		Random random = new Random(o.seed());
		People people = new People(random, o.today());
		store.clear();
		store.putDepartments(DemoCatalog.DEPARTMENTS);
		List<Login> logins = officers(store, people, o.officerPasswords());
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
			Case c = Case.draw(random);
			LocalDate received = c.receivedDate(this, o.today(), random, matters.get(0).timeLimit());
			Instant receivedAt = received.atTime(LocalTime.of(9, 0).plusMinutes(random.nextInt(8 * 60)))
					.atZone(ChinaTime.ZONE).toInstant();
			Subject subject = subject(people, random, matters.get(0), c);
			if (matters.size() > 1) {
				themeNo = String.format("TH%s%07d", received.toString().replace("-", ""), ++sequence);
			}
			// one set of shared records per applicant, one set of materials per application
			List<SharedRecord> shared = sharedRecords(random, o.today(), subject, matters, c);
			batch.records.addAll(shared);
			records += shared.size();
			Map<String, byte[]> pdfs = new LinkedHashMap<>();
			for (DemoMatter m : matters) {
				String no = String.format("SZ%s%07d", received.toString().replace("-", ""), ++sequence);
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
							"Applicant: " + subject.applicant.subjectId(), "Seed: " + o.seed())));
					materials.add(Material.file("M" + materials.size(), req, ContentHashing.sha256(pdf),
							req.toLowerCase() + ".pdf", PDF, pdf.length));
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
				LocalDate deadline = calendar.addWorkingDays(received, m.timeLimit());
				batch.dossiers.add(new Dossier(no, m.code(), themeNo, subject.applicant, subject.declared(m), materials,
						receivedAt, deadline, status, officer, m.departmentCode()));
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
			Case c) {
		boolean rejected = status == DossierStatus.REJECTED;
		LocalDate day = calendar.addWorkingDays(deadline, -1);
		Instant at = day.atTime(15, 30).atZone(ChinaTime.ZONE).toInstant();
		if (at.isBefore(received)) {
			at = received.plus(Duration.ofHours(1));
		}
		List<String> reasons = rejected ? List.of(c.blacklisted ? "CREDIT-BLACKLIST" : "CONDITIONS-NOT-MET") : List.of();
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

		void flush(StoreAdmin store, BatchListener listener) {
			if (!pdfs.isEmpty()) {
				store.putContents(pdfs, PDF);
			}
			if (!records.isEmpty()) {
				store.putSharedRecords(dedupe(records));
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

	// ---------------------------------------------------------------- applicants and records

	private record Subject(Applicant applicant, Map<String, String> base, Map<String, String> recorded) {
		Map<String, String> declared(DemoMatter m) {
			Map<String, String> d = new LinkedHashMap<>(base);
			d.put("matter", m.nameZh());
			return d;
		}
	}

	private Subject subject(People people, Random random, DemoMatter m, Case c) {
		Map<String, String> declared = new LinkedHashMap<>();
		Map<String, String> recorded;
		Applicant applicant;
		if (m.legalPerson()) {
			boolean training = DemoCatalog.THEME_TRAINING.equals(m.themeCode());
			String rep = people.name();
			String firm = people.firmName(training);
			applicant = new LegalPerson(people.creditCode(false), firm, rep);
			declared.put("companyName", firm);
			declared.put("creditCode", applicant.subjectId());
			declared.put("legalRepresentative", rep);
			declared.put("address", people.address());
			declared.put("legalRepresentativeId", people.residentId(28, 60, random.nextBoolean()).value());
		} else {
			String name = people.name();
			var id = switch (m.code()) {
				case "GRAD-HUKOU" -> people.residentId(21, 27, random.nextInt(4) == 0);
				case "ELDER-ALLOWANCE" -> people.residentId(80, 100, true);
				case "RIDE-HAILING-DRIVER" -> people.residentId(25, 55, random.nextBoolean());
				default -> people.residentId(20, 60, random.nextBoolean());
			};
			applicant = new NaturalPerson(id, name);
			declared.put("name", name);
			declared.put("residentId", id.value());
			declared.put("address", people.address());
			switch (m.code()) {
				case "GRAD-HUKOU" -> {
					declared.put("school", people.school());
					declared.put("degree", People.DEGREES[random.nextInt(People.DEGREES.length)]);
					declared.put("graduationYear", "2026");
					declared.put("employer", people.firmName(false).replace("大药房", "科技"));
				}
				case "ELDER-ALLOWANCE" -> declared.put("bankAccount", "6222" + String.format("%015d", Math.abs(random.nextLong()) % 1_000_000_000_000_000L));
				case "RIDE-HAILING-DRIVER" -> {
					declared.put("drivingLicenceNo", id.value());
					declared.put("yearsDriving", Integer.toString(3 + random.nextInt(20)));
				}
				default -> declared.put("purpose", random.nextBoolean() ? "入职" : "出国留学");
			}
		}
		recorded = new LinkedHashMap<>(declared);
		if (c.mismatch) {
			// the shared record disagrees with one declared field
			String key = recorded.containsKey("school") ? "school" : "address";
			recorded.put(key, key.equals("school") ? people.school() + "（继续教育学院）" : people.address());
		}
		return new Subject(applicant, declared, recorded);
	}

	private List<SharedRecord> sharedRecords(Random random, LocalDate today, Subject s, List<DemoMatter> matters, Case c) {
		Set<SharedSource> sources = EnumSet.noneOf(SharedSource.class);
		matters.forEach(m -> sources.addAll(m.sources()));
		if (!c.blacklisted) {
			sources.remove(SharedSource.CREDIT_BLACKLIST);
		} else {
			sources.add(SharedSource.CREDIT_BLACKLIST);
		}
		if (s.applicant instanceof NaturalPerson) {
			sources.add(SharedSource.SOCIAL_SECURITY);
		}
		List<SharedRecord> out = new ArrayList<>();
		String id = s.applicant.subjectId();
		for (SharedSource source : sources) {
			int daysOld = c.stale ? 700 + random.nextInt(400) : 1 + random.nextInt(90);
			Instant asOf = today.minusDays(daysOld).atTime(2, 0).atZone(ChinaTime.ZONE).toInstant();
			Map<String, String> f = new LinkedHashMap<>();
			switch (source) {
				case HOUSEHOLD_REGISTRATION -> {
					f.put("name", s.recorded.getOrDefault("name", s.recorded.get("legalRepresentative")));
					f.put("address", s.recorded.get("address"));
					f.put("hukouType", random.nextInt(3) == 0 ? "集体户" : "家庭户");
					// and the register's previous entry: shared data have history
					Map<String, String> old = new LinkedHashMap<>(f);
					old.put("address", "原籍");
					out.add(new SharedRecord(source, id, old, asOf.minus(Duration.ofDays(400 + random.nextInt(800)))));
				}
				case EDUCATION -> {
					f.put("school", s.recorded.getOrDefault("school", ""));
					f.put("degree", s.recorded.getOrDefault("degree", ""));
					f.put("graduationYear", s.recorded.getOrDefault("graduationYear", ""));
				}
				case SOCIAL_SECURITY -> {
					int months = random.nextInt(120);
					f.put("employer", s.recorded.getOrDefault("employer", "无"));
					f.put("monthsContributed", Integer.toString(months));
					// last year's statement too: look-ups must pick the newest
					Map<String, String> old = new LinkedHashMap<>(f);
					old.put("monthsContributed", Integer.toString(Math.max(0, months - 12)));
					out.add(new SharedRecord(source, id, old, asOf.minus(Duration.ofDays(365))));
				}
				case BUSINESS_REGISTRY -> {
					f.put("companyName", s.recorded.get("companyName"));
					f.put("legalRepresentative", s.recorded.get("legalRepresentative"));
					f.put("address", s.recorded.get("address"));
					f.put("status", "存续");
				}
				case CREDIT_BLACKLIST -> {
					f.put("listed", "true");
					f.put("reason", random.nextBoolean() ? "失信被执行人" : "重大税收违法");
					f.put("listedBy", "深圳市中级人民法院");
				}
				case LICENCE_REGISTRY -> {
					f.put("licences", s.applicant instanceof LegalPerson ? "营业执照" : "机动车驾驶证");
					f.put("holder", s.applicant.name());
				}
			}
			out.add(new SharedRecord(source, id, f, asOf));
		}
		return out;
	}

	// ---------------------------------------------------------------- hard cases

	/** The controlled share of difficult dossiers. */
	private static final class Case {
		boolean mismatch;
		boolean stale;
		boolean blacklisted;
		boolean missingMaterial;
		/** 0 normal, 1 near the deadline, 2 past it (open dossiers), 3 decided long ago */
		int timing;

		static Case draw(Random r) {
			Case c = new Case();
			c.mismatch = r.nextInt(100) < 10;
			c.stale = r.nextInt(100) < 6;
			c.blacklisted = r.nextInt(100) < 3;
			c.missingMaterial = r.nextInt(100) < 7;
			int t = r.nextInt(100);
			c.timing = t < 8 ? 1 : t < 12 ? 2 : t < 40 ? 3 : 0;
			return c;
		}

		LocalDate receivedDate(DemoGenerator g, LocalDate today, Random r, int limit) {
			int k = switch (timing) {
				case 1 -> Math.max(0, limit - 2) + r.nextInt(Math.min(3, limit + 1));
				case 2 -> limit + 1 + r.nextInt(10);
				case 3 -> limit + 1 + r.nextInt(80);
				default -> r.nextInt(Math.max(1, limit - 2));
			};
			return g.calendar.addWorkingDays(today, -k);
		}

		DossierStatus status(Random r) {
			if (timing == 3) {
				int p = r.nextInt(100);
				return p < 35 ? DossierStatus.CERTIFICATE_ISSUED : p < 60 ? DossierStatus.ARCHIVED
						: p < 85 ? DossierStatus.APPROVED : p < 95 ? DossierStatus.REJECTED : DossierStatus.WITHDRAWN;
			}
			if (missingMaterial) {
				return r.nextBoolean() ? DossierStatus.SUPPLEMENT_REQUESTED : DossierStatus.PRE_CHECKED;
			}
			int p = r.nextInt(100);
			return p < 10 ? DossierStatus.RECEIVED : p < 25 ? DossierStatus.PRE_CHECKED
					: p < 45 ? DossierStatus.ASSIGNED : p < 92 ? DossierStatus.IN_REVIEW : DossierStatus.SUPPLEMENT_REQUESTED;
		}

		void count(Map<String, Integer> hard, int n) {
			if (mismatch) {
				hard.merge("declared data mismatch records", n, Integer::sum);
			}
			if (stale) {
				hard.merge("stale shared records", n, Integer::sum);
			}
			if (blacklisted) {
				hard.merge("blacklisted applicant", n, Integer::sum);
			}
			if (missingMaterial) {
				hard.merge("missing material", n, Integer::sum);
			}
			if (timing == 1) {
				hard.merge("near deadline (<= 2 working days)", n, Integer::sum);
			}
			if (timing == 2) {
				hard.merge("past deadline", n, Integer::sum);
			}
		}
	}

	// ---------------------------------------------------------------- officers

	private static List<Login> officers(StoreAdmin store, People people, boolean passwords) {
		List<Login> logins = new ArrayList<>();
		List<Officer> officers = new ArrayList<>();
		Map<String, String> hashes = new LinkedHashMap<>();
		SecureRandom secure = new SecureRandom();
		for (Department d : DemoCatalog.DEPARTMENTS) {
			String prefix = d.code().substring(2).toLowerCase();
			for (int i = 1; i <= 4; i++) {
				Role role = i == 4 ? Role.SUPERVISOR : Role.OFFICER;
				String id = prefix + (role == Role.SUPERVISOR ? ".supervisor" : ".officer" + i);
				officers.add(new Officer(id, people.name(), d.code(), EnumSet.of(role)));
			}
		}
		officers.add(new Officer("admin", people.name(), DemoCatalog.DEPARTMENTS.get(0).code(), EnumSet.of(Role.ADMIN)));
		for (Officer o : officers) {
			String password = null;
			if (passwords) {
				byte[] b = new byte[9];
				secure.nextBytes(b);
				password = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
				hashes.put(o.id(), hash(password, secure));
			}
			logins.add(new Login(o.id(), o.name(), o.departmentCode(), o.roles().iterator().next(), password));
		}
		store.putOfficers(officers, hashes);
		return logins;
	}

	/** PBKDF2-HMAC-SHA256, 210,000 iterations (OWASP 2023), as {@code pbkdf2-sha256$iterations$salt$hash}. */
	static String hash(String password, SecureRandom random) {
		try {
			byte[] salt = new byte[16];
			random.nextBytes(salt);
			int iterations = 210_000;
			PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
			byte[] h = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
			Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
			return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(h);
		} catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
		}
	}
}
