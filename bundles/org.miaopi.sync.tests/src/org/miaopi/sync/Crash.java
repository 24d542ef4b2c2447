package org.miaopi.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a process killed at this instant leaves on disk, for an embedded Derby that runs in the
 * test's own JVM (where no second engine can boot the same files). Derby is frozen
 * ({@code SYSCS_FREEZE_DATABASE}: the log and pages written so far are on disk, further writes wait),
 * its directory is copied, and the copy is booted by a new store: Derby recovers it as after a
 * crash, redoing what committed and undoing what had not. Transactions under way at the freeze
 * are in the copy half done, exactly as SIGKILL would leave them. What the old process does after
 * the freeze never reaches the copy.
 */
final class Crash {

	/** Derby's lock files: a killed process leaves them, but no process holds them any more. */
	private static final Set<String> LOCKS = Set.of("db.lck", "dbex.lck"); //$NON-NLS-1$ //$NON-NLS-2$

	private Crash() {
	}

	/** A frozen database; closing it lets the live process write again. */
	static final class Frozen implements AutoCloseable {
		private final Connection c;

		private Frozen(Connection c) {
			this.c = c;
		}

		@Override
		public void close() throws SQLException {
			try (Statement s = c.createStatement()) {
				s.execute("CALL SYSCS_UTIL.SYSCS_UNFREEZE_DATABASE()"); //$NON-NLS-1$
			} finally {
				c.close();
			}
		}
	}

	static Frozen freeze(String jdbcUrl) throws SQLException {
		Connection c = derby().connect(jdbcUrl, new Properties());
		try (Statement s = c.createStatement()) {
			s.execute("CALL SYSCS_UTIL.SYSCS_FREEZE_DATABASE()"); //$NON-NLS-1$
		} catch (SQLException e) {
			c.close();
			throw e;
		}
		return new Frozen(c);
	}

	/** Derby's driver, made directly as the stores make it (DriverManager does not see bundles' drivers). */
	private static java.sql.Driver derby() throws SQLException {
		try {
			return (java.sql.Driver) Class.forName("org.apache.derby.iapi.jdbc.AutoloadedDriver", true, Crash.class.getClassLoader()) //$NON-NLS-1$
					.getDeclaredConstructor().newInstance();
		} catch (ReflectiveOperationException e) {
			throw new SQLException("no Derby driver in the test's runtime", e); //$NON-NLS-1$
		}
	}

	/** Copies a directory tree (a frozen database, a desk's whole store) but Derby's lock files. */
	static void copy(Path from, Path to) throws IOException {
		List<Path> all;
		try (Stream<Path> files = Files.walk(from)) {
			all = files.toList();
		}
		for (Path p : all) {
			Path target = to.resolve(from.relativize(p).toString());
			if (Files.isDirectory(p)) {
				Files.createDirectories(target);
			} else if (!LOCKS.contains(p.getFileName().toString())) {
				Files.copy(p, target);
			}
		}
	}
}
