package org.miaopi.sync;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.hub.DemoIntake;
import org.miaopi.hub.Hub;
import org.miaopi.hub.HubServer;
import org.miaopi.hub.http.HubHandler;
import org.miaopi.hub.store.Desk;
import org.miaopi.hub.store.HubDatabase;
import org.miaopi.hub.store.HubStore;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;

/**
 * A real hub (embedded Derby, Jetty with mutual TLS on one loopback port for its whole life) that
 * can be killed and restarted, taken down, backed up and restored. It runs in the test's JVM, so a
 * kill is {@link Crash}'s equivalent of SIGKILL: connections dropped mid-request, the database
 * files as they were at that instant booted by a new hub on the same port.
 */
final class FaultHub implements AutoCloseable {

	final Path dir;
	final FileSealService seals;
	final MatterRegistry matters;
	private Path db;
	private HubStore store;
	private HubServer server;
	private int port;
	private int generation;
	int kills;

	FaultHub() throws Exception {
		dir = Files.createTempDirectory("fault-hub-"); //$NON-NLS-1$
		seals = new FileSealService(dir.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC()); //$NON-NLS-1$
		matters = HubAndDesk.service(MatterRegistry.class);
		db = dir.resolve("db-0"); //$NON-NLS-1$
		store = HubStore.open(HubDatabase.derby(db));
		up();
	}

	HubStore store() {
		return store;
	}

	URI url() {
		return URI.create("https://" + Hub.LOOPBACK + ":" + port); //$NON-NLS-1$ //$NON-NLS-2$
	}

	DeskIdentity enrol(String name, String department) throws Exception {
		String code = store.desks().createCode(Desk.Role.DESK, department, Duration.ofHours(1));
		return HubEnrolment.enrol(url(), name, department, code, DeskIdentity.fingerprint(seals.root()));
	}

	/** Demo dossiers through the hub's intake, as in {@link HubAndDesk}. */
	void demo(int dossiers) throws Exception {
		StringBuilder lines = new StringBuilder();
		DemoIntake.generate(dossiers, 7, LocalDate.of(2026, 12, 1), lines::append, r -> {
		});
		new Hub(store, seals, matters, Clock.systemUTC()).intake()
				.dossiers(new java.io.BufferedReader(new java.io.StringReader(lines.toString())), null);
	}

	/** Serving again (on the same port) after {@link #down()}. */
	void up() throws Exception {
		server = new Hub(store, seals, matters, Clock.systemUTC()).serve(Hub.LOOPBACK, port, HubHandler.Limits.DEFAULT);
		port = server.port();
	}

	/** Unreachable: nothing listens on the port until {@link #up()}. */
	void down() throws Exception {
		server.close();
		server = null;
	}

	/**
	 * Killed at this instant and started again: the database frozen, copied as it is on disk, the
	 * connections dropped before anything more can be answered; the old process's threads then
	 * finish into files nobody reads; a new hub boots the copy (Derby's crash recovery).
	 */
	void killAndRestart() throws Exception {
		Path next = dir.resolve("db-" + ++generation); //$NON-NLS-1$
		HubServer dying = server;
		HubStore dead = store;
		try (Crash.Frozen frozen = Crash.freeze(dead.database().url())) {
			Crash.copy(db, next);
			dying.halt();
		}
		dying.close();
		dead.close();
		kills++;
		db = next;
		store = HubStore.open(HubDatabase.derby(db));
		up();
	}

	/** A file-level backup of the database taken now (Derby frozen while it is copied). */
	Path backup() throws Exception {
		Path copy = dir.resolve("backup-" + ++generation); //$NON-NLS-1$
		try (Crash.Frozen frozen = Crash.freeze(store.database().url())) {
			Crash.copy(db, copy);
		}
		return copy;
	}

	/** Stopped, its database replaced by a copy of {@code backup}, started again. */
	void restore(Path backup) throws Exception {
		server.close();
		store.close();
		db = dir.resolve("db-" + ++generation); //$NON-NLS-1$
		Crash.copy(backup, db);
		store = HubStore.open(HubDatabase.derby(db));
		up();
	}

	@Override
	public void close() throws Exception {
		if (server != null) {
			server.close();
		}
		store.close();
	}
}
