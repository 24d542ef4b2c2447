package org.miaopi.hub.store.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.miaopi.hub.store.HubDatabase;
import org.miaopi.hub.store.HubStoreException;
import org.miaopi.hub.store.schema.HubMigrations;
import org.miaopi.hub.store.schema.HubMigrations.Dialect;

/**
 * Plain JDBC to either database (migrations, Derby's boot and shutdown) and the EclipseLink
 * properties that differ between them. Drivers are made directly, not through DriverManager,
 * which does not see bundles' drivers in OSGi.
 */
public final class Databases {

	private static final String DERBY_DRIVER = "org.apache.derby.iapi.jdbc.AutoloadedDriver"; //$NON-NLS-1$
	private static final String POSTGRES_DRIVER = "org.postgresql.Driver"; //$NON-NLS-1$

	private Databases() {
	}

	static {
		// a 1 MiB log buffer instead of Derby's 32 KiB: an import commits a few MB of log at once
		if (System.getProperty("derby.storage.logBufferSize") == null) { //$NON-NLS-1$
			System.setProperty("derby.storage.logBufferSize", "1048576"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	public static Driver driver(Dialect dialect) {
		String name = dialect == Dialect.DERBY ? DERBY_DRIVER : POSTGRES_DRIVER;
		try {
			return (Driver) Class.forName(name, true, Databases.class.getClassLoader()).getDeclaredConstructor().newInstance();
		} catch (ReflectiveOperationException | LinkageError e) {
			throw new HubStoreException("the " + dialect + " JDBC driver is missing from this installation", e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** A connection; Derby's database is created on first use. */
	public static Connection connect(HubDatabase db, boolean create) throws SQLException {
		Properties p = new Properties();
		if (db.user() != null) {
			p.setProperty("user", db.user()); //$NON-NLS-1$
		}
		if (db.password() != null) {
			p.setProperty("password", db.password()); //$NON-NLS-1$
		}
		if (create && db.dialect() == Dialect.DERBY) {
			p.setProperty("create", "true"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Connection c = driver(db.dialect()).connect(db.url(), p);
		if (c == null) {
			throw new SQLException("the driver does not accept " + db); //$NON-NLS-1$
		}
		return c;
	}

	/** Creates (Derby) and migrates; returns the schema version found before. */
	public static int prepare(HubDatabase db) {
		try (Connection c = connect(db, true)) {
			return HubMigrations.migrate(c, db.dialect());
		} catch (SQLException e) {
			throw new HubStoreException("cannot open the hub database " + db + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	public static Map<String, Object> jpaProperties(HubDatabase db) {
		Map<String, Object> p = new HashMap<>();
		p.put("jakarta.persistence.jdbc.driver", db.dialect() == Dialect.DERBY ? DERBY_DRIVER : POSTGRES_DRIVER); //$NON-NLS-1$
		p.put("jakarta.persistence.jdbc.url", db.url()); //$NON-NLS-1$
		if (db.user() != null) {
			p.put("jakarta.persistence.jdbc.user", db.user()); //$NON-NLS-1$
		}
		if (db.password() != null) {
			p.put("jakarta.persistence.jdbc.password", db.password()); //$NON-NLS-1$
		}
		p.put("eclipselink.classloader", Databases.class.getClassLoader()); //$NON-NLS-1$
		p.put("eclipselink.weaving", "false"); //$NON-NLS-1$ //$NON-NLS-2$
		p.put("eclipselink.ddl-generation", "none"); //$NON-NLS-1$ //$NON-NLS-2$
		p.put("eclipselink.target-database", db.dialect() == Dialect.DERBY //$NON-NLS-1$
				? "org.eclipse.persistence.platform.database.DerbyPlatform" //$NON-NLS-1$
				: "org.eclipse.persistence.platform.database.PostgreSQLPlatform"); //$NON-NLS-1$
		p.put("eclipselink.logging.level", "OFF"); //$NON-NLS-1$ //$NON-NLS-2$
		p.put("eclipselink.cache.shared.default", "false"); //$NON-NLS-1$ //$NON-NLS-2$
		p.put("eclipselink.jdbc.batch-writing", "JDBC"); //$NON-NLS-1$ //$NON-NLS-2$
		p.put("eclipselink.jdbc.batch-writing.size", "500"); //$NON-NLS-1$ //$NON-NLS-2$
		p.put("eclipselink.connection-pool.default.initial", "2"); //$NON-NLS-1$ //$NON-NLS-2$
		p.put("eclipselink.connection-pool.default.max", "16"); //$NON-NLS-1$ //$NON-NLS-2$
		return p;
	}

	/** Shuts an embedded Derby database down so that its directory can be opened again. */
	public static void shutdown(HubDatabase db) {
		if (db.dialect() != Dialect.DERBY) {
			return;
		}
		try {
			driver(Dialect.DERBY).connect(db.url() + ";shutdown=true", new Properties()); //$NON-NLS-1$
		} catch (SQLException expected) {
			// Derby reports a successful shutdown as 08006
		}
	}
}
