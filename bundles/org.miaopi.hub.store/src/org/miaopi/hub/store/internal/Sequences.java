package org.miaopi.hub.store.internal;

import jakarta.persistence.EntityManager;

/**
 * Cursor positions (dossier ids, the progress feed) drawn from HUB_SEQUENCE inside the writing
 * transaction. The UPDATE locks the row until commit, so writers that draw from the same
 * sequence commit one after the other in the order of their numbers, also across several hub
 * processes on one PostgreSQL: a reader that saw position n never later finds a new row below n.
 */
public final class Sequences {

	public static final String DOSSIER = "DOSSIER"; //$NON-NLS-1$
	public static final String FEED = "FEED"; //$NON-NLS-1$
	public static final String USER = "USER"; //$NON-NLS-1$
	public static final String SOURCE = "SOURCE"; //$NON-NLS-1$
	public static final String MATTER_VERSION = "MATTER_VERSION"; //$NON-NLS-1$

	private Sequences() {
	}

	/** Reserves {@code count} positions; returns the first (the block is first .. first + count - 1). */
	public static long reserve(EntityManager em, String name, int count) {
		em.createNativeQuery("UPDATE HUB_SEQUENCE SET NEXT_VALUE = NEXT_VALUE + ? WHERE NAME = ?") //$NON-NLS-1$
				.setParameter(1, count).setParameter(2, name).executeUpdate();
		Number last = (Number) em.createNativeQuery("SELECT NEXT_VALUE FROM HUB_SEQUENCE WHERE NAME = ?") //$NON-NLS-1$
				.setParameter(1, name).getSingleResult();
		return last.longValue() - count + 1;
	}
}
