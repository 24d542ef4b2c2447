package org.miaopi.store.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

/**
 * The applicant's name as the queue sorts it: the ICU collation key of the Chinese (pinyin)
 * order, as hex (DOSSIER.APPLICANT_KEY, see the migration that added it). ICU rather than the
 * JDK's {@code Collator.getInstance(Locale.CHINA)}: the JDK orders only the 3,755 characters of
 * GB2312's first level by pinyin and puts every other one after them in code order, which
 * misplaces characters common in given names (堃, 喆, 昇, 犇, 龑), surnames such as 亓, and
 * traditional characters (張). A frozen ICU collator is safe to share between threads.
 */
public final class NameKeys {

	/** The column's width: a key cut there still orders by its first ~200 bytes (long names tie to the deadline). */
	static final int MAX = 400;

	private static final Collator COLLATOR = Collator.getInstance(ULocale.CHINA).freeze();

	private NameKeys() {
	}

	/** The sort key of a name ("" for none). */
	public static String of(String name) {
		if (name == null || name.isEmpty()) {
			return "";
		}
		String hex = HexFormat.of().formatHex(COLLATOR.getCollationKey(name).toByteArray());
		return hex.length() > MAX ? hex.substring(0, MAX) : hex;
	}

	/** The collator's version: keys made by another version may order names differently. */
	public static String version() {
		return "icu " + COLLATOR.getVersion();
	}

	/**
	 * Fills the keys a store lacks, in one transaction of {@code c}: every row's when the store's
	 * keys were made by another collator version (or none: just migrated), else the rows written
	 * without one. Does nothing on a store older than the key column.
	 *
	 * @return how many rows were given a key
	 */
	public static int refresh(Connection c) throws SQLException {
		try (ResultSet t = c.getMetaData().getTables(null, null, "NAME_COLLATION", null)) {
			if (!t.next()) {
				return 0;
			}
		}
		boolean auto = c.getAutoCommit();
		c.setAutoCommit(false);
		try (Statement s = c.createStatement()) {
			String stored = null;
			try (ResultSet r = s.executeQuery("SELECT VERSION FROM NAME_COLLATION")) {
				if (r.next()) {
					stored = r.getString(1);
				}
			}
			boolean all = !version().equals(stored);
			Map<String, String> names = new LinkedHashMap<>();
			try (ResultSet r = s.executeQuery("SELECT NUMBER, APPLICANT_NAME FROM DOSSIER"
					+ (all ? "" : " WHERE APPLICANT_KEY = ''"))) {
				while (r.next()) {
					names.put(r.getString(1), r.getString(2));
				}
			}
			try (PreparedStatement ps = c.prepareStatement("UPDATE DOSSIER SET APPLICANT_KEY = ? WHERE NUMBER = ?")) {
				int batch = 0;
				for (var e : names.entrySet()) {
					ps.setString(1, of(e.getValue()));
					ps.setString(2, e.getKey());
					ps.addBatch();
					if (++batch % 1000 == 0) {
						ps.executeBatch();
					}
				}
				ps.executeBatch();
			}
			if (all) {
				s.executeUpdate("DELETE FROM NAME_COLLATION");
				try (PreparedStatement ps = c.prepareStatement("INSERT INTO NAME_COLLATION (VERSION) VALUES (?)")) {
					ps.setString(1, version());
					ps.executeUpdate();
				}
			}
			c.commit();
			return names.size();
		} catch (SQLException | RuntimeException e) {
			c.rollback();
			throw e;
		} finally {
			c.setAutoCommit(auto);
		}
	}
}
