package org.miaopi.hub.store;

/**
 * Where each feed a desk pulls stands now (docs/hub.md, {@code GET /v1/me}): the last position of the
 * department's dossiers (and so of its records, paged under the same cursor), of its users and of
 * the sources' availability, and of the matter versions enabled city-wide. A desk whose cursors are at these marks has nothing to pull, and an
 * empty sync round is one request instead of one per feed.
 */
public final class FeedMarks {

	/** The feeds' last positions; 0 for a feed with nothing in it yet. */
	public record Marks(long dossiers, long officers, long sources, long matterVersions) {
	}

	private final HubStore store;

	FeedMarks(HubStore store) {
		this.store = store;
	}

	public Marks of(String department) {
		return store.read(em -> new Marks(
				max(em.createNativeQuery("SELECT MAX(ID) FROM HUB_DOSSIER WHERE DEPARTMENT = ?").setParameter(1, department).getSingleResult()), //$NON-NLS-1$
				max(em.createNativeQuery("SELECT MAX(VERSION) FROM HUB_USER WHERE DEPARTMENT = ?").setParameter(1, department).getSingleResult()), //$NON-NLS-1$
				max(em.createNativeQuery("SELECT MAX(VERSION) FROM HUB_SOURCE").getSingleResult()), //$NON-NLS-1$
				max(em.createNativeQuery("SELECT MAX(SEQ) FROM HUB_MATTER_VERSION").getSingleResult()))); //$NON-NLS-1$
	}

	private static long max(Object value) {
		return value instanceof Number n ? n.longValue() : 0;
	}
}
