package org.miaopi.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

import org.miaopi.store.jpa.NameKeys;
import org.miaopi.store.schema.Migrations;

/**
 * One booted embedded Derby database. Booting is done here over plain JDBC, with the secret in
 * connection properties (never in a URL that could be logged); EclipseLink then connects to the
 * already booted database by its bare URL and never sees the secret.
 */
final class DerbyDatabase implements AutoCloseable {

	// set before this class can boot any database: Derby reads them at boot
	static {
		// a page cache of 32 MB instead of Derby's 4 MB; the queue and the look-ups stay in memory
		if (System.getProperty("derby.storage.pageCacheSize") == null) {
			System.setProperty("derby.storage.pageCacheSize", "8000");
		}
		// a 1 MiB log buffer instead of 32 KiB: Derby writes its log synchronously, so a 秒批 page's
		// settlement (a few MB of log) waited on hundreds of small disk writes (JFR: RandomAccessFile
		// writes under SettleWriter.execute); a commit still forces the log as before
		if (System.getProperty("derby.storage.logBufferSize") == null) {
			System.setProperty("derby.storage.logBufferSize", "1048576");
		}
	}

	private final Path dir;
	private final Driver driver = loadDriver();
	private int previousVersion;

	private DerbyDatabase(Path dir) {
		this.dir = dir;
	}

	/** By name: the package is wired at run time through the org.miaopi.derby.jdbc fragment only. */
	private static Driver loadDriver() {
		try {
			return (Driver) Class.forName("org.apache.derby.iapi.jdbc.AutoloadedDriver", true,
					DerbyDatabase.class.getClassLoader()).getDeclaredConstructor().newInstance();
		} catch (ReflectiveOperationException | LinkageError e) {
			throw new IllegalStateException("the embedded Derby driver is missing from this installation", e);
		}
	}

	static boolean exists(Path dir) {
		return Files.exists(dir.resolve("service.properties"));
	}

	/** Boots (creating the store when it does not exist yet) and migrates the schema to the current version. */
	static DerbyDatabase open(Path dir, BootSecret secret) {
		return open(dir, secret, Migrations.current());
	}

	static DerbyDatabase open(Path dir, BootSecret secret, int schemaVersion) {
		DerbyDatabase db = new DerbyDatabase(dir);
		boolean create = !exists(dir);
		Properties p = secret.attributes(create);
		if (create) {
			p.setProperty("create", "true");
		}
		try (Connection c = db.driver.connect(db.url(), p)) {
			db.previousVersion = Migrations.migrateTo(c, schemaVersion);
			NameKeys.refresh(c); // keys SQL cannot compute: after the migration that adds them, or a new ICU
		} catch (SQLException | RuntimeException e) {
			db.shutdownQuietly();
			throw StoreErrors.map(e, dir, create ? "creating it" : "opening it");
		}
		return db;
	}

	String url() {
		return "jdbc:derby:" + dir;
	}

	Path dir() {
		return dir;
	}

	int previousVersion() {
		return previousVersion;
	}

	Connection connect() throws SQLException {
		return driver.connect(url(), new Properties());
	}

	/** Whether Derby encrypts this database: its service.properties (a plain file) says so. */
	boolean encrypted() {
		Properties p = new Properties();
		try (var in = Files.newInputStream(dir.resolve("service.properties"))) {
			p.load(in);
		} catch (java.io.IOException e) {
			return false;
		}
		return "true".equalsIgnoreCase(p.getProperty("dataEncryption"));
	}

	/** Shuts the database down cleanly: releases the lock so another desk (or a test) can boot it. */
	@Override
	public void close() {
		shutdownQuietly();
	}

	private void shutdownQuietly() {
		try {
			driver.connect(url() + ";shutdown=true", new Properties());
		} catch (SQLException expected) {
			// Derby reports a successful shutdown as 08006, and "not booted" as XJ004: both are fine
		}
	}
}
