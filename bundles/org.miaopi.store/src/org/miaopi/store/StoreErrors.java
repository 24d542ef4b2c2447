package org.miaopi.store;

import java.sql.SQLException;
import java.util.Locale;

import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;

/** Turns Derby's SQL states (buried in EclipseLink and JDBC wrappers) into {@link StoreException}s. */
public final class StoreErrors {

	private StoreErrors() {
	}

	/** @param store where the store lives, named in the message */
	public static StoreException map(Throwable t, Object store, String doing) {
		if (t instanceof StoreException se) {
			return se;
		}
		for (Throwable c = t; c != null; c = c.getCause()) {
			if (c instanceof SQLException sql) {
				for (SQLException s = sql; s != null; s = s.getNextException()) {
					StoreException mapped = byState(s, store, doing, t);
					if (mapped != null) {
						return mapped;
					}
				}
			}
			if (c instanceof java.io.IOException io) {
				return ioFailure(store, doing, io.getMessage(), t);
			}
			if (c.getCause() == c) {
				break;
			}
		}
		return new StoreException(Problem.FAILED, "the store at " + store + " failed while " + doing + ": "
				+ rootMessage(t), t);
	}

	private static StoreException byState(SQLException s, Object store, String doing, Throwable t) {
		String state = s.getSQLState() == null ? "" : s.getSQLState();
		String msg = String.valueOf(s.getMessage()).toLowerCase(Locale.ROOT);
		if (state.equals("XSDB6")) {
			return new StoreException(Problem.LOCKED, "the store at " + store
					+ " is open in another running Miaopi (workbench or ./miaopi job); close that one and try again", t);
		}
		if (state.equals("XBM06") || state.equals("XBCXK") || state.equals("XBCXL")) {
			return new StoreException(Problem.WRONG_KEY, "the boot key or password does not open the store at "
					+ store + "; nothing was changed. Use the boot.key file or password the store was created with", t);
		}
		if (msg.contains("no space left") || msg.contains("disk full") || state.startsWith("XSDG")
				|| state.startsWith("XSLA") || state.startsWith("XSDF") || state.equals("XSLAA")) {
			return ioFailure(store, doing, s.getMessage(), t);
		}
		return null;
	}

	private static StoreException ioFailure(Object store, String doing, String detail, Throwable t) {
		return new StoreException(Problem.IO_FAILURE, "disk full or I/O error while " + doing + " in the store at "
				+ store + " (" + detail + "); the transaction was rolled back and earlier data are intact."
				+ " Free disk space or check the disk, then retry", t);
	}

	static String rootMessage(Throwable t) {
		Throwable r = t;
		while (r.getCause() != null && r.getCause() != r) {
			r = r.getCause();
		}
		return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
	}
}
