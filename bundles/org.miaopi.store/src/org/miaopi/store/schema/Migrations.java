package org.miaopi.store.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;

/**
 * Brings a store's schema up to {@link #CURRENT} in place, one script per version, each in
 * its own transaction together with the row that records it: a failed upgrade leaves the
 * store at the previous version, never in between.
 */
public final class Migrations {

	/** The schema this build reads and writes. */
	public static final int CURRENT = 21;

	private Migrations() {
	}

	/**
	 * {@link #CURRENT} read at run time: a constant is copied into every class that names it, and
	 * an incremental build that recompiles only this file would leave callers on the old value.
	 */
	public static int current() {
		return CURRENT;
	}

	/** @return the version the store had before (0 for a new store) */
	public static int migrate(Connection c) throws SQLException {
		return migrateTo(c, CURRENT);
	}

	/** Upgrades only as far as {@code target}; tests use it to build stores of older versions. */
	public static int migrateTo(Connection c, int target) throws SQLException {
		boolean auto = c.getAutoCommit();
		c.setAutoCommit(false);
		try {
			ensureVersionTable(c);
			int found = version(c);
			if (found > CURRENT) {
				throw new StoreException(Problem.SCHEMA_TOO_NEW, "the store has schema version " + found
						+ " but this Miaopi knows only up to " + CURRENT + "; update Miaopi before opening it");
			}
			for (int v = found + 1; v <= target; v++) {
				try (Statement s = c.createStatement()) {
					for (String sql : script(v)) {
						s.execute(sql);
					}
				}
				try (PreparedStatement p = c.prepareStatement(
						"INSERT INTO SCHEMA_VERSION (VERSION, APPLIED_MS) VALUES (?, ?)")) {
					p.setInt(1, v);
					p.setLong(2, System.currentTimeMillis());
					p.executeUpdate();
				}
				c.commit();
			}
			return found;
		} catch (SQLException | RuntimeException e) {
			c.rollback();
			throw e;
		} finally {
			c.setAutoCommit(auto);
		}
	}

	public static int version(Connection c) throws SQLException {
		try (Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT MAX(VERSION) FROM SCHEMA_VERSION")) {
			r.next();
			return r.getInt(1); // NULL reads as 0: an empty table is a new store
		}
	}

	private static void ensureVersionTable(Connection c) throws SQLException {
		try (ResultSet r = c.getMetaData().getTables(null, null, "SCHEMA_VERSION", null)) {
			if (r.next()) {
				return;
			}
		}
		try (Statement s = c.createStatement()) {
			s.execute("CREATE TABLE SCHEMA_VERSION (VERSION INT NOT NULL PRIMARY KEY, APPLIED_MS BIGINT NOT NULL)");
		}
	}

	/** The statements of V{version}.sql: separated by ';' at line ends, '--' comments dropped. */
	static List<String> script(int version) {
		String name = "V" + version + ".sql";
		try (InputStream in = Migrations.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("migration script " + name + " is missing from the store bundle");
			}
			StringBuilder sql = new StringBuilder();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.strip().startsWith("--")) {
					sql.append(line).append('\n');
				}
			}
			List<String> statements = new ArrayList<>();
			for (String st : sql.toString().split(";\\s*\n")) {
				if (!st.isBlank()) {
					statements.add(st.strip());
				}
			}
			return statements;
		} catch (IOException e) {
			throw new IllegalStateException("cannot read migration script " + name, e);
		}
	}
}
