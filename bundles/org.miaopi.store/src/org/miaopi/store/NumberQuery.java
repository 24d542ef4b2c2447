package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of numbers (dossiers, themes) read by plain JDBC: the store's listing queries select the
 * numbers in order with a row limit, then read the entities by number.
 */
final class NumberQuery {

	private NumberQuery() {
	}

	/** Refuses a page size below one, the same way for every listing. */
	static void requireLimit(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("the limit must be at least 1, got " + limit); //$NON-NLS-1$
		}
	}

	/**
	 * The first column of every row of {@code sql}, its parameters bound in order (strings, or
	 * integers such as the row limit); a failure is reported as {@code doing} failed.
	 */
	static List<String> numbers(DeskStore store, String sql, String doing, Object... parameters) {
		List<String> out = new ArrayList<>();
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				if (parameters[i] instanceof Integer n) {
					ps.setInt(i + 1, n);
				} else {
					ps.setString(i + 1, (String) parameters[i]);
				}
			}
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					out.add(r.getString(1));
				}
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), doing);
		}
		return out;
	}
}
