package org.miaopi.store;

import java.util.List;
import java.util.function.LongConsumer;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.store.jpa.AuditEventRow;
import org.miaopi.store.jpa.Rows;

/**
 * Checks the whole audit ledger page by page, each page as the continuation of the last event
 * already checked, so a ledger of millions of events never has to fit in memory.
 */
final class LedgerCheck {

	static final int PAGE = 5_000;

	private LedgerCheck() {
	}

	/** @param progress told the number of events checked so far after each page */
	static Verification run(DeskStore store, int pageSize, LongConsumer progress) {
		AuditEvent anchor = null;
		long checked = 0;
		while (true) {
			List<AuditEvent> page = page(store, anchor == null ? 0 : anchor.sequence(), pageSize);
			if (page.isEmpty()) {
				return new Verification.Intact((int) Math.min(Integer.MAX_VALUE, checked),
						anchor == null ? AuditChain.GENESIS : anchor.hash());
			}
			Verification v = AuditChain.verify(anchor, page);
			if (!v.isIntact()) {
				return v;
			}
			checked += page.size();
			anchor = page.get(page.size() - 1);
			progress.accept(checked);
		}
	}

	private static List<AuditEvent> page(DeskStore store, long after, int size) {
		return store.read(em -> em
				.createQuery("SELECT a FROM AuditEventRow a WHERE a.seq > :after ORDER BY a.seq", AuditEventRow.class)
				.setParameter("after", after).setMaxResults(size).getResultStream().map(Rows::auditEvent).toList());
	}
}
