package org.miaopi.hub.store;

import java.time.Instant;
import java.util.List;

/**
 * The officers' decision certificates the hub knows (HUB_OFFICER_CERT, V4.sql): each learnt from
 * the first decision under it that the hub applied, with the desk that presented it. A hub admin
 * revokes one (a lost key, an officer gone): decisions dated from then on under it are refused.
 */
public final class OfficerCertificates {

	/** @param revokedAt null while not revoked */
	public record Known(String fingerprint, String officer, String department, String desk, Instant firstSeen, Instant revokedAt,
			String revokedReason) {
	}

	private final HubStore store;

	OfficerCertificates(HubStore store) {
		this.store = store;
	}

	/** The certificates known for an officer (all officers when null), oldest first. */
	public List<Known> of(String officer) {
		return store.read(em -> {
			var q = em.createNativeQuery("SELECT FINGERPRINT, OFFICER_ID, DEPARTMENT, DESK, FIRST_MS, REVOKED_MS, REVOKED_REASON" //$NON-NLS-1$
					+ " FROM HUB_OFFICER_CERT" + (officer == null ? "" : " WHERE OFFICER_ID = ?") + " ORDER BY FIRST_MS, FINGERPRINT"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			if (officer != null) {
				q.setParameter(1, officer);
			}
			List<?> rows = q.getResultList();
			return rows.stream().map(o -> (Object[]) o).map(r -> new Known(((String) r[0]).strip(), (String) r[1],
					(String) r[2], (String) r[3], Instant.ofEpochMilli(((Number) r[4]).longValue()),
					r[5] == null ? null : Instant.ofEpochMilli(((Number) r[5]).longValue()), (String) r[6])).toList();
		});
	}

	/** Revokes a known certificate from now on; false when it was revoked already. */
	public boolean revoke(String fingerprint, String reason) {
		return store.inTransaction(em -> {
			if (em.createNativeQuery("SELECT FINGERPRINT FROM HUB_OFFICER_CERT WHERE FINGERPRINT = ?").setParameter(1, fingerprint) //$NON-NLS-1$
					.getResultList().isEmpty()) {
				throw new IllegalArgumentException("the hub knows no officer's certificate " + fingerprint); //$NON-NLS-1$
			}
			return em.createNativeQuery("UPDATE HUB_OFFICER_CERT SET REVOKED_MS = ?, REVOKED_REASON = ? WHERE FINGERPRINT = ?" //$NON-NLS-1$
					+ " AND REVOKED_MS IS NULL").setParameter(1, store.clock().millis()).setParameter(2, reason) //$NON-NLS-1$
					.setParameter(3, fingerprint).executeUpdate() == 1;
		});
	}

	/** The certificate itself (DER), as the desk that first presented it sent it. */
	public java.util.Optional<byte[]> der(String fingerprint) {
		return store.read(em -> em.createNativeQuery("SELECT DER FROM HUB_OFFICER_CERT WHERE FINGERPRINT = ?").setParameter(1, fingerprint) //$NON-NLS-1$
				.getResultList().stream().map(byte[].class::cast).findFirst());
	}
}
