package org.miaopi.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.miaopi.sync.DeskIdentity;
import org.miaopi.sync.HubEnrolment;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.hub.http.HubHandler;
import org.miaopi.hub.store.Desk;
import org.miaopi.hub.store.HubDatabase;
import org.miaopi.hub.store.HubStore;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real hub for a test: its own CA, an embedded Derby, Jetty on a free loopback port with mutual
 * TLS; clients enrol through the desk's real enrolment client and talk with java.net.http.
 */
final class HubFixture implements AutoCloseable {

	static final ObjectMapper JSON = new ObjectMapper();
	/** Small, so that the oversized-request test need not send 64 MiB. */
	static final long INTAKE_LIMIT = 4L * 1024 * 1024;
	/** Small for the same reason: a desk's batch. */
	static final long BATCH_LIMIT = 1024 * 1024;

	final Path dir;
	final FileSealService seals;
	final HubStore store;
	final Hub hub;
	final HubServer server;
	final URI url;

	HubFixture() throws Exception {
		this(Files.createTempDirectory("hub-test-")); //$NON-NLS-1$
	}

	/** A hub on the CA and the database in {@code dir}, as a restarted hub finds them. */
	private HubFixture(Path dir) throws Exception {
		this.dir = dir;
		seals = new FileSealService(dir.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC()); //$NON-NLS-1$
		store = HubStore.open(HubDatabase.derby(dir.resolve("db"))); //$NON-NLS-1$
		hub = new Hub(store, seals, matters(), Clock.systemUTC());
		server = hub.serve(Hub.LOOPBACK, 0, new HubHandler.Limits(INTAKE_LIMIT, 64 * 1024, 1000, BATCH_LIMIT));
		url = URI.create(server.url());
	}

	static MatterRegistry matters() throws InterruptedException {
		var ctx = FrameworkUtil.getBundle(HubFixture.class).getBundleContext();
		ServiceTracker<MatterRegistry, MatterRegistry> tracker = new ServiceTracker<>(ctx, MatterRegistry.class, null);
		tracker.open();
		MatterRegistry r = tracker.waitForService(10_000);
		if (r == null) {
			throw new IllegalStateException("no MatterRegistry service"); //$NON-NLS-1$
		}
		return r;
	}

	/** Enrols a client through the desk's enrolment client, pinning the hub's root. */
	DeskIdentity enrol(String name, Desk.Role role, String department) throws Exception {
		String code = store.desks().createCode(role, department, Duration.ofHours(1));
		return HubEnrolment.enrol(url, name, role == Desk.Role.INTAKE ? "INTAKE" : department, code, //$NON-NLS-1$
				DeskIdentity.fingerprint(seals.root()));
	}

	static HttpClient client(DeskIdentity id) throws Exception {
		return HttpClient.newBuilder().sslContext(id.sslContext()).connectTimeout(Duration.ofSeconds(10)).build();
	}

	/** A client that trusts the hub but shows no certificate of its own. */
	HttpClient anonymous() throws Exception {
		KeyStore trust = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		trust.load(null, null);
		trust.setCertificateEntry("root", seals.root()); //$NON-NLS-1$
		TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		tmf.init(trust);
		SSLContext ssl = SSLContext.getInstance("TLS"); //$NON-NLS-1$
		ssl.init(null, tmf.getTrustManagers(), null);
		return HttpClient.newBuilder().sslContext(ssl).build();
	}

	record Reply(int status, JsonNode json, byte[] bytes) {
		String reason() {
			return json == null ? "" : json.path("reason").asText(); //$NON-NLS-1$
		}
	}

	Reply get(HttpClient client, String path) throws Exception {
		return send(client, HttpRequest.newBuilder(url.resolve(path)).GET().build());
	}

	Reply post(HttpClient client, String path, String type, byte[] body) throws Exception {
		return send(client, HttpRequest.newBuilder(url.resolve(path)).header("Content-Type", type) //$NON-NLS-1$
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
	}

	Reply postLines(HttpClient client, String path, String lines) throws Exception {
		return post(client, path, "application/x-ndjson", lines.getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
	}

	static Reply send(HttpClient client, HttpRequest request) throws Exception {
		HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		String type = r.headers().firstValue("Content-Type").orElse(""); //$NON-NLS-1$ //$NON-NLS-2$
		JsonNode json = type.startsWith("application/json") ? JSON.readTree(r.body()) : null; //$NON-NLS-1$
		return new Reply(r.statusCode(), json, r.body());
	}

	/** Demo dossiers as intake lines (materials inline), one line per application. */
	static List<String> demoLines(int dossiers, long seed) {
		List<String> lines = new ArrayList<>();
		DemoIntake.generate(dossiers, seed, LocalDate.of(2026, 12, 1), batch -> {
			for (String l : batch.split("\n")) { //$NON-NLS-1$
				if (!l.isBlank()) {
					lines.add(l);
				}
			}
		}, r -> {
		});
		return lines;
	}

	/** Stops this hub and starts another on the same CA and database, as a restart does. */
	HubFixture restart() throws Exception {
		close();
		return new HubFixture(dir);
	}

	@Override
	public void close() throws Exception {
		server.close();
		store.close();
	}
}
