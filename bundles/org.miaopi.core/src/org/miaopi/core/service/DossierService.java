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
 * applies the access rules itself ({@link QueryAccess}): officers and supervisors see their own
 * department only, an admin none; only officers (or the 秒批 system) move dossiers, and a dossier an
 * officer holds only that officer. Who holds a dossier changes by {@link #claim}, {@link #handBack}
 * and {@link #reassign}, each with its audit event.
 */
public interface DossierService {

	/** Audit event of an officer taking an unassigned dossier. */
	String CLAIMED_EVENT = "dossier.claimed";
	/** Audit event of a holder giving a dossier back, unassigned again. */
	String HANDED_BACK_EVENT = org.miaopi.core.lifecycle.Lifecycle.HANDED_BACK;
	/** Audit event of a supervisor giving a dossier to an officer. */
	String REASSIGNED_EVENT = "dossier.reassigned";

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
	default Dossier transition(Officer actor, TransitionRequest request) {
		return transition(actor, request, null);
	}

	/**
	 * {@link #transition(Officer, TransitionRequest)} for a step that may carry an officer's
	 * decision: the store signs the decision with {@code signer} (the acting officer's key, unlocked
	 * at sign-in) at the moment it records it. An officer's decision without the officer's signer is
	 * refused; steps without a decision and 秒批 decisions take none (null).
	 *
	 * @throws IllegalArgumentException if an officer's decision comes without the officer's signer
	 */
	Dossier transition(Officer actor, TransitionRequest request, org.miaopi.core.audit.DecisionSigner signer);

	/** The dossier's decisions with their events and signatures, oldest first; empty for a store that keeps none. */
	default List<org.miaopi.core.audit.SignedDecision> signedDecisions(Officer viewer, String dossierNo) {
		return List.of();
	}

	/**
	 * {@code officer} takes an unassigned dossier of their department for review: a PRE_CHECKED one
	 * becomes ASSIGNED to them; one waiting for a supplement that nobody holds gets them as holder.
	 * Claiming a dossier one already holds changes nothing and records nothing (a second click).
	 * Written with its audit event ({@value #CLAIMED_EVENT}) in one transaction.
	 *
	 * @throws AccessDeniedException if another officer holds it ({@code NOT_HOLDER}), or {@code officer} is
	 *                               not an approval officer of its department
	 * @throws org.miaopi.core.lifecycle.IllegalTransitionException if its status cannot be claimed (not
	 *                               compared yet, decided, withdrawn)
	 */
	Dossier claim(Officer officer, String dossierNo);

	/**
	 * The officer who holds a dossier gives it back: assigned or in review, it returns to PRE_CHECKED;
	 * waiting for a supplement, it stays so; either way nobody holds it and any officer of the
	 * department may claim it. Handing back a dossier nobody holds changes nothing (a second click).
	 * Written with its audit event ({@value #HANDED_BACK_EVENT}) in one transaction.
	 *
	 * @throws AccessDeniedException if another officer holds it ({@code NOT_HOLDER})
	 * @throws org.miaopi.core.lifecycle.IllegalTransitionException if it is decided, withdrawn or not yet compared
	 */
	Dossier handBack(Officer officer, String dossierNo);

	/**
	 * A supervisor gives a dossier to an approval officer of the same department: an unassigned
	 * PRE_CHECKED one becomes ASSIGNED to them, a held one changes holder and keeps its status.
	 * Giving it to its present holder changes nothing. Written with its audit event
	 * ({@value #REASSIGNED_EVENT}, with the previous holder) in one transaction.
	 *
	 * @throws AccessDeniedException if {@code supervisor} is not a supervisor of its department, or
	 *                               {@code officerId} works for another department
	 * @throws IllegalArgumentException if {@code officerId} is nobody, or not an approval officer
	 * @throws org.miaopi.core.lifecycle.IllegalTransitionException if it is decided, withdrawn or not yet compared
	 */
	Dossier reassign(Officer supervisor, String dossierNo, String officerId);

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

	/**
	 * The shared records about a subject, newest first; {@code source} null means every source. A
	 * viewer reads them only about the applicant of a dossier of their department (the 秒批 system
	 * about anyone).
	 *
	 * @throws AccessDeniedException if no dossier the viewer may read has this applicant, or the viewer
	 *                               sees no dossiers at all (an admin)
	 */
	List<SharedRecord> sharedRecords(Officer viewer, String subjectId, SharedSource source);

	/**
	 * The bytes of a material of dossier {@code dossierNo}, checked against the hash they are stored
	 * under. The viewer must be allowed to read the dossier, and the dossier must have a material
	 * with this hash: a hash alone opens nothing.
	 *
	 * @throws AccessDeniedException if the viewer may not read the dossier
	 * @throws StoreException {@code NOT_FOUND} if the dossier has no such material; {@code CONTENT_CORRUPTED}
	 *                        if the bytes no longer match their hash
	 */
	byte[] content(Officer viewer, String dossierNo, Sha256 hash);
}
