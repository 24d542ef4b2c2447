package org.miaopi.ui.api;

import org.eclipse.osgi.util.NLS;
import org.miaopi.core.service.StoreException;
import org.miaopi.ui.Messages;

/**
 * A store failure in plain words for the person at the desk, with what to do about it, in the
 * workbench's language. The store's own message (English, for logs) is kept for the details.
 */
public final class StoreProblems {

	private StoreProblems() {
	}

	/** A short phrase for the status bar, e.g. "open in another Miaopi". */
	public static String brief(Throwable e) {
		StoreException.Problem p = problem(e);
		if (p == null) {
			return Messages.Store_briefFailed;
		}
		return switch (p) {
			case LOCKED -> Messages.Store_briefLocked;
			case WRONG_KEY, KEY_MISSING -> Messages.Store_briefKey;
			case SCHEMA_TOO_NEW -> Messages.Store_briefTooNew;
			default -> Messages.Store_briefFailed;
		};
	}

	/** What happened and what to do, in a few sentences, then the store's own words. */
	public static String explain(Throwable e) {
		StoreException.Problem p = problem(e);
		String what = p == null ? Messages.Store_failed : switch (p) {
			case LOCKED -> Messages.Store_locked;
			case WRONG_KEY -> Messages.Store_wrongKey;
			case KEY_MISSING -> Messages.Store_keyMissing;
			case SCHEMA_TOO_NEW -> Messages.Store_tooNew;
			case IO_FAILURE -> Messages.Store_io;
			default -> Messages.Store_failed;
		};
		return NLS.bind(Messages.Store_details, what, e.getMessage() == null ? e.toString() : e.getMessage());
	}

	private static StoreException.Problem problem(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof StoreException s) {
				return s.problem();
			}
		}
		return null;
	}
}
