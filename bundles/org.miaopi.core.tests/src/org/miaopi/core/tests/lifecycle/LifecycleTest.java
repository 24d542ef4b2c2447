package org.miaopi.core.tests.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.lifecycle.IllegalTransitionException;
import org.miaopi.core.lifecycle.Lifecycle;
import org.miaopi.core.lifecycle.Transition;

class LifecycleTest {

	/**
	 * The design brief's lifecycle, written out independently of the implementation, with the hand
	 * back (an assigned or reviewed dossier unassigned again, PRE_CHECKED) that makes assignment real.
	 */
	private static final Map<DossierStatus, Set<DossierStatus>> LEGAL = Map.of(
			RECEIVED, EnumSet.of(PRE_CHECKED, WITHDRAWN),
			PRE_CHECKED, EnumSet.of(ASSIGNED, APPROVED, REJECTED, SUPPLEMENT_REQUESTED, WITHDRAWN),
			ASSIGNED, EnumSet.of(IN_REVIEW, PRE_CHECKED, WITHDRAWN),
			IN_REVIEW, EnumSet.of(SUPPLEMENT_REQUESTED, APPROVED, REJECTED, PRE_CHECKED, WITHDRAWN),
			SUPPLEMENT_REQUESTED, EnumSet.of(IN_REVIEW, WITHDRAWN),
			APPROVED, EnumSet.of(CERTIFICATE_ISSUED),
			REJECTED, EnumSet.of(ARCHIVED),
			CERTIFICATE_ISSUED, EnumSet.of(ARCHIVED),
			ARCHIVED, EnumSet.noneOf(DossierStatus.class),
			WITHDRAWN, EnumSet.noneOf(DossierStatus.class));

	@Test
	void everyPairIsLegalExactlyWhenTheDesignSaysSo() {
		for (DossierStatus from : DossierStatus.values()) {
			for (DossierStatus to : DossierStatus.values()) {
				boolean legal = LEGAL.get(from).contains(to);
				assertEquals(legal, Lifecycle.isAllowed(from, to), from + " → " + to);
				if (legal) {
					assertEquals(to, Lifecycle.require(from, to).to());
				} else {
					IllegalTransitionException e =
							assertThrows(IllegalTransitionException.class, () -> Lifecycle.require(from, to));
					assertEquals(from, e.from());
					assertEquals(to, e.to());
				}
			}
			assertEquals(LEGAL.get(from), Lifecycle.allowedFrom(from), "allowed from " + from);
		}
	}

	@Test
	void refusalNamesBothStatesAndTheWayOut() {
		IllegalTransitionException e =
				assertThrows(IllegalTransitionException.class, () -> Lifecycle.require(APPROVED, IN_REVIEW));
		assertEquals("a dossier cannot go from APPROVED to IN_REVIEW; from APPROVED it can go to "
				+ "[CERTIFICATE_ISSUED]", e.getMessage());
		assertTrue(assertThrows(IllegalTransitionException.class, () -> Lifecycle.require(ARCHIVED, RECEIVED))
				.getMessage().endsWith("it can go to nothing"));
	}

	@Test
	void instantApprovalPathNeedsNoOfficer() {
		List<DossierStatus> path = List.of(RECEIVED, PRE_CHECKED, APPROVED, CERTIFICATE_ISSUED, ARCHIVED);
		for (int i = 1; i < path.size(); i++) {
			Lifecycle.require(path.get(i - 1), path.get(i));
		}
		assertTrue(Lifecycle.require(PRE_CHECKED, APPROVED).automatic());
		assertTrue(Lifecycle.require(PRE_CHECKED, REJECTED).automatic());
	}

	@Test
	void onlyPolicyDecisionsAreAutomatic() {
		Set<String> automatic = Lifecycle.transitions().stream().filter(Transition::automatic)
				.map(Transition::toString).collect(Collectors.toSet());
		assertEquals(Set.of(Lifecycle.require(PRE_CHECKED, APPROVED).toString(),
				Lifecycle.require(PRE_CHECKED, REJECTED).toString()), automatic);
		assertFalse(Lifecycle.require(IN_REVIEW, APPROVED).automatic());
	}

	@Test
	void auditEventTypesTellTheStepApart() {
		assertEquals("dossier.auto-approved", Lifecycle.require(PRE_CHECKED, APPROVED).eventType());
		assertEquals("dossier.approved", Lifecycle.require(IN_REVIEW, APPROVED).eventType());
		assertEquals("dossier.missing-material-requested",
				Lifecycle.require(PRE_CHECKED, SUPPLEMENT_REQUESTED).eventType());
		assertEquals("dossier.supplement-requested", Lifecycle.require(IN_REVIEW, SUPPLEMENT_REQUESTED).eventType());
		assertEquals("certificate.issued", Lifecycle.require(APPROVED, CERTIFICATE_ISSUED).eventType());
		assertEquals("dossier.handed-back", Lifecycle.require(ASSIGNED, PRE_CHECKED).eventType());
		assertEquals("dossier.handed-back", Lifecycle.require(IN_REVIEW, PRE_CHECKED).eventType());
		for (DossierStatus s : EnumSet.of(RECEIVED, PRE_CHECKED, ASSIGNED, IN_REVIEW, SUPPLEMENT_REQUESTED)) {
			assertEquals("dossier.withdrawn", Lifecycle.require(s, WITHDRAWN).eventType());
		}
	}

	@Test
	void noDuplicateTransitions() {
		Set<String> pairs = new HashSet<>();
		for (Transition t : Lifecycle.transitions()) {
			assertTrue(pairs.add(t.from() + ">" + t.to()), "twice: " + t);
		}
	}

	@Test
	void everyStatusIsReachableAndEveryDossierCanEnd() {
		assertEquals(EnumSet.allOf(DossierStatus.class), reachableFrom(RECEIVED));
		for (DossierStatus s : DossierStatus.values()) {
			Set<DossierStatus> reach = reachableFrom(s);
			assertTrue(reach.contains(ARCHIVED) || reach.contains(WITHDRAWN), s + " has no way to an end");
		}
	}

	@Test
	void decidedAndFinalStatuses() {
		assertEquals(EnumSet.of(APPROVED, REJECTED, CERTIFICATE_ISSUED, ARCHIVED),
				EnumSet.copyOf(List.of(DossierStatus.values()).stream().filter(DossierStatus::isDecided).toList()));
		assertEquals(EnumSet.of(ARCHIVED, WITHDRAWN),
				EnumSet.copyOf(List.of(DossierStatus.values()).stream().filter(DossierStatus::isFinal).toList()));
		assertEquals("待补正", SUPPLEMENT_REQUESTED.nameZh());
	}

	@Test
	void transitionRecordRefusesNonsense() {
		assertThrows(IllegalArgumentException.class, () -> new Transition(IN_REVIEW, IN_REVIEW, "x", false));
		assertThrows(IllegalArgumentException.class, () -> new Transition(IN_REVIEW, APPROVED, " ", false));
		assertThrows(UnsupportedOperationException.class, () -> Lifecycle.transitions().clear());
		assertThrows(UnsupportedOperationException.class, () -> Lifecycle.allowedFrom(RECEIVED).clear());
	}

	private static Set<DossierStatus> reachableFrom(DossierStatus start) {
		Set<DossierStatus> seen = EnumSet.of(start);
		ArrayDeque<DossierStatus> todo = new ArrayDeque<>(seen);
		while (!todo.isEmpty()) {
			for (DossierStatus next : Lifecycle.allowedFrom(todo.pop())) {
				if (seen.add(next)) {
					todo.add(next);
				}
			}
		}
		return seen;
	}
}
