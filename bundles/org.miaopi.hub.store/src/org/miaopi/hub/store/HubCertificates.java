package org.miaopi.hub.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

/**
 * The city's register of issued certificates at the hub (HUB_CERTIFICATE, V4.sql): each record as
 * the issuing desk's outbox pushed it, kept once by number when the hub applied that row; the sealed
 * PDF is the hub's file under the record's SHA-256 once the desk uploaded it.
 */
public final class HubCertificates {

	/** @param documentHeld whether the hub holds the sealed PDF ({@code documentSha256}) */
	public record Certificate(String number, String submissionId, String department, String matter, String holderKind,
			String holderId, String holderName, Instant issuedAt, String validFrom, String validTo, String documentSha256,
			String desk, boolean documentHeld) {
	}

	private static final String COLUMNS = "c.NUMBER, c.SUBMISSION_ID, c.DEPARTMENT, c.MATTER, c.HOLDER_KIND, c.HOLDER_ID," //$NON-NLS-1$
			+ " c.HOLDER_NAME, c.ISSUED_MS, c.VALID_FROM, c.VALID_TO, c.DOCUMENT_SHA256, c.DESK," //$NON-NLS-1$
			+ " (SELECT COUNT(*) FROM HUB_CONTENT f WHERE f.HASH = c.DOCUMENT_SHA256)"; //$NON-NLS-1$

	private final HubStore store;

	HubCertificates(HubStore store) {
		this.store = store;
	}

	public Optional<Certificate> of(String number) {
		return store.read(em -> rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM HUB_CERTIFICATE c WHERE c.NUMBER = ?") //$NON-NLS-1$ //$NON-NLS-2$
				.setParameter(1, number).getResultList()).stream().findFirst());
	}

	/** The certificates issued for a dossier, oldest first. */
	public List<Certificate> forDossier(String submissionId) {
		return store.read(em -> rows(em.createNativeQuery("SELECT " + COLUMNS //$NON-NLS-1$
				+ " FROM HUB_CERTIFICATE c WHERE c.SUBMISSION_ID = ? ORDER BY c.ISSUED_MS, c.NUMBER") //$NON-NLS-1$
				.setParameter(1, submissionId).getResultList()));
	}

	/** Keeps a pushed certificate record once by its number (a row re-sent after a restore finds it kept). */
	static void keep(EntityManager em, String desk, String submissionId, String department, Push.Issued c, long now) {
		if (!em.createNativeQuery("SELECT NUMBER FROM HUB_CERTIFICATE WHERE NUMBER = ?").setParameter(1, c.number()) //$NON-NLS-1$
				.getResultList().isEmpty()) {
			return;
		}
		em.createNativeQuery("INSERT INTO HUB_CERTIFICATE (NUMBER, SUBMISSION_ID, DEPARTMENT, MATTER, HOLDER_KIND, HOLDER_ID," //$NON-NLS-1$
				+ " HOLDER_NAME, ISSUED_MS, VALID_FROM, VALID_TO, DOCUMENT_SHA256, DESK, RECEIVED_MS)" //$NON-NLS-1$
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").setParameter(1, c.number()).setParameter(2, submissionId) //$NON-NLS-1$
				.setParameter(3, department).setParameter(4, c.matter()).setParameter(5, c.holderKind()).setParameter(6, c.holderId())
				.setParameter(7, c.holderName()).setParameter(8, c.issuedMs()).setParameter(9, c.validFrom())
				.setParameter(10, c.validTo()).setParameter(11, c.documentSha256()).setParameter(12, desk).setParameter(13, now)
				.executeUpdate();
	}

	private static List<Certificate> rows(List<?> result) {
		return result.stream().map(o -> (Object[]) o).map(r -> new Certificate((String) r[0], (String) r[1], (String) r[2],
				(String) r[3], (String) r[4], (String) r[5], (String) r[6], Instant.ofEpochMilli(((Number) r[7]).longValue()),
				(String) r[8], (String) r[9], ((String) r[10]).strip(), (String) r[11], ((Number) r[12]).longValue() > 0)).toList();
	}
}
