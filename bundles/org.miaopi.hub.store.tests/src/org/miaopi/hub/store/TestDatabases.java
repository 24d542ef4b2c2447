package org.miaopi.hub.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.miaopi.hub.store.internal.Databases;

/**
 * The two databases every hub persistence test runs on: a fresh embedded Derby in a temporary
 * directory, and a fresh database on the PostgreSQL server that {@code MIAOPI_TEST_POSTGRES_URL}
 * names (a superuser's URL, e.g. from {@code releng/pg-test-cluster.sh start}). Without that URL
 * the PostgreSQL runs fail in CI ({@code CI=true}) and are skipped, saying so, elsewhere.
 */
public final class TestDatabases {

	public static final String POSTGRES_URL = "MIAOPI_TEST_POSTGRES_URL"; //$NON-NLS-1$

	private static final List<Runnable> CLEANUPS = new ArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> CLEANUPS.forEach(Runnable::run)));
	}

	private TestDatabases() {
	}

	/** Names for a parameterized test: "derby", "postgresql". */
	public static Stream<String> both() {
		return Stream.of("derby", "postgresql"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** A new, empty database of the kind named. */
	public static HubDatabase fresh(String kind) throws Exception {
		if (kind.equals("derby")) { //$NON-NLS-1$
			Path dir = Files.createTempDirectory("hub-derby-"); //$NON-NLS-1$
			return HubDatabase.derby(dir.resolve("db")); //$NON-NLS-1$
		}
		return freshPostgres();
	}

	public static HubDatabase freshPostgres() throws SQLException {
		String admin = System.getenv(POSTGRES_URL);
		if (admin == null || admin.isBlank()) {
			String why = "PostgreSQL is not configured: set " + POSTGRES_URL //$NON-NLS-1$
					+ " (releng/pg-test-cluster.sh start prints it)"; //$NON-NLS-1$
			if ("true".equalsIgnoreCase(System.getenv("CI"))) { //$NON-NLS-1$ //$NON-NLS-2$
				Assertions.fail(why + "; in CI the hub's PostgreSQL tests must run, not be skipped"); //$NON-NLS-1$
			}
			Assumptions.abort(why);
		}
		String name = "hub_test_" + Long.toHexString(System.nanoTime()); //$NON-NLS-1$
		HubDatabase server = HubDatabase.postgres(admin, null, null);
		try (Connection c = Databases.connect(server, false); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name); //$NON-NLS-1$
		}
		CLEANUPS.add(() -> {
			try (Connection c = Databases.connect(server, false); Statement s = c.createStatement()) {
				s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); //$NON-NLS-1$ //$NON-NLS-2$
			} catch (SQLException ignored) {
				// the cluster is thrown away after the run anyway
			}
		});
		return HubDatabase.postgres(withDatabase(admin, name), null, null);
	}

	/** The admin URL with its database name replaced: jdbc:postgresql://host:port/NAME?query. */
	static String withDatabase(String url, String name) {
		int slash = url.indexOf('/', "jdbc:postgresql://".length()); //$NON-NLS-1$
		int query = url.indexOf('?');
		String head = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
		return head + "/" + name + (query < 0 ? "" : url.substring(query)); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
