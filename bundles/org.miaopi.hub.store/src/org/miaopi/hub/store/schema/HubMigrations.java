package org.miaopi.hub.store.schema;

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
import java.util.Locale;

/**
 * Brings the hub's schema up to {@link #CURRENT}, one script per version, each in its own
 * transaction with the row that records it. The same scripts serve Derby and PostgreSQL: the
 * few types that differ are written as tokens the {@link Dialect} fills in.
 */
public final class HubMigrations {

	/** The schema this build reads and writes. */
	public static final int CURRENT = 5;

	/** The SQL types that differ between the two databases. */
	public enum Dialect {
		DERBY("VARCHAR(32672)", "BLOB(64M)"), //$NON-NLS-1$ //$NON-NLS-2$
		POSTGRESQL("TEXT", "BYTEA"); //$NON-NLS-1$ //$NON-NLS-2$

		final String text;
		final String bytes;

		Dialect(String text, String bytes) {
			this.text = text;
			this.bytes = bytes;
		}
	}

	private HubMigrations() {
	}

	public static int current() {
		return CURRENT;
	}

	/** @return the version the database had before (0 for a new one) */
	public static int migrate(Connection c, Dialect dialect) throws SQLException {
		return migrateTo(c, dialect, CURRENT);
	}

	public static int migrateTo(Connection c, Dialect dialect, int target) throws SQLException {
		boolean auto = c.getAutoCommit();
		c.setAutoCommit(false);
		try {
			ensureVersionTable(c);
			int found = version(c);
			if (found > CURRENT) {
				throw new SQLException("the hub database has schema version " + found //$NON-NLS-1$
						+ " but this Miaopi knows only up to " + CURRENT + "; update Miaopi before opening it"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			for (int v = found + 1; v <= target; v++) {
				try (Statement s = c.createStatement()) {
					for (String sql : script(v, dialect)) {
						s.execute(sql);
					}
				}
				try (PreparedStatement p = c.prepareStatement("INSERT INTO HUB_SCHEMA_VERSION (VERSION, APPLIED_MS) VALUES (?, ?)")) { //$NON-NLS-1$
					p.setInt(1, v);
					p.setLong(2, System.currentTimeMillis());
					p.executeUpdate();
				}
				c.commit();
			}
			c.commit();
			return found;
		} catch (SQLException | RuntimeException e) {
			c.rollback();
			throw e;
		} finally {
			c.setAutoCommit(auto);
		}
	}

	public static int version(Connection c) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(VERSION) FROM HUB_SCHEMA_VERSION")) { //$NON-NLS-1$
			r.next();
			return r.getInt(1); // NULL reads as 0: a new database
		}
	}

	private static void ensureVersionTable(Connection c) throws SQLException {
		// PostgreSQL folds unquoted names to lower case, Derby to upper case: ask for both
		for (String name : List.of("HUB_SCHEMA_VERSION", "hub_schema_version")) { //$NON-NLS-1$ //$NON-NLS-2$
			try (ResultSet r = c.getMetaData().getTables(null, null, name, null)) {
				if (r.next()) {
					return;
				}
			}
		}
		try (Statement s = c.createStatement()) {
			s.execute("CREATE TABLE HUB_SCHEMA_VERSION (VERSION INT NOT NULL PRIMARY KEY, APPLIED_MS BIGINT NOT NULL)"); //$NON-NLS-1$
		}
	}

	/** The statements of V{version}.sql for a dialect: split at ';' line ends, '--' comments dropped. */
	public static List<String> script(int version, Dialect dialect) {
		String name = "V" + version + ".sql"; //$NON-NLS-1$ //$NON-NLS-2$
		try (InputStream in = HubMigrations.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("migration script " + name + " is missing from the hub store bundle"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			StringBuilder sql = new StringBuilder();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) { //$NON-NLS-1$
				if (!line.strip().startsWith("--")) { //$NON-NLS-1$
					sql.append(line).append('\n');
				}
			}
			String text = sql.toString().replace("${TEXT}", dialect.text).replace("${BYTES}", dialect.bytes); //$NON-NLS-1$ //$NON-NLS-2$
			if (text.contains("${")) { //$NON-NLS-1$
				throw new IllegalStateException(name + " has a token no dialect fills in"); //$NON-NLS-1$
			}
			List<String> statements = new ArrayList<>();
			for (String st : text.split(";\\s*\n")) { //$NON-NLS-1$
				if (!st.isBlank()) {
					statements.add(st.strip());
				}
			}
			return statements;
		} catch (IOException e) {
			throw new IllegalStateException("cannot read migration script " + name, e); //$NON-NLS-1$
		}
	}

	/** The dialect of a JDBC URL: PostgreSQL for jdbc:postgresql:, Derby for jdbc:derby:. */
	public static Dialect dialectOf(String jdbcUrl) {
		String u = jdbcUrl.toLowerCase(Locale.ROOT);
		if (u.startsWith("jdbc:postgresql:")) { //$NON-NLS-1$
			return Dialect.POSTGRESQL;
		}
		if (u.startsWith("jdbc:derby:")) { //$NON-NLS-1$
			return Dialect.DERBY;
		}
		throw new IllegalArgumentException("the hub runs on Derby or PostgreSQL; not on " + jdbcUrl.replaceAll("password=[^&;]*", "password=…")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
