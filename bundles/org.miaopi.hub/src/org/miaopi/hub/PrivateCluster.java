package org.miaopi.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.miaopi.hub.store.HubDatabase;
import org.miaopi.hub.store.internal.Databases;

/**
 * The hub's own PostgreSQL cluster when {@code --postgres} names none: Debian's programs
 * ({@code apt-get install -y postgresql}) run {@code initdb} once and {@code pg_ctl start} when it
 * is not running; it listens on 127.0.0.1 only, with a random password kept owner-only in the
 * hub's directory. PostgreSQL refuses to run as root: then the cluster belongs to the
 * {@code postgres} account and lives in that account's directory (a root's home is closed to it),
 * and {@code hub/pg} in the Miaopi home links there.
 */
final class PrivateCluster {

	static final int DEFAULT_PORT = 55433;
	static final String DATABASE = "miaopi_hub"; //$NON-NLS-1$

	private final Path hubDir;
	private final int port;
	/** Set when {@link #ensureRunning} started the cluster (it was not running): the caller may stop it again. */
	private boolean started;

	PrivateCluster(Path hubDir, int port) {
		this.hubDir = hubDir;
		this.port = port;
	}

	/** Creates and starts the cluster when needed; returns its hub database. */
	HubDatabase ensureRunning() throws IOException, InterruptedException, SQLException {
		Path bin = bin();
		boolean root = "root".equals(System.getProperty("user.name")); //$NON-NLS-1$ //$NON-NLS-2$
		Path link = hubDir.resolve("pg"); //$NON-NLS-1$
		Path dir = root ? Path.of("/var/lib/postgresql", "miaopi-hub-" + digest(hubDir.toAbsolutePath().toString())) : link; //$NON-NLS-1$ //$NON-NLS-2$
		Files.createDirectories(hubDir);
		Path passwordFile = hubDir.resolve("pg-password"); //$NON-NLS-1$
		if (!Files.exists(dir.resolve("data/PG_VERSION"))) { //$NON-NLS-1$
			String password = newPassword();
			org.miaopi.core.OwnerOnlyFile.write(passwordFile, password);
			run(root, List.of("mkdir", "-p", dir.toString()), null); //$NON-NLS-1$ //$NON-NLS-2$
			run(root, List.of("sh", "-c", "umask 077; cat > " + dir.resolve("pwfile")), password); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			run(root, List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres", "-A", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
					"scram-sha-256", "--pwfile=" + dir.resolve("pwfile"), "-E", "UTF8", "--locale=C.UTF-8"), null); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			run(root, List.of("rm", "-f", dir.resolve("pwfile").toString()), null); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (root && !Files.exists(link)) {
				Files.createSymbolicLink(link, dir);
			}
		}
		if (!running(root, bin, dir)) {
			started = true;
			run(root, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
					"-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"), null); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
		}
		String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
		HubDatabase server = HubDatabase.postgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		try (Connection c = Databases.connect(server, false); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) { //$NON-NLS-1$ //$NON-NLS-2$
			if (!r.next()) {
				s.execute("CREATE DATABASE " + DATABASE); //$NON-NLS-1$
			}
		}
		return HubDatabase.postgres("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, "postgres", password); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** Whether {@link #ensureRunning} started the cluster (rather than finding it running). */
	boolean startedHere() {
		return started;
	}

	/** Stops the cluster ({@code pg_ctl stop -m fast}): a job that started it for itself leaves nothing running. */
	void stop() throws IOException, InterruptedException {
		boolean root = "root".equals(System.getProperty("user.name")); //$NON-NLS-1$ //$NON-NLS-2$
		Path dir = root ? Path.of("/var/lib/postgresql", "miaopi-hub-" + digest(hubDir.toAbsolutePath().toString())) : hubDir.resolve("pg"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		run(root, List.of(bin().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"), null); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
		started = false;
	}

	/** A database of its own on the running cluster, e.g. for a benchmark run. */
	HubDatabase scratch(HubDatabase cluster, String name) throws SQLException {
		try (Connection c = Databases.connect(cluster, false); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); //$NON-NLS-1$ //$NON-NLS-2$
			s.execute("CREATE DATABASE " + name); //$NON-NLS-1$
		}
		return HubDatabase.postgres("jdbc:postgresql://127.0.0.1:" + port + "/" + name, cluster.user(), cluster.password()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static boolean running(boolean root, Path bin, Path dir) throws IOException, InterruptedException {
		return exec(root, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "status"), null).exit == 0; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	private static Path bin() throws IOException {
		Path base = Path.of("/usr/lib/postgresql"); //$NON-NLS-1$
		if (Files.isDirectory(base)) {
			try (var versions = Files.list(base)) {
				for (Path v : versions.sorted(java.util.Comparator.reverseOrder()).toList()) {
					if (Files.isExecutable(v.resolve("bin/initdb"))) { //$NON-NLS-1$
						return v.resolve("bin"); //$NON-NLS-1$
					}
				}
			}
		}
		throw new IOException("PostgreSQL is not installed (Debian: apt-get install -y postgresql), or give --postgres a JDBC URL"); //$NON-NLS-1$
	}

	private record Result(int exit, String output) {
	}

	private static void run(boolean root, List<String> command, String input) throws IOException, InterruptedException {
		Result r = exec(root, command, input);
		if (r.exit != 0) {
			throw new IOException(command.get(0) + " failed (exit " + r.exit + "): " + r.output.strip()); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static Result exec(boolean root, List<String> command, String input) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>();
		if (root) {
			full.addAll(List.of("runuser", "-u", "postgres", "--")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		full.addAll(command);
		Process p = new ProcessBuilder(full).redirectErrorStream(true).directory(Path.of("/").toFile()).start(); //$NON-NLS-1$
		if (input != null) {
			p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
		}
		p.getOutputStream().close();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroy();
			throw new IOException(command.get(0) + " did not finish within 120 s"); //$NON-NLS-1$
		}
		return new Result(p.exitValue(), out);
	}

	private static String newPassword() {
		byte[] b = new byte[24];
		new SecureRandom().nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	private static String digest(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 12); //$NON-NLS-1$
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
