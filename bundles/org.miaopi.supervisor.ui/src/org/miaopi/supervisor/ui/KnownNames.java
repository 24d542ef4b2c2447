package org.miaopi.supervisor.ui;

import org.miaopi.supervision.Names;
import org.miaopi.supervision.SupervisionService;

/**
 * The officers' names (and the reasons' texts) the supervisor's tables and charts show where the record keeps
 * ids and codes, as the desk knew them at the
 * last background read ({@link #read}): each of the parts' reads refreshes them, and the supervisor's addon
 * reads them at sign-in, so that figures painted at once (the dashboard's kept figures) name people too. Until
 * the first read, and for an id the desk does not know, the id itself is shown.
 */
final class KnownNames {

	private static volatile Names names;

	private KnownNames() {
	}

	/** Reads the names anew (off the UI thread: two small tables of the store); a failure keeps the last ones. */
	static void read(SupervisionService service) {
		if (service == null) {
			return;
		}
		try {
			names = service.names(Tables.language());
		} catch (RuntimeException e) {
			// the read that follows says what is wrong with the store; ids are shown meanwhile
		}
	}

	/** An officer's name, the 秒批 system named as such; the id while unknown; empty for nobody. */
	static String officer(String id) {
		Names n = names;
		return id == null ? "" : n == null ? id : n.officer(id); //$NON-NLS-1$
	}

	/** A reason code's text as the installed matters define it; the code while unknown. */
	static String reason(String code) {
		Names n = names;
		return n == null ? code : n.reason(code);
	}

	/** The names known now, or null before the first read. */
	static Names now() {
		return names;
	}
}
