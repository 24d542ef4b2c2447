package org.miaopi.hub.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.miaopi.hub.store.internal.ContentRow;

/**
 * Many files in one read, for a desk's pull (docs/hub.md, {@code POST /v1/contents}): a desk lacking
 * 7,000 files asks in batches instead of one request each. A batch is all-or-nothing on what it
 * may see: one hash that no dossier of the desk's department carries refuses the whole batch, as
 * the single-file endpoint refuses that file.
 */
public final class ContentBatches {

	/** A file of the batch, in the order asked. */
	public record File(String sha256, String mimeType, byte[] bytes) {
	}

	/** The files answered, and the hashes asked for that did not fit under the byte cap (to ask again). */
	public record Batch(List<File> files, List<String> rest) {
	}

	/** Why a batch is refused: the first hash the department may not have, or the hub does not hold. */
	public static final class Refused extends Exception {
		private static final long serialVersionUID = 1L;
		public final String sha256;
		public final boolean held;

		Refused(String sha256, boolean held, String reason) {
			super(reason, null, false, false);
			this.sha256 = sha256;
			this.held = held;
		}
	}


	private final HubStore store;

	ContentBatches(HubStore store) {
		this.store = store;
	}

	/**
	 * The files of {@code hashes} (distinct, checked as 64 lower-case hex by the caller) in the order
	 * asked, as many as fit in {@code maxBytes} (always at least the first).
	 *
	 * @throws Refused a hash no dossier of the department carries, or whose bytes the hub does not hold
	 */
	public Batch read(String department, List<String> hashes, long maxBytes) throws Refused {
		Object answer = store.read(em -> {
			Set<String> carried = new HashSet<>();
			Map<String, Long> sizes = new LinkedHashMap<>();
			for (List<String> chunk : InClause.chunks(hashes)) {
				carried.addAll(em.createQuery("SELECT DISTINCT m.hash FROM MaterialRow m, DossierRow d WHERE m.hash IN :h" //$NON-NLS-1$
						+ " AND d.id = m.dossierId AND d.department = :dept", String.class) //$NON-NLS-1$
						.setParameter("h", chunk).setParameter("dept", department).getResultList()); //$NON-NLS-1$ //$NON-NLS-2$
				for (Object[] row : em.createQuery("SELECT c.hash, c.fileSize FROM ContentRow c WHERE c.hash IN :h", Object[].class) //$NON-NLS-1$
						.setParameter("h", chunk).getResultList()) { //$NON-NLS-1$
					sizes.put(((String) row[0]).strip(), ((Number) row[1]).longValue());
				}
			}
			List<String> take = new ArrayList<>();
			long bytes = 0;
			for (String h : hashes) {
				if (!carried.contains(h)) {
					return new Refused(h, sizes.containsKey(h), "no file " + h + " in a dossier of department " + department); //$NON-NLS-1$ //$NON-NLS-2$
				}
				if (!sizes.containsKey(h)) {
					return new Refused(h, false, "the hub does not hold file " + h); //$NON-NLS-1$
				}
				if (take.isEmpty() || bytes + sizes.get(h) <= maxBytes) {
					take.add(h);
					bytes += sizes.get(h);
				}
			}
			// every hash is checked before any bytes are read; then the bytes of those that fit
			Map<String, File> files = new LinkedHashMap<>();
			for (List<String> chunk : InClause.chunks(take)) {
				for (ContentRow c : em.createQuery("SELECT c FROM ContentRow c WHERE c.hash IN :h", ContentRow.class) //$NON-NLS-1$
						.setParameter("h", chunk).getResultList()) { //$NON-NLS-1$
					files.put(c.hash.strip(), new File(c.hash.strip(), c.mimeType, c.bytes));
				}
			}
			List<File> ordered = new ArrayList<>();
			take.forEach(h -> ordered.add(files.get(h)));
			List<String> rest = new ArrayList<>(hashes.subList(0, hashes.size()));
			rest.removeAll(new HashSet<>(take));
			return new Batch(ordered, rest);
		});
		if (answer instanceof Refused r) {
			throw r;
		}
		return (Batch) answer;
	}
}
