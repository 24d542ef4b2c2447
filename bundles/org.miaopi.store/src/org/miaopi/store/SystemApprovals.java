package org.miaopi.store;

import java.util.List;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;

/**
 * The 秒批 dossiers the system still owes a certificate: APPROVED by an automatic decision, outside
 * any theme. An officer's approval is followed by the officer issuing on the workbench; a theme's
 * members are issued together by the theme run.
 */
final class SystemApprovals {

	private static final String WAITING = "SELECT D.NUMBER FROM DOSSIER D WHERE D.STATUS = 'APPROVED' AND D.THEME_NO IS NULL" //$NON-NLS-1$
			+ " AND EXISTS (SELECT 1 FROM DECISION X WHERE X.DOSSIER_NO = D.NUMBER AND X.KIND = 'APPROVE' AND X.AUTOMATIC = 1)" //$NON-NLS-1$
			+ " ORDER BY D.NUMBER FETCH FIRST ? ROWS ONLY"; //$NON-NLS-1$

	private final DeskStore store;

	SystemApprovals(DeskStore store) {
		this.store = store;
	}

	List<Dossier> waitingForCertificates(Officer actor, int limit) {
		Intake.requireSystem(actor, "list the dossiers approved with no officer"); //$NON-NLS-1$
		NumberQuery.requireLimit(limit);
		List<String> numbers = NumberQuery.numbers(store, WAITING, "listing the dossiers approved with no officer", limit); //$NON-NLS-1$
		if (numbers.isEmpty()) {
			return List.of();
		}
		// read back through the rows: a dossier decided meanwhile is left out
		return store.read(em -> Intake.dossiers(em, numbers)).stream().filter(d -> d.status() == DossierStatus.APPROVED).toList();
	}
}
