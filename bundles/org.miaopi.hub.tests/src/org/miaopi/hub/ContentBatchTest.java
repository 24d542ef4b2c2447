package org.miaopi.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.hub.HubFixture.Reply;
import org.miaopi.hub.store.Desk;

/**
 * {@code POST /v1/contents} over real HTTPS (docs/hub.md): many of the department's files in one
 * answer, and the refusals, each as the single-file endpoint refuses; and refusals that come before
 * a body is read (401, 403, 404, 405) read it to its end, so the client sees the reason, not a reset.
 */
class ContentBatchTest {

	private HubFixture hub;
	private HttpClient psb;
	private HttpClient mca;
	private HttpClient intake;

	@BeforeEach
	void start() throws Exception {
		hub = new HubFixture();
		intake = HubFixture.client(hub.enrol("intake-1", Desk.Role.INTAKE, null));
		psb = HubFixture.client(hub.enrol("psb-desk-1", Desk.Role.DESK, "SZPSB"));
		mca = HubFixture.client(hub.enrol("mca-desk-1", Desk.Role.DESK, "SZMCA"));
		hub.postLines(intake, "/v1/intake/dossiers", String.join("\n", HubFixture.demoLines(40, 11)));
	}

	@AfterEach
	void stop() throws Exception {
		hub.close();
	}

	private List<String> files(String department) {
		List<String> hashes = new ArrayList<>();
		hub.store.departmentDossiers(department, 0, 10_000).items().forEach(d -> d.materials().forEach(m -> {
			if (m.sha256() != null && !hashes.contains(m.sha256())) {
				hashes.add(m.sha256());
			}
		}));
		return hashes;
	}

	private Reply ask(HttpClient client, List<String> hashes) throws Exception {
		String body = "{\"sha256\": [" + String.join(",", hashes.stream().map(h -> "\"" + h + "\"").toList()) + "]}";
		return hub.post(client, "/v1/contents", "application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	/** The answer's files by the hash each frame names, in order; fails on anything but whole frames and the end line. */
	static Map<String, byte[]> frames(byte[] body) {
		Map<String, byte[]> out = new LinkedHashMap<>();
		int at = 0;
		while (true) {
			int eol = at;
			while (body[eol] != '\n') {
				eol++;
			}
			String line = new String(body, at, eol - at, StandardCharsets.US_ASCII);
			if (line.equals("end")) {
				assertEquals(body.length, eol + 1, "nothing after the end line");
				return out;
			}
			String[] f = line.split(" ");
			int size = Integer.parseInt(f[1]);
			out.put(f[0], java.util.Arrays.copyOfRange(body, eol + 1, eol + 1 + size));
			at = eol + 1 + size;
		}
	}

	@Test
	void aDeskGetsManyOfItsDepartmentsFilesInOneAnswerInTheOrderAsked() throws Exception {
		List<String> hashes = files("SZPSB");
		assertTrue(hashes.size() > 3, "the demo data give SZPSB files: " + hashes.size());
		List<String> asked = new ArrayList<>(hashes);
		java.util.Collections.reverse(asked);
		Reply r = ask(psb, asked);
		assertEquals(200, r.status(), new String(r.bytes(), StandardCharsets.UTF_8));
		Map<String, byte[]> got = frames(r.bytes());
		assertEquals(asked, new ArrayList<>(got.keySet()));
		for (String h : asked) {
			assertArrayEquals(hub.store.content(h).orElseThrow(), got.get(h), h);
		}
	}

	@Test
	void aBatchWithAFileOfAnotherDepartmentOrUnknownIsRefusedWhole() throws Exception {
		List<String> own = files("SZPSB");
		String foreign = files("SZMCA").stream().filter(h -> !own.contains(h)).findFirst().orElseThrow();
		Reply other = ask(psb, List.of(own.get(0), foreign));
		assertEquals(404, other.status(), "as GET /v1/contents/{sha256} refuses a file of another department");
		assertTrue(other.reason().contains(foreign) && other.reason().contains("SZPSB"), other.reason());
		assertEquals(404, hub.get(psb, "/v1/contents/" + foreign).status(), "the single-file endpoint says the same");
		assertEquals(200, ask(mca, List.of(foreign)).status(), "its own department's desk gets it");

		Reply unknown = ask(psb, List.of(own.get(0), "0".repeat(64)));
		assertEquals(404, unknown.status());
		assertTrue(unknown.reason().contains("0".repeat(64)), unknown.reason());

		List<String> many = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			many.add(String.format("%064x", i));
		}
		Reply tooMany = ask(psb, many);
		assertEquals(400, tooMany.status());
		assertTrue(tooMany.reason().contains("at most 1000"), tooMany.reason());
		assertEquals(400, ask(psb, List.of("NOT-A-HASH")).status());
		assertEquals(400, ask(psb, List.of()).status());
		assertEquals(403, ask(intake, List.of(own.get(0))).status(), "files are for desks");
		assertEquals(401, ask(hub.anonymous(), List.of(own.get(0))).status());
		assertEquals(405, hub.send(psb, java.net.http.HttpRequest.newBuilder(hub.url.resolve("/v1/contents"))
				.method("PUT", java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()).status());
	}

	@Test
	void refusalsBeforeTheBodyIsReadStillReadItSoTheClientSeesTheReason() throws Exception {
		// sent whole before the answer is read: unless the hub reads the rest, the client sees a reset, not the refusal
		byte[] big = new byte[(int) HubFixture.BATCH_LIMIT];
		java.util.Arrays.fill(big, (byte) ' ');
		for (int i = 0; i < 3; i++) {
			assertEquals(401, hub.post(hub.anonymous(), "/v1/desks/me/batches", "application/json", big).status());
			assertEquals(403, hub.post(intake, "/v1/desks/me/batches", "application/json", big).status());
			assertEquals(404, hub.post(psb, "/v1/no-such-thing", "application/json", big).status());
			assertEquals(405, hub.post(psb, "/v1/me", "application/json", big).status());
		}
		// and the same client is served on: nothing of a refused body is taken for its next request
		assertEquals(200, hub.get(psb, "/v1/me").status());
	}

	@Test
	void aRefusedRequestLeavesItsConnectionOpenForTheNext() throws Exception {
		javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
		java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("root", hub.seals.root());
		javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
		tmf.init(trust);
		ssl.init(null, tmf.getTrustManagers(), null);
		byte[] body = new byte[256 * 1024];
		java.util.Arrays.fill(body, (byte) ' ');
		try (java.net.Socket socket = ssl.getSocketFactory().createSocket("127.0.0.1", hub.url.getPort())) {
			socket.setSoTimeout(30_000);
			var out = socket.getOutputStream();
			var in = new java.io.BufferedInputStream(socket.getInputStream());
			for (String path : List.of("/v1/no-such-thing", "/v1/departments/SZPSB/dossiers", "/v1/me", "/v1/desks/me/batches")) {
				// one connection, as a kept-alive client uses it: each refusal must leave it able to carry the next request
				out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length
						+ "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(body);
				out.flush();
				String status = response(in);
				assertTrue(status.startsWith("HTTP/1.1 4"), path + ": " + status);
			}
			out.write("GET /v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertTrue(response(in).startsWith("HTTP/1.1 401"), "the connection still serves after four refused bodies (404, 405, 405, 401)");
		}
	}

	/** Reads one HTTP/1.1 response (headers and a Content-Length body); returns its status line. */
	private static String response(java.io.InputStream in) throws java.io.IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int c = in.read();
			if (c < 0) {
				throw new java.io.EOFException("the hub closed the connection; read so far: " + head);
			}
			head.append((char) c);
		}
		int length = 0;
		for (String line : head.toString().split("\r\n")) {
			if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(15).strip());
			}
		}
		in.readNBytes(length);
		return head.substring(0, head.indexOf("\r\n"));
	}
}
