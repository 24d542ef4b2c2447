package org.miaopi.core.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What supervision reads from and writes to a record (the desk's store today; the hub's record, through
 * the desk's cache, once synced). Every method takes the acting supervisor and applies
 * {@link SupervisionAccess} itself: a department supervisor reads their department, a city supervisor
 * all, anyone else nothing. Every write, and every other supervisor action named by
 * {@link #recordAction}, is one audit event in the same transaction.
 */
public interface SupervisionRecords {

	/** Audit event of an evaluation run that stored cards (details: new, seen, on). */
	String CARDS_EVENT = "supervision.cards-recorded";
	/** Audit event of a random sample drawn (details: sample, seed, percent, by, period, dossiers). */
	String SAMPLED_EVENT = "supervision.sampled";
	/** Audit event of a supervisor's review of a sampled decision. */
	String REVIEWED_EVENT = "supervision.reviewed";
	/** Audit event of an export (a report, a CSV). */
	String EXPORTED_EVENT = "supervision.exported";

	/** Dossiers with their steps and decisions, by number. */
	List<CaseRecord> cases(org.miaopi.core.model.Officer viewer, CaseQuery query);

	/** Decisions taken in a period (Beijing dates, inclusive), by dossier number then time. */
	List<DecisionRecord> decisions(org.miaopi.core.model.Officer viewer, String department, LocalDate from, LocalDate to);

	/**
	 * Stores the cards whose {@link Card#key()} is not stored yet, and one {@value #CARDS_EVENT} event.
	 *
	 * @return the cards stored now (with their recording time); those already stored are left out
	 * @throws org.miaopi.core.service.AccessDeniedException if a card is of a department the viewer
	 *                                                       does not supervise
	 */
	List<Card> recordCards(org.miaopi.core.model.Officer viewer, List<Card> cards);

	/** Cards raised in a period (inclusive), most serious first, then by dossier. */
	List<Card> cards(org.miaopi.core.model.Officer viewer, String department, LocalDate from, LocalDate to);

	/** Numbers and stores a sample with its {@value #SAMPLED_EVENT} event; its dossiers wait for review. */
	Sample recordSample(org.miaopi.core.model.Officer viewer, Sample sample);

	/** The samples the viewer may see, newest first. */
	List<Sample> samples(org.miaopi.core.model.Officer viewer);

	/**
	 * Records the finding on one sampled decision ({@value #REVIEWED_EVENT}); a second finding replaces
	 * the first, and both are in the ledger.
	 *
	 * @throws IllegalArgumentException if the dossier is not in the sample
	 */
	Review review(org.miaopi.core.model.Officer viewer, long sampleId, String dossierNo, ReviewOutcome outcome, String note);

	/** A sample's dossiers with their findings so far, by dossier number. */
	List<Review> reviews(org.miaopi.core.model.Officer viewer, long sampleId);

	/** Records another supervisor action, e.g. {@value #EXPORTED_EVENT}, as an audit event. */
	void recordAction(org.miaopi.core.model.Officer viewer, String type, Map<String, String> details);

	/**
	 * One page of the decision search, newest first (see {@link DecisionQuery}). This default filters
	 * {@link #decisions} in memory; a store answers with one keyset query.
	 */
	default List<DecisionRecord> searchDecisions(org.miaopi.core.model.Officer viewer, DecisionQuery q) {
		LocalDate from = q.from() == null ? LocalDate.of(2000, 1, 1) : q.from();
		LocalDate to = q.to() == null ? LocalDate.of(2999, 12, 31) : q.to();
		java.util.Set<String> carded = q.carded() ? new java.util.HashSet<>(cards(viewer, q.department(), from, to).stream()
				.map(Card::dossierNo).filter(java.util.Objects::nonNull).toList()) : null;
		return decisions(viewer, q.department(), from, to).stream().filter(q::matches)
				.filter(d -> carded == null || carded.contains(d.dossierNo()))
				.sorted(java.util.Comparator.comparing(DecisionRecord::time).thenComparing(DecisionRecord::dossierNo).reversed())
				.filter(d -> q.afterTime() == null || d.time().isBefore(q.afterTime())
						|| d.time().equals(q.afterTime()) && d.dossierNo().compareTo(q.afterDossier()) < 0)
				.limit(q.limit()).toList();
	}

	/**
	 * Where the record stands ({@code position}) and the dossiers with a step after the position asked about;
	 * {@code dossiers} null: anything may have changed (read everything again).
	 */
	record Changes(long position, java.util.Set<String> dossiers) {
	}

	/**
	 * The record's position now (its audit ledger's last sequence) and the dossiers that have a step after
	 * {@code since} (none when {@code since} is negative); null when this record cannot tell, and then a
	 * caller that keeps figures reads everything again.
	 */
	default Changes changesSince(long since) {
		return null;
	}

	/**
	 * These dossiers as {@link #cases} reads them, of those the viewer supervises in {@code department} (null:
	 * all in scope); only called after {@link #changesSince} answered.
	 */
	default List<CaseRecord> cases(org.miaopi.core.model.Officer viewer, String department,
			java.util.Collection<String> numbers) {
		throw new UnsupportedOperationException("this record does not read dossiers by number");
	}
}
