package org.miaopi.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.model.Applicant;
import org.miaopi.core.model.LegalPerson;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

/**
 * Demo applicants: what they declare for a matter, and the shared records the government holds
 * about them (which disagree, or are old, where their {@link DemoCase} says so).
 */
final class DemoSubjects {

	private DemoSubjects() {
	}

	record Subject(Applicant applicant, Map<String, String> base, Map<String, String> recorded) {
		Map<String, String> declared(DemoMatter m) {
			Map<String, String> d = new LinkedHashMap<>(base);
			d.put("matter", m.nameZh());
			return d;
		}
	}

	static Subject subject(People people, Random random, DemoMatter m, DemoCase c) {
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

	static List<SharedRecord> sharedRecords(Random random, LocalDate today, Subject s, List<DemoMatter> matters,
			DemoCase c) {
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
}
