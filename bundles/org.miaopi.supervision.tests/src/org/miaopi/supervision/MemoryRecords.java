package org.miaopi.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.core.model.Officer;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CaseQuery;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.DecisionRecord;
import org.miaopi.core.supervision.Review;
import org.miaopi.core.supervision.ReviewOutcome;
import org.miaopi.core.supervision.Sample;
import org.miaopi.core.supervision.SupervisionAccess;
import org.miaopi.core.supervision.SupervisionRecords;

/** SupervisionRecords in memory, keyed like the store (one card per key), with the core's access rule. */
final class MemoryRecords implements SupervisionRecords {

	final List<CaseRecord> cases = new ArrayList<>();
	final Map<String, Card> cards = new LinkedHashMap<>();
	final List<Sample> samples = new ArrayList<>();
	final List<String> events = new ArrayList<>();

	@Override
	public List<CaseRecord> cases(Officer viewer, CaseQuery q) {
		var scope = SupervisionAccess.scope(viewer).narrowedTo(q.department(), viewer.id());
		return cases.stream().filter(c -> scope.covers(c.departmentCode()))
				.filter(c -> q.openOnly() ? c.isOpen() || c.status() == org.miaopi.core.lifecycle.DossierStatus.APPROVED
						: !org.miaopi.core.calendar.ChinaTime.dateOf(c.received()).isBefore(q.from())
								&& !org.miaopi.core.calendar.ChinaTime.dateOf(c.received()).isAfter(q.to()))
				.toList();
	}

	@Override
	public List<DecisionRecord> decisions(Officer viewer, String department, LocalDate from, LocalDate to) {
		var scope = SupervisionAccess.scope(viewer).narrowedTo(department, viewer.id());
		return cases.stream().filter(c -> scope.covers(c.departmentCode())).flatMap(c -> c.decisions().stream()).toList();
	}

	@Override
	public List<Card> recordCards(Officer viewer, List<Card> raised) {
		events.add(CARDS_EVENT);
		List<Card> stored = new ArrayList<>();
		for (Card k : raised) {
			SupervisionAccess.requireSupervises(viewer, k.departmentCode(), k.key());
			if (!cards.containsKey(k.key())) {
				Card r = k.recordedAt(Instant.now());
				cards.put(k.key(), r);
				stored.add(r);
			}
		}
		return stored;
	}

	@Override
	public List<Card> cards(Officer viewer, String department, LocalDate from, LocalDate to) {
		var scope = SupervisionAccess.scope(viewer).narrowedTo(department, viewer.id());
		return cards.values().stream().filter(k -> scope.covers(k.departmentCode()))
				.filter(k -> !k.raisedOn().isBefore(from) && !k.raisedOn().isAfter(to)).toList();
	}

	@Override
	public Sample recordSample(Officer viewer, Sample sample) {
		events.add(SAMPLED_EVENT + " seed=" + sample.seed() + " " + sample.dossierNos());
		Sample s = sample.numbered(samples.size() + 1, Instant.now());
		samples.add(s);
		return s;
	}

	@Override
	public List<Sample> samples(Officer viewer) {
		return samples;
	}

	@Override
	public Review review(Officer viewer, long sampleId, String dossierNo, ReviewOutcome outcome, String note) {
		throw new UnsupportedOperationException();
	}

	@Override
	public List<Review> reviews(Officer viewer, long sampleId) {
		return List.of();
	}

	@Override
	public void recordAction(Officer viewer, String type, Map<String, String> details) {
		events.add(type);
	}
}
