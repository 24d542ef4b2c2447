package org.miaopi.core.service;

import java.util.List;
import java.util.Optional;

import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

/**
 * Dossiers as the workbench and the CLI see them. Every method takes the acting user and
 * applies the access rules itself: officers and supervisors see their own department only,
 * and only officers (or the 秒批 system) move dossiers.
 */
public interface DossierService {

	Optional<Dossier> find(Officer viewer, String dossierNo);

	QueuePage queue(Officer viewer, QueueQuery query);

	/**
	 * The one way a dossier changes status: checks the lifecycle and the actor's rights,
	 * applies the change (and the decision, if any) and appends the audit event, all in one
	 * transaction.
	 *
	 * @throws org.miaopi.core.lifecycle.IllegalTransitionException if the lifecycle forbids the move
	 * @throws AccessDeniedException if the actor may not do it
	 * @throws StoreException if the store fails; nothing is then changed
	 */
	Dossier transition(Officer actor, TransitionRequest request);

	/**
	 * The dossiers of one theme (一件事) application, i.e. those whose {@code themeDossierNo} is
	 * {@code themeNo}, by number. A theme spans departments: an officer or supervisor gets the
	 * members of their own department, the 秒批 system all of them. Empty for an unknown theme.
	 */
	List<Dossier> themeMembers(Officer viewer, String themeNo);

	/** The dossier's audit events, oldest first. */
	List<AuditEvent> history(Officer viewer, String dossierNo);

	List<Decision> decisions(Officer viewer, String dossierNo);

	List<ComparisonResult> comparisons(Officer viewer, String dossierNo);

	/**
	 * For a page of the queue: how many comparison results of each dossier need attention. A
	 * dossier with no comparison results (not compared yet, or unknown) has no entry. A store
	 * answers with a fixed number of queries per page; this default asks {@link #comparisons} per dossier.
	 *
	 * @throws AccessDeniedException if the viewer may not read one of the dossiers
	 */
	default java.util.Map<String, Long> attentionCounts(Officer viewer, java.util.Collection<String> dossierNos) {
		java.util.Map<String, Long> counts = new java.util.HashMap<>();
		for (String no : dossierNos) {
			List<ComparisonResult> results = comparisons(viewer, no);
			if (!results.isEmpty()) {
				counts.put(no, results.stream().filter(ComparisonResult::needsAttention).count());
			}
		}
		return counts;
	}

	/**
	 * When each of the given dossiers was decided: the time of its last approving or rejecting
	 * decision (requests for a supplement do not decide). Dossiers with none have no entry. What
	 * {@link org.miaopi.core.model.Timeliness} measures a decided dossier by; this default asks
	 * {@link #decisions} per dossier, so callers pass the decided ones only.
	 */
	default java.util.Map<String, java.time.Instant> decisionTimes(Officer viewer, java.util.Collection<String> dossierNos) {
		java.util.Map<String, java.time.Instant> times = new java.util.HashMap<>();
		for (String no : dossierNos) {
			decisions(viewer, no).stream().filter(d -> d.kind() != org.miaopi.core.model.DecisionKind.REQUEST_SUPPLEMENT)
					.map(Decision::time).max(java.time.Instant::compareTo).ifPresent(t -> times.put(no, t));
		}
		return times;
	}

	List<CertificateRecord> certificates(Officer viewer, String dossierNo);

	/** Newest first. {@code source} null means every source. */
	List<SharedRecord> sharedRecords(String subjectId, SharedSource source);

	/** A material file's bytes, checked against the hash they are stored under. */
	byte[] content(Sha256 hash);
}
