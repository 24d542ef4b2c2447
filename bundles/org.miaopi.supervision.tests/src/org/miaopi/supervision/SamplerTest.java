package org.miaopi.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.supervision.DecisionRecord;

/** 抽查 is reproducible from its seed, takes its share of every group, and never a dossier twice. */
class SamplerTest {

	private static List<DecisionRecord> decisions() {
		List<DecisionRecord> out = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String officer = i < 40 ? "li.na" : "zhao.lei";
			String matter = i % 3 == 0 ? "PHARMACY" : "GRAD-HUKOU";
			out.add(new DecisionRecord(String.format("SZ%04d", i), "PSB", matter, DecisionKind.APPROVE, List.of(), null,
					officer, Instant.parse("2026-11-02T02:00:00Z").plusSeconds(i), false, null, null, null, null, 0));
		}
		return out;
	}

	@Test
	void theSameSeedDrawsTheSameDossiersInWhateverOrderTheDecisionsCome() {
		List<String> first = Sampler.draw(decisions(), 10, Sampler.BY_OFFICER, 20261123L);
		List<DecisionRecord> shuffled = new ArrayList<>(decisions());
		Collections.shuffle(shuffled, new java.util.Random(7));
		assertEquals(first, Sampler.draw(shuffled, 10, Sampler.BY_OFFICER, 20261123L));
		assertNotEquals(first, Sampler.draw(decisions(), 10, Sampler.BY_OFFICER, 20261124L), "another seed, another draw");
	}

	@Test
	void eachGroupGivesItsShareRoundedUpAndAtLeastOne() {
		List<String> drawn = Sampler.draw(decisions(), 10, Sampler.BY_OFFICER, 1L);
		Map<Boolean, Long> byOfficer = drawn.stream()
				.collect(Collectors.partitioningBy(no -> Integer.parseInt(no.substring(2)) < 40, Collectors.counting()));
		assertEquals(4L, byOfficer.get(true), "10 % of li.na's 40");
		assertEquals(2L, byOfficer.get(false), "10 % of zhao.lei's 20");
		assertEquals(2, Sampler.draw(decisions(), 1, Sampler.BY_MATTER, 1L).size(), "one of each matter at least");
		assertEquals(60, Sampler.draw(decisions(), 100, Sampler.BY_MATTER, 1L).size(), "all, each once");
		assertEquals(List.of(), Sampler.draw(List.of(), 10, Sampler.BY_MATTER, 1L), "no decisions, no sample");
	}

	@Test
	void aDossierDecidedTwiceIsOneCandidate() {
		List<DecisionRecord> twice = new ArrayList<>(decisions().subList(0, 1));
		DecisionRecord d = twice.get(0);
		twice.add(new DecisionRecord(d.dossierNo(), "PSB", d.matterCode(), DecisionKind.APPROVE, List.of(), null, d.officerId(),
				d.time().plusSeconds(60), false, null, null, null, null, 0));
		assertEquals(List.of(d.dossierNo()), Sampler.draw(twice, 100, Sampler.BY_OFFICER, 3L));
	}

	@Test
	void aShareOutsideOneToHundredOrAnUnknownGroupingIsRefused() {
		assertThrows(IllegalArgumentException.class, () -> Sampler.draw(decisions(), 0, Sampler.BY_OFFICER, 1L));
		assertThrows(IllegalArgumentException.class, () -> Sampler.draw(decisions(), 101, Sampler.BY_OFFICER, 1L));
		assertThrows(IllegalArgumentException.class, () -> Sampler.draw(decisions(), 10, "department", 1L));
	}
}
