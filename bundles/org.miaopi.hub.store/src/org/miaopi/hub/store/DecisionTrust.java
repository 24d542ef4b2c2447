package org.miaopi.hub.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.miaopi.hub.store.Push.DecisionCheck;
import org.miaopi.hub.store.Push.Event;
import org.miaopi.hub.store.internal.ProgressRow;

/**
 * What the hub holds against a pushed decision beyond its signature (docs/hub.md, "Officers'
 * signatures at the hub"), inside one batch's transaction: the officer's department among the
 * hub's users, the certificates the hub knows (HUB_OFFICER_CERT, V4.sql) and their revocation,
 * and a dossier whose decision was refused. Looks each officer and certificate up once a batch.
 */
final class DecisionTrust {

	/** A certificate the hub knows: whose, and since when revoked (null when not). */
	private record Known(String officer, Long revokedMs, String revokedReason) {
	}

	private final EntityManager em;
	private final String desk;
	private final String department;
	private final long now;
	private final Map<String, Optional<String>> departments = new HashMap<>();
	private final Map<String, Optional<Known>> certificates = new HashMap<>();

	DecisionTrust(EntityManager em, String desk, String department, long now) {
		this.em = em;
		this.desk = desk;
		this.department = department;
		this.now = now;
	}

	/**
	 * Why the hub refuses this change of a dossier it holds as {@code p}, the conflict rules aside:
	 * null when it may be applied. A refused decision is remembered on the dossier.
	 */
	String refusal(ProgressRow p, Event e) {
		DecisionCheck d = e.decision();
		if (d == null) {
			boolean mine = p.holderDesk == null || p.holderDesk.equals(desk);
			return p.refusedDecision == null || !mine ? null
					: "the decision this change follows was refused at the hub: " + p.refusedDecision; //$NON-NLS-1$
		}
		String why = why(d);
		p.refusedDecision = why == null ? null : clip(why);
		return why;
	}

	/** Keeps the certificate of an applied officer's decision as known to the hub (once). */
	void applied(Event e) {
		DecisionCheck d = e.decision();
		if (d == null || d.automatic() || d.fingerprint() == null || known(d.fingerprint()).isPresent()) {
			return;
		}
		em.createNativeQuery("INSERT INTO HUB_OFFICER_CERT (FINGERPRINT, OFFICER_ID, DEPARTMENT, DESK, DER, FIRST_MS)" //$NON-NLS-1$
				+ " VALUES (?, ?, ?, ?, ?, ?)").setParameter(1, d.fingerprint()).setParameter(2, d.officer()) //$NON-NLS-1$
				.setParameter(3, department).setParameter(4, desk).setParameter(5, d.certificate()).setParameter(6, now).executeUpdate();
		certificates.put(d.fingerprint(), Optional.of(new Known(d.officer(), null, null)));
	}

	private String why(DecisionCheck d) {
		if (d.problem() != null || d.automatic()) {
			return d.problem();
		}
		Optional<String> dept = departments.computeIfAbsent(d.officer(), id -> em.createNativeQuery(
				"SELECT DEPARTMENT FROM HUB_USER WHERE ID = ?").setParameter(1, id).getResultList().stream() //$NON-NLS-1$
				.map(String.class::cast).findFirst());
		if (dept.isPresent() && !dept.get().equals(department)) {
			return "officer " + d.officer() + " is a user of department " + dept.get() + " at the hub, not of " + department; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		Optional<Known> k = known(d.fingerprint());
		if (k.isPresent() && !k.get().officer().equals(d.officer())) {
			return "the signer's certificate is known at the hub as officer " + k.get().officer() + "'s, not " + d.officer() + "'s"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		if (k.isPresent() && k.get().revokedMs() != null && d.decidedMs() >= k.get().revokedMs()) {
			return "officer " + d.officer() + "'s certificate was revoked at the hub on " + Instant.ofEpochMilli(k.get().revokedMs()) //$NON-NLS-1$ //$NON-NLS-2$
					+ " (" + k.get().revokedReason() + "), before this decision"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		return null;
	}

	private Optional<Known> known(String fingerprint) {
		return certificates.computeIfAbsent(fingerprint, f -> {
			List<?> rows = em.createNativeQuery("SELECT OFFICER_ID, REVOKED_MS, REVOKED_REASON FROM HUB_OFFICER_CERT WHERE FINGERPRINT = ?") //$NON-NLS-1$
					.setParameter(1, f).getResultList();
			return rows.stream().map(o -> (Object[]) o).map(r -> new Known(((String) r[0]).strip(),
					r[1] == null ? null : ((Number) r[1]).longValue(), (String) r[2])).findFirst();
		});
	}

	private static String clip(String s) {
		return s.length() <= 1000 ? s : s.substring(0, 997) + "..."; //$NON-NLS-1$
	}
}
