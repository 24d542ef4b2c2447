package org.miaopi.hub.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.miaopi.hub.store.internal.ContentRow;

/**
 * The files the hub holds, each once under its SHA-256, inside a transaction {@link HubStore} runs
 * (an import stores its dossiers' files in the same one).
 */
final class HubContents {

	private HubContents() {
	}

	/** Stores the contents the hub lacks, each hash once; the caller checked the hashes. @return how many were new */
	static int store(EntityManager em, List<HubContent> contents) {
		if (contents.isEmpty()) {
			return 0;
		}
		Set<String> held = known(em, contents.stream().map(HubContent::sha256).distinct().toList());
		int added = 0;
		for (HubContent content : contents) {
			if (held.add(content.sha256())) {
				ContentRow c = new ContentRow();
				c.hash = content.sha256();
				c.mimeType = content.mimeType();
				c.fileSize = content.bytes().length;
				c.bytes = content.bytes();
				em.persist(c);
				added++;
			}
		}
		return added;
	}

	/** Of these hashes, those whose bytes the hub holds. */
	static Set<String> known(EntityManager em, Collection<String> hashes) {
		Set<String> known = new HashSet<>();
		for (List<String> chunk : InClause.chunks(List.copyOf(new HashSet<>(hashes)))) {
			known.addAll(em.createQuery("SELECT c.hash FROM ContentRow c WHERE c.hash IN :h", String.class) //$NON-NLS-1$
					.setParameter("h", chunk).getResultList()); //$NON-NLS-1$
		}
		return known;
	}

	/** Whether a dossier of the department carries this file. */
	static boolean inDepartment(EntityManager em, String department, String sha256) {
		return !em.createQuery("SELECT m.dossierId FROM MaterialRow m, DossierRow d WHERE m.hash = :h" //$NON-NLS-1$
				+ " AND d.id = m.dossierId AND d.department = :dept", Long.class) //$NON-NLS-1$
				.setParameter("h", sha256).setParameter("dept", department).setMaxResults(1).getResultList().isEmpty(); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
