package org.miaopi.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.id.ResidentId;
import org.miaopi.core.id.UnifiedSocialCreditCode;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.LegalPerson;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.QueueQuery;

class DemoGeneratorTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	private static RecordingStore generate(int n, long seed, boolean passwords) {
		RecordingStore store = new RecordingStore();
		new DemoGenerator().fill(store, new DemoGenerator.Options(n, seed, TODAY, passwords), p -> {
		});
		return store;
	}

	@Test
	void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
		RecordingStore a = generate(600, 7, false);
		RecordingStore b = generate(600, 7, false);
		RecordingStore c = generate(600, 8, false);
		assertEquals(600, a.dossiers.size());
		assertEquals(a.dossiers, b.dossiers);
		assertEquals(a.records, b.records);
		assertEquals(a.contents.keySet(), b.contents.keySet());
		assertEquals(a.officers, b.officers);
		assertNotEquals(a.dossiers, c.dossiers);
	}

	@Test
	void identifiersAreValidAndDossierNumbersUnique() {
		RecordingStore s = generate(1000, 3, false);
		Set<String> numbers = new HashSet<>();
		for (Dossier d : s.dossiers) {
			assertTrue(numbers.add(d.number()), "duplicate " + d.number());
			if (d.applicant() instanceof NaturalPerson p) {
				assertEquals(p.residentId(), ResidentId.parse(p.residentId().value(), TODAY));
			} else {
				LegalPerson l = (LegalPerson) d.applicant();
				assertEquals(l.creditCode(), UnifiedSocialCreditCode.parse(l.creditCode().value()));
			}
		}
		Set<String> matters = s.dossiers.stream().map(Dossier::matterCode).collect(Collectors.toSet());
		assertEquals(DemoCatalog.MATTERS.size(), matters.size(), "every matter appears: " + matters);
	}

	@Test
	void hardCasesComeInAControlledShare() {
		RecordingStore s = generate(3000, 11, false);
		WorkingDayCalendar cal = WorkingDayCalendar.china();
		long open = s.dossiers.stream().filter(d -> QueueQuery.OPEN.contains(d.status())).count();
		long past = s.dossiers.stream().filter(d -> QueueQuery.OPEN.contains(d.status()) && d.deadline().isBefore(TODAY)).count();
		long near = s.dossiers.stream().filter(d -> QueueQuery.OPEN.contains(d.status())).mapToInt(d -> cal.workingDaysBetween(TODAY, d.deadline()))
				.filter(w -> w >= 0 && w <= 2).count();
		assertTrue(past > open * 0.02 && past < open * 0.15, "past deadline " + past + " of " + open);
		assertTrue(near > open * 0.05 && near < open * 0.30, "near deadline " + near + " of " + open);
		long blacklisted = s.records.stream().filter(r -> r.source() == SharedSource.CREDIT_BLACKLIST)
				.map(r -> r.subjectId()).distinct().count();
		assertTrue(blacklisted > 0 && blacklisted < 3000 * 0.08, "blacklisted " + blacklisted);
		long stale = s.records.stream().filter(r -> r.asOf().isBefore(TODAY.minusYears(1).atStartOfDay(
				org.miaopi.core.calendar.ChinaTime.ZONE).toInstant()) && r.source() != SharedSource.HOUSEHOLD_REGISTRATION).count();
		assertTrue(stale > 0, "no stale records");
		long missing = s.dossiers.stream().filter(d -> d.materials().stream().filter(Material::hasFile).count()
				< DemoCatalog.MATTERS.stream().filter(m -> m.code().equals(d.matterCode())).findFirst().orElseThrow().materials().size()).count();
		assertTrue(missing > 3000 * 0.03 && missing < 3000 * 0.15, "missing material " + missing);
		// declared data that disagrees with the newest shared record of the same field
		long mismatched = s.dossiers.stream().filter(d -> mismatches(d, s)).count();
		assertTrue(mismatched > 3000 * 0.04 && mismatched < 3000 * 0.2, "mismatches " + mismatched);
		assertTrue(s.records.size() > 2 * 3000, "about three shared records per dossier, got " + s.records.size());
	}

	private static boolean mismatches(Dossier d, RecordingStore s) {
		for (var r : s.records) {
			if (!r.subjectId().equals(d.applicant().subjectId()) || r.source() == SharedSource.HOUSEHOLD_REGISTRATION
					&& "原籍".equals(r.fields().get("address"))) {
				continue;
			}
			for (Map.Entry<String, String> f : r.fields().entrySet()) {
				String declared = d.declaredData().get(f.getKey());
				if (declared != null && (f.getKey().equals("school") || f.getKey().equals("address"))
						&& !declared.equals(f.getValue())) {
					return true;
				}
			}
		}
		return false;
	}

	@Test
	void materialsAreRealPdfsWithTheirHashesAndThemesShareThem() {
		RecordingStore s = generate(400, 5, false);
		Pattern obj = Pattern.compile("(\\d{10}) 00000 n ");
		for (Map.Entry<Sha256, byte[]> e : s.contents.entrySet()) {
			assertEquals(e.getKey(), ContentHashing.sha256(e.getValue()));
			String pdf = new String(e.getValue(), StandardCharsets.ISO_8859_1);
			assertTrue(pdf.startsWith("%PDF-1.4\n") && pdf.endsWith("%%EOF\n"));
			Matcher m = obj.matcher(pdf);
			int n = 0;
			while (m.find()) {
				n++;
				assertTrue(pdf.startsWith(n + " 0 obj", Integer.parseInt(m.group(1))), "xref entry " + n + " is off");
			}
			assertEquals(5, n);
		}
		for (Dossier d : s.dossiers) {
			for (Material m : d.materials()) {
				if (m.hasFile()) {
					assertEquals(m.size(), s.contents.get(m.contentHash()).length);
				}
			}
		}
		// the members of one theme application carry the same lease file, stored once
		Map<String, List<Dossier>> themes = s.dossiers.stream().filter(Dossier::isPartOfTheme)
				.collect(Collectors.groupingBy(Dossier::themeDossierNo));
		assertTrue(themes.size() > 0);
		for (List<Dossier> members : themes.values()) {
			Set<Sha256> leases = members.stream().flatMap(d -> d.materials().stream())
					.filter(m -> m.requirementCode().equals("PREMISES-LEASE")).map(Material::contentHash)
					.collect(Collectors.toSet());
			assertTrue(leases.size() <= 1, "lease stored " + leases.size() + " times");
		}
		// each theme application lists exactly its members' matters, and is stored with (or before) them
		Map<String, org.miaopi.core.model.ThemeApplication> apps = s.themes.stream()
				.collect(Collectors.toMap(org.miaopi.core.model.ThemeApplication::number, a -> a));
		assertEquals(themes.keySet(), apps.keySet());
		themes.forEach((no, members) -> assertEquals(members.stream().map(Dossier::matterCode).toList(),
				apps.get(no).matterCodes(), no));
	}

	@Test
	void everyDecidedDossierHasItsDecision() {
		RecordingStore s = generate(800, 9, false);
		Map<String, org.miaopi.core.model.Decision> byDossier = s.decisions.stream()
				.collect(Collectors.toMap(org.miaopi.core.model.Decision::dossierNo, d -> d));
		long decided = 0;
		for (Dossier d : s.dossiers) {
			var decision = byDossier.get(d.number());
			if (d.status().isDecided()) {
				decided++;
				assertEquals(d.assignedOfficerId(), decision.officerId());
				assertEquals(d.status() == org.miaopi.core.lifecycle.DossierStatus.REJECTED,
						decision.kind() == org.miaopi.core.model.DecisionKind.REJECT, d.number());
			} else {
				assertNull(decision, d.number());
			}
		}
		assertTrue(decided > 0);
		assertEquals(decided, s.decisions.size());
	}

	@Test
	void passwordsAreGeneratedOnlyWhenAskedAndStoredHashed() {
		RecordingStore without = generate(10, 1, false);
		assertTrue(without.passwordHashes.isEmpty());
		RecordingStore with = new RecordingStore();
		DemoGenerator.Summary s = new DemoGenerator().fill(with, new DemoGenerator.Options(10, 1, TODAY, true), p -> {
		});
		assertEquals(with.officers.size(), with.passwordHashes.size());
		for (DemoGenerator.Login l : s.logins()) {
			String hash = with.passwordHashes.get(l.officerId());
			assertTrue(hash.startsWith("pbkdf2-sha256$210000$"), hash);
			assertTrue(!hash.contains(l.password()));
		}
		assertNull(generate(10, 1, false).passwordHashes.get("admin"));
	}
}
