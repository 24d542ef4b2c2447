package org.miaopi.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.StoreFactory;
import org.miaopi.hub.DemoIntake;
import org.miaopi.hub.Hub;
import org.miaopi.hub.HubServer;
import org.miaopi.hub.http.HubHandler;
import org.miaopi.hub.store.Desk;
import org.miaopi.hub.store.HubDatabase;
import org.miaopi.hub.store.HubStore;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.sync.internal.HttpsTransport;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A real hub (its own CA, embedded Derby, Jetty on a free loopback port with mutual TLS) filled
 * with demo dossiers through its intake, and a fresh desk store beside it.
 */
final class HubAndDesk implements AutoCloseable {

	final Path dir;
	final FileSealService seals;
	final HubStore hubStore;
	final HubServer server;
	final OpenStore desk;
	final MatterRegistry matters;

	HubAndDesk(int dossiers) throws Exception {
		dir = Files.createTempDirectory("sync-test-"); //$NON-NLS-1$
		seals = new FileSealService(dir.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC()); //$NON-NLS-1$
		hubStore = HubStore.open(HubDatabase.derby(dir.resolve("hub-db"))); //$NON-NLS-1$
		matters = service(MatterRegistry.class);
		Hub hub = new Hub(hubStore, seals, matters, Clock.systemUTC());
		server = hub.serve(Hub.LOOPBACK, 0, HubHandler.Limits.DEFAULT);
		if (dossiers > 0) {
			List<SharedRecord> records = new ArrayList<>();
			StringBuilder lines = new StringBuilder();
			DemoIntake.generate(dossiers, 7, LocalDate.of(2026, 12, 1), lines::append, records::addAll);
			hub.intake().dossiers(new java.io.BufferedReader(new java.io.StringReader(lines.toString())), null);
			hubStore.importRecords(records.stream()
					.map(r -> new org.miaopi.hub.store.HubRecord(r.source().name(), r.subjectId(), r.asOf(), r.fields())).toList());
		}
		desk = service(StoreFactory.class).open(dir.resolve("desk-store"), false); //$NON-NLS-1$
	}

	static <T> T service(Class<T> type) throws InterruptedException {
		var ctx = FrameworkUtil.getBundle(HubAndDesk.class).getBundleContext();
		ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx, type, null);
		tracker.open();
		T s = tracker.waitForService(10_000);
		if (s == null) {
			throw new IllegalStateException("no " + type.getSimpleName() + " service"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return s;
	}

	java.net.URI url() {
		return java.net.URI.create(server.url());
	}

	/** A desk of {@code department} enrolled through the desk's real enrolment client, pinning the hub's root. */
	DeskIdentity enrol(String name, String department) throws Exception {
		String code = hubStore.desks().createCode(Desk.Role.DESK, department, Duration.ofHours(1));
		return HubEnrolment.enrol(url(), name, department, code, DeskIdentity.fingerprint(seals.root()));
	}

	static HttpsTransport transport(DeskIdentity id) throws Exception {
		return new HttpsTransport(id, Duration.ofSeconds(20));
	}

	/** How many dossiers the hub routed to {@code department}. */
	int hubCount(String department) {
		return hubStore.departmentDossiers(department, 0, 100_000).items().size();
	}

	/** How many shared records the hub holds for the applicants of {@code department}'s dossiers. */
	int hubRecords(String department) {
		return hubStore.records(hubStore.departmentDossiers(department, 0, 100_000).items().stream()
				.map(org.miaopi.hub.store.HubDossier::subjectId).toList()).size();
	}

	long deskDossiers() {
		return desk.info().counts().get("dossier"); //$NON-NLS-1$
	}

	long deskAuditEvents() {
		return desk.info().counts().get("audit_event"); //$NON-NLS-1$
	}

	@Override
	public void close() throws Exception {
		desk.close();
		server.close();
		hubStore.close();
	}
}
