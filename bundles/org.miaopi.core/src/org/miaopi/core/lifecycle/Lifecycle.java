package org.miaopi.core.lifecycle;

import static org.miaopi.core.lifecycle.DossierStatus.APPROVED;
import static org.miaopi.core.lifecycle.DossierStatus.ARCHIVED;
import static org.miaopi.core.lifecycle.DossierStatus.ASSIGNED;
import static org.miaopi.core.lifecycle.DossierStatus.CERTIFICATE_ISSUED;
import static org.miaopi.core.lifecycle.DossierStatus.IN_REVIEW;
import static org.miaopi.core.lifecycle.DossierStatus.PRE_CHECKED;
import static org.miaopi.core.lifecycle.DossierStatus.RECEIVED;
import static org.miaopi.core.lifecycle.DossierStatus.REJECTED;
import static org.miaopi.core.lifecycle.DossierStatus.SUPPLEMENT_REQUESTED;
import static org.miaopi.core.lifecycle.DossierStatus.WITHDRAWN;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one dossier state machine. Every status change in Miaopi — officer, 秒批 policy, sync,
 * CLI — goes through {@link #require}, so there is a single place that says what is legal.
 *
 * <pre>
 * RECEIVED → PRE_CHECKED → ASSIGNED → IN_REVIEW ⇄ SUPPLEMENT_REQUESTED
 * ASSIGNED | IN_REVIEW → PRE_CHECKED          (handed back: nobody holds it, any officer may claim it)
 * IN_REVIEW → APPROVED | REJECTED
 * PRE_CHECKED → APPROVED | REJECTED          (秒批, automatic)
 * PRE_CHECKED → SUPPLEMENT_REQUESTED         (容缺: accepted with a material missing)
 * APPROVED → CERTIFICATE_ISSUED → ARCHIVED;  REJECTED → ARCHIVED
 * any status before a decision → WITHDRAWN;  nothing leaves ARCHIVED or WITHDRAWN
 * </pre>
 */
public final class Lifecycle {

	/** The event of a dossier given back by the officer who held it, unassigned again. */
	public static final String HANDED_BACK = "dossier.handed-back";

	private static final List<Transition> TRANSITIONS = buildTransitions();

	private Lifecycle() {
	}

	private static List<Transition> buildTransitions() {
		List<Transition> t = new ArrayList<>();
		t.add(new Transition(RECEIVED, PRE_CHECKED, "dossier.pre-checked", false));
		t.add(new Transition(PRE_CHECKED, ASSIGNED, "dossier.assigned", false));
		t.add(new Transition(PRE_CHECKED, APPROVED, "dossier.auto-approved", true));
		t.add(new Transition(PRE_CHECKED, REJECTED, "dossier.auto-rejected", true));
		t.add(new Transition(PRE_CHECKED, SUPPLEMENT_REQUESTED, "dossier.missing-material-requested", false));
		t.add(new Transition(ASSIGNED, IN_REVIEW, "dossier.review-started", false));
		t.add(new Transition(ASSIGNED, PRE_CHECKED, HANDED_BACK, false));
		t.add(new Transition(IN_REVIEW, PRE_CHECKED, HANDED_BACK, false));
		t.add(new Transition(IN_REVIEW, SUPPLEMENT_REQUESTED, "dossier.supplement-requested", false));
		t.add(new Transition(SUPPLEMENT_REQUESTED, IN_REVIEW, "dossier.supplement-received", false));
		t.add(new Transition(IN_REVIEW, APPROVED, "dossier.approved", false));
		t.add(new Transition(IN_REVIEW, REJECTED, "dossier.rejected", false));
		t.add(new Transition(APPROVED, CERTIFICATE_ISSUED, "certificate.issued", false));
		t.add(new Transition(CERTIFICATE_ISSUED, ARCHIVED, "dossier.archived", false));
		t.add(new Transition(REJECTED, ARCHIVED, "dossier.archived", false));
		for (DossierStatus s : DossierStatus.values()) {
			if (!s.isDecided() && !s.isFinal()) {
				t.add(new Transition(s, WITHDRAWN, "dossier.withdrawn", false));
			}
		}
		return List.copyOf(t);
	}

	/** Every legal transition. */
	public static List<Transition> transitions() {
		return TRANSITIONS;
	}

	public static Optional<Transition> transition(DossierStatus from, DossierStatus to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		return TRANSITIONS.stream().filter(t -> t.from() == from && t.to() == to).findFirst();
	}

	public static boolean isAllowed(DossierStatus from, DossierStatus to) {
		return transition(from, to).isPresent();
	}

	/**
	 * @return the transition, carrying the audit event type to record
	 * @throws IllegalTransitionException naming both states when the move is not legal
	 */
	public static Transition require(DossierStatus from, DossierStatus to) {
		return transition(from, to).orElseThrow(() -> new IllegalTransitionException(from, to, allowedFrom(from)));
	}

	/** The statuses reachable in one step; empty for ARCHIVED and WITHDRAWN. */
	public static Set<DossierStatus> allowedFrom(DossierStatus from) {
		Objects.requireNonNull(from, "from");
		EnumSet<DossierStatus> to = EnumSet.noneOf(DossierStatus.class);
		TRANSITIONS.stream().filter(t -> t.from() == from).forEach(t -> to.add(t.to()));
		return Collections.unmodifiableSet(to);
	}
}
