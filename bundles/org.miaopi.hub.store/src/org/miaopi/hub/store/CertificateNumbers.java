package org.miaopi.hub.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

/**
 * Blocks of certificate numbers for desks (HUB_NUMBER_MARK, HUB_NUMBER_BLOCK, HUB_NUMBER_VOID;
 * V3.sql). A department's sequence only grows: a block once reserved is never handed to another
 * desk, and the numbers a desk reports void stay used.
 */
public final class CertificateNumbers {

	/** Sequence numbers per block: a desk issuing 200 certificates a day asks about once a week. */
	public static final int BLOCK = 1000;

	private final HubStore store;

	CertificateNumbers(HubStore store) {
		this.store = store;
	}

	/**
	 * A block for the desk above {@code after} (the last number of the newest block the desk
	 * holds): a block reserved for the desk above it earlier (whose answer the desk never got) is
	 * handed out again, so a retried request wastes nothing; otherwise a new block at the top of
	 * the department's sequence.
	 */
	public NumberBlock reserve(String desk, String department, long after) {
		return store.inTransaction(em -> {
			// lock the department's mark first: reservations of one department run one after the other
			if (em.createNativeQuery("UPDATE HUB_NUMBER_MARK SET LAST_SEQ = LAST_SEQ WHERE DEPARTMENT = ?").setParameter(1, department) //$NON-NLS-1$
					.executeUpdate() == 0) {
				em.createNativeQuery("INSERT INTO HUB_NUMBER_MARK (DEPARTMENT, LAST_SEQ) VALUES (?, 0)").setParameter(1, department).executeUpdate(); //$NON-NLS-1$
			}
			Optional<NumberBlock> unanswered = blocks(em, "SELECT DEPARTMENT, FIRST_SEQ, LAST_SEQ, DESK FROM HUB_NUMBER_BLOCK" //$NON-NLS-1$
					+ " WHERE DESK = ? AND DEPARTMENT = ? AND FIRST_SEQ > ? ORDER BY FIRST_SEQ", desk, department, after).stream().findFirst(); //$NON-NLS-1$
			if (unanswered.isPresent()) {
				return unanswered.get();
			}
			long last = ((Number) em.createNativeQuery("SELECT LAST_SEQ FROM HUB_NUMBER_MARK WHERE DEPARTMENT = ?").setParameter(1, department) //$NON-NLS-1$
					.getSingleResult()).longValue();
			NumberBlock b = new NumberBlock(department, last + 1, last + BLOCK, desk);
			em.createNativeQuery("UPDATE HUB_NUMBER_MARK SET LAST_SEQ = ? WHERE DEPARTMENT = ?").setParameter(1, b.last()).setParameter(2, department) //$NON-NLS-1$
					.executeUpdate();
			em.createNativeQuery("INSERT INTO HUB_NUMBER_BLOCK (DEPARTMENT, FIRST_SEQ, LAST_SEQ, DESK, RESERVED_MS) VALUES (?, ?, ?, ?, ?)") //$NON-NLS-1$
					.setParameter(1, department).setParameter(2, b.first()).setParameter(3, b.last()).setParameter(4, desk)
					.setParameter(5, store.clock().millis()).executeUpdate();
			return b;
		});
	}

	/** The blocks reserved for a desk, oldest first. */
	public List<NumberBlock> blocks(String desk) {
		return store.read(em -> blocks(em, "SELECT DEPARTMENT, FIRST_SEQ, LAST_SEQ, DESK FROM HUB_NUMBER_BLOCK WHERE DESK = ? ORDER BY FIRST_SEQ", //$NON-NLS-1$
				desk));
	}

	/** A void number a desk reports: the number as issued and its department's sequence number. */
	public record VoidNumber(String number, long sequence) {
	}

	/**
	 * Records numbers of the desk's blocks as void, once each (a number reported again is no
	 * error). Refuses the whole list, storing nothing, when one lies outside the desk's blocks.
	 *
	 * @return how many were new
	 */
	public int recordVoid(String desk, String department, Collection<VoidNumber> numbers) {
		return store.inTransaction(em -> {
			List<NumberBlock> mine = blocks(em, "SELECT DEPARTMENT, FIRST_SEQ, LAST_SEQ, DESK FROM HUB_NUMBER_BLOCK WHERE DESK = ? AND DEPARTMENT = ?", //$NON-NLS-1$
					desk, department);
			for (VoidNumber v : numbers) {
				if (mine.stream().noneMatch(b -> b.first() <= v.sequence() && v.sequence() <= b.last())) {
					throw new IllegalArgumentException("number " + v.number() + " is not in a block reserved for " + desk); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
			int added = 0;
			for (VoidNumber v : numbers) {
				if (em.createNativeQuery("SELECT NUMBER FROM HUB_NUMBER_VOID WHERE NUMBER = ?").setParameter(1, v.number()).getResultList().isEmpty()) { //$NON-NLS-1$
					em.createNativeQuery("INSERT INTO HUB_NUMBER_VOID (NUMBER, DEPARTMENT, SEQ, DESK, RECEIVED_MS) VALUES (?, ?, ?, ?, ?)") //$NON-NLS-1$
							.setParameter(1, v.number()).setParameter(2, department).setParameter(3, v.sequence()).setParameter(4, desk)
							.setParameter(5, store.clock().millis()).executeUpdate();
					added++;
				}
			}
			return added;
		});
	}

	/** The numbers desks reported void, in the order of their department's sequence. */
	public List<String> voids(String department) {
		return store.read(em -> em.createNativeQuery("SELECT NUMBER FROM HUB_NUMBER_VOID WHERE DEPARTMENT = ? ORDER BY SEQ") //$NON-NLS-1$
				.setParameter(1, department).getResultList().stream().map(o -> ((String) o).strip()).toList());
	}

	private static List<NumberBlock> blocks(EntityManager em, String sql, Object... values) {
		var q = em.createNativeQuery(sql);
		for (int i = 0; i < values.length; i++) {
			q.setParameter(i + 1, values[i]);
		}
		List<NumberBlock> out = new ArrayList<>();
		for (Object o : q.getResultList()) {
			Object[] r = (Object[]) o;
			out.add(new NumberBlock(((String) r[0]).strip(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((String) r[3]).strip()));
		}
		return out;
	}
}
