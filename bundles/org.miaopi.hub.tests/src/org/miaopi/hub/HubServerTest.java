package org.miaopi.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.sync.DeskIdentity;
import org.miaopi.sync.HubEnrolment;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.hub.HubFixture.Reply;
import org.miaopi.hub.store.Desk;
import org.miaopi.hub.store.HubDossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The hub over real HTTPS with mutual TLS, on a free loopback port, with desk certificates from its CA. */
class HubServerTest {

	private HubFixture hub;
	private HttpClient intake;
	private HttpClient mkt;
	private HttpClient civil;

	@BeforeEach
	void start() throws Exception {
		hub = new HubFixture();
		intake = HubFixture.client(hub.enrol("intake-1", Desk.Role.INTAKE, null));
		mkt = HubFixture.client(hub.enrol("mkt-desk-1", Desk.Role.DESK, "SZPSB"));
		civil = HubFixture.client(hub.enrol("civil-desk-1", Desk.Role.DESK, "SZMCA"));
	}

	@AfterEach
	void stop() throws Exception {
		hub.close();
	}

	/** A copy of a demo line for a natural person, under a new submission id. */
	private static ObjectNode naturalPersonLine(List<String> lines, String submissionId) throws Exception {
		for (String l : lines) {
			ObjectNode n = (ObjectNode) HubFixture.JSON.readTree(l);
			if (n.has("matter") && n.path("applicant").has("residentId")) {
				n.put("submissionId", submissionId);
				return n;
			}
		}
		throw new AssertionError("no natural-person line in the demo data");
	}

	@Test
	void intakeImportsGoodLinesAndRefusesEachBadOneWithItsLineNumber() throws Exception {
		List<String> demo = HubFixture.demoLines(12, 3);
		ObjectNode badId = naturalPersonLine(demo, "BAD-ID");
		String id = badId.path("applicant").path("residentId").asText();
		((ObjectNode) badId.get("applicant")).put("residentId", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
		ObjectNode unknownMatter = naturalPersonLine(demo, "BAD-MATTER").put("matter", "NO-SUCH-MATTER");
		ObjectNode badHash = naturalPersonLine(demo, "BAD-HASH");
		((ObjectNode) badHash.get("materials").get(0)).put("sha256", "0".repeat(64));
		List<String> body = new ArrayList<>(demo);
		body.add(badId.toString());
		body.add(unknownMatter.toString());
		body.add("{not json");
		body.add(badHash.toString());
		Reply r = hub.postLines(intake, "/v1/intake/dossiers", String.join("\n", body) + "\n");
		assertEquals(200, r.status(), r.json().toString());
		long stored = hub.store.counts().get("Dossier");
		assertEquals(stored, r.json().get("imported").asLong());
		assertTrue(stored >= 12, "every demo application imported: " + stored);
		JsonNode refused = r.json().get("refused");
		assertEquals(4, refused.size(), refused.toString());
		int n = demo.size();
		assertEquals(n + 1, refused.get(0).get("line").asInt());
		assertTrue(refused.get(0).get("reason").asText().contains("applicant.residentId"), refused.get(0).toString());
		assertEquals(n + 2, refused.get(1).get("line").asInt());
		assertTrue(refused.get(1).get("reason").asText().contains("NO-SUCH-MATTER"), refused.get(1).toString());
		assertEquals(n + 3, refused.get(2).get("line").asInt());
		assertTrue(refused.get(2).get("reason").asText().startsWith("not JSON"), refused.get(2).toString());
		assertTrue(refused.get(3).get("reason").asText().contains("does not match its sha256"), refused.get(3).toString());
		assertTrue(hub.store.progress("BAD-ID").isEmpty(), "a refused line leaves nothing behind");

		Reply again = hub.postLines(intake, "/v1/intake/dossiers", String.join("\n", demo));
		assertEquals(0, again.json().get("imported").asLong(), "the same submissions again import nothing");
		assertEquals(stored, again.json().get("duplicateCount").asLong());
		assertEquals(stored, hub.store.counts().get("Dossier"));
	}

	@Test
	void progressBySubmissionIdAndChangeFeedByCursor() throws Exception {
		List<String> demo = HubFixture.demoLines(5, 4);
		hub.postLines(intake, "/v1/intake/dossiers", String.join("\n", demo));
		String sid = HubFixture.JSON.readTree(demo.get(0)).get("submissionId").asText();
		String first = hub.store.progressFeed(0, 1).items().get(0).submissionId();
		Reply one = hub.get(intake, "/v1/progress/" + first);
		assertEquals(200, one.status());
		assertEquals("SUBMITTED", one.json().get("stage").asText());
		assertTrue(one.json().get("workingDaysLeft").asInt() > 0);
		assertTrue(sid.length() > 0);
		assertEquals(404, hub.get(intake, "/v1/progress/NOT-SUBMITTED").status());
		Set<String> seen = new HashSet<>();
		long cursor = 0;
		JsonNode page;
		do {
			page = hub.get(intake, "/v1/progress?after=" + cursor + "&limit=2").json();
			page.get("items").forEach(i -> seen.add(i.get("submissionId").asText()));
			cursor = page.get("next").asLong();
		} while (page.get("more").asBoolean());
		assertEquals(hub.store.counts().get("Progress").intValue(), seen.size());
		assertEquals(0, hub.get(intake, "/v1/progress?after=" + cursor).json().get("items").size(), "nothing new after the last cursor");
		assertEquals(403, hub.get(mkt, "/v1/progress/" + first).status(), "progress is for the intake platform");
	}

	@Test
	void deskPullsItsDepartmentByCursorAndNoOtherOne() throws Exception {
		hub.postLines(intake, "/v1/intake/dossiers", String.join("\n", HubFixture.demoLines(30, 5)));
		long expected = hub.store.departmentDossiers("SZPSB", 0, 10_000).items().size();
		assertTrue(expected > 2, "the demo data route dossiers to SZPSB");
		List<String> pulled = new ArrayList<>();
		long cursor = 0;
		JsonNode page;
		do {
			Reply r = hub.get(mkt, "/v1/departments/SZPSB/dossiers?after=" + cursor + "&limit=3");
			assertEquals(200, r.status(), r.reason());
			page = r.json();
			page.get("items").forEach(d -> {
				assertEquals("SZPSB", d.get("department").asText());
				pulled.add(d.get("submissionId").asText());
			});
			cursor = page.get("next").asLong();
		} while (page.get("more").asBoolean());
		assertEquals(expected, pulled.size());
		assertEquals(expected, new HashSet<>(pulled).size(), "no dossier twice");

		Reply other = hub.get(civil, "/v1/departments/SZPSB/dossiers");
		assertEquals(403, other.status());
		assertTrue(other.reason().contains("not of SZPSB"), other.reason());
		assertEquals(403, hub.get(intake, "/v1/departments/SZPSB/dossiers").status(), "the intake platform pulls nothing");

		HubDossier withFile = hub.store.departmentDossiers("SZPSB", 0, 10_000).items().stream()
				.filter(d -> d.materials().stream().anyMatch(m -> m.sha256() != null)).findFirst().orElseThrow();
		String hash = withFile.materials().stream().filter(m -> m.sha256() != null).findFirst().orElseThrow().sha256();
		Reply file = hub.get(mkt, "/v1/contents/" + hash);
		assertEquals(200, file.status());
		assertEquals(hash, ContentHashing.sha256(file.bytes()).hex());
		assertArrayEquals(hub.store.content(hash).orElseThrow(), file.bytes());
		assertEquals(404, hub.get(civil, "/v1/contents/" + hash).status(), "a file of another department's dossier");
	}

	@Test
	void requestsWithoutAnEnrolledCertificateAreRefusedAndStoreNothing() throws Exception {
		String lines = String.join("\n", HubFixture.demoLines(3, 6));
		Reply none = hub.postLines(hub.anonymous(), "/v1/intake/dossiers", lines);
		assertEquals(401, none.status());
		assertEquals("unauthenticated", none.json().get("error").asText());
		assertEquals(0L, hub.store.counts().get("Dossier"));
		for (String path : List.of("/v1/departments/SZPSB/dossiers", "/v1/departments/SZPSB/records", "/v1/me", "/v1/progress")) {
			Reply anonymous = hub.get(hub.anonymous(), path);
			assertEquals(401, anonymous.status(), path);
			assertTrue(anonymous.reason().contains("./miaopi enrol"), path + ": " + anonymous.reason());
		}

		// a certificate from the same CA that was never enrolled
		var g = KeyPairGenerator.getInstance("EC");
		g.initialize(256);
		var keys = g.generateKeyPair();
		var cert = hub.seals.certifyClient(keys.getPublic(), "stranger", "SZPSB", java.time.Duration.ofDays(1));
		DeskIdentity stranger = new DeskIdentity(hub.url, "stranger", "SZPSB", keys.getPrivate(), cert, hub.seals.root());
		Reply unknown = hub.get(HubFixture.client(stranger), "/v1/departments/SZPSB/dossiers");
		assertEquals(403, unknown.status());
		assertTrue(unknown.reason().contains("not enrolled"), unknown.reason());

		assertTrue(hub.store.desks().revoke("mkt-desk-1"));
		Reply revoked = hub.get(mkt, "/v1/departments/SZPSB/dossiers");
		assertEquals(403, revoked.status());
		assertTrue(revoked.reason().contains("revoked"), revoked.reason());
		assertEquals(403, hub.postLines(mkt, "/v1/intake/dossiers", lines).status(), "a desk cannot hand in dossiers");
		assertEquals(0L, hub.store.counts().get("Dossier"));
	}

	@Test
	void malformedAndOversizedRequestsGetAClear4xxAndStoreNothing() throws Exception {
		String lines = String.join("\n", HubFixture.demoLines(3, 7));
		Reply type = hub.post(intake, "/v1/intake/dossiers", "text/csv", lines.getBytes(StandardCharsets.UTF_8));
		assertEquals(415, type.status());
		byte[] big = new byte[(int) HubFixture.INTAKE_LIMIT + 1];
		java.util.Arrays.fill(big, (byte) ' ');
		// sent whole before the answer is read: the hub reads the rest so the client sees the reason, not a reset
		for (int i = 0; i < 3; i++) {
			Reply tooLarge = hub.post(intake, "/v1/intake/dossiers", "application/x-ndjson", big);
			assertEquals(413, tooLarge.status());
			assertTrue(tooLarge.reason().contains("limit"), tooLarge.reason());
		}
		Reply chunked = HubFixture.send(intake, java.net.http.HttpRequest.newBuilder(hub.url.resolve("/v1/intake/dossiers"))
				.header("Content-Type", "application/x-ndjson")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());
		assertEquals(413, chunked.status(), "a body of no declared length is refused past the limit too");
		assertTrue(chunked.reason().contains("limit"), chunked.reason());
		Reply waiting = HubFixture.send(intake, java.net.http.HttpRequest.newBuilder(hub.url.resolve("/v1/intake/dossiers"))
				.header("Content-Type", "application/x-ndjson").expectContinue(true)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big)).build());
		assertEquals(413, waiting.status(), "a client that waits for 100 Continue is refused before it sends");
		assertTrue(waiting.reason().contains("limit"), waiting.reason());
		Reply notUtf8 = hub.post(intake, "/v1/intake/dossiers", "application/x-ndjson", new byte[] { (byte) 0xff, (byte) 0xfe, '\n' });
		assertEquals(400, notUtf8.status());
		assertEquals(400, hub.get(intake, "/v1/progress?after=-1").status());
		assertEquals(400, hub.get(intake, "/v1/progress?limit=100000").status());
		assertEquals(405, hub.get(intake, "/v1/intake/dossiers").status());
		assertEquals(404, hub.get(intake, "/v2/anything").status());
		Reply enrolJunk = hub.post(hub.anonymous(), "/v1/enrol", "application/json", "{\"code\":".getBytes(StandardCharsets.UTF_8));
		assertEquals(400, enrolJunk.status());
		Reply enrolMissing = hub.post(hub.anonymous(), "/v1/enrol", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
		assertEquals(400, enrolMissing.status());
		assertTrue(enrolMissing.reason().contains("csr"), enrolMissing.reason());
		assertEquals(0L, hub.store.counts().get("Dossier"));
	}

	@Test
	void aWrongContentTypeIsRefusedWithItsReasonEvenWithALargeBody() throws Exception {
		// sent whole before the answer is read: unless the hub reads the rest, the client sees a reset, not the 415
		byte[] big = new byte[(int) HubFixture.INTAKE_LIMIT];
		java.util.Arrays.fill(big, (byte) ' ');
		for (int i = 0; i < 3; i++) {
			Reply type = hub.post(intake, "/v1/intake/dossiers", "text/csv", big);
			assertEquals(415, type.status());
			assertTrue(type.reason().contains("Content-Type"), type.reason());
		}
		Reply chunked = HubFixture.send(intake, java.net.http.HttpRequest.newBuilder(hub.url.resolve("/v1/intake/dossiers"))
				.header("Content-Type", "text/plain")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());
		assertEquals(415, chunked.status(), "a body of no declared length is read to its end too");
		Reply waiting = HubFixture.send(intake, java.net.http.HttpRequest.newBuilder(hub.url.resolve("/v1/intake/dossiers"))
				.header("Content-Type", "text/plain").expectContinue(true)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big)).build());
		assertEquals(415, waiting.status(), "a client that waits for 100 Continue is refused before it sends");
		// and the client is served as before: nothing of a refused body is taken for its next request
		assertEquals(200, hub.postLines(intake, "/v1/intake/dossiers", String.join("\n", HubFixture.demoLines(2, 7))).status());
		assertTrue(hub.store.counts().get("Dossier") > 0);
	}

	@Test
	void enrolmentCodeWorksOnceAndGivesTheCodesDepartment() throws Exception {
		String code = hub.store.desks().createCode(Desk.Role.DESK, "HRSS", java.time.Duration.ofHours(1));
		String root = DeskIdentity.fingerprint(hub.seals.root());
		DeskIdentity id = HubEnrolment.enrol(hub.url, "hrss-desk", "HRSS", code, root);
		assertEquals("HRSS", id.department());
		assertEquals(200, hub.get(HubFixture.client(id), "/v1/me").status());
		HubEnrolment.EnrolFailed again = assertThrows(HubEnrolment.EnrolFailed.class,
				() -> HubEnrolment.enrol(hub.url, "hrss-desk-2", "HRSS", code, root));
		assertTrue(again.getMessage().contains("used already"), again.getMessage());
		String wrongRoot = "AB".repeat(32);
		String other = hub.store.desks().createCode(Desk.Role.DESK, "HRSS", java.time.Duration.ofHours(1));
		HubEnrolment.EnrolFailed pinned = assertThrows(HubEnrolment.EnrolFailed.class,
				() -> HubEnrolment.enrol(hub.url, "hrss-desk-3", "HRSS", other, wrongRoot));
		assertTrue(pinned.getMessage().contains("nothing was sent"), pinned.getMessage());
		assertEquals("HRSS", HubEnrolment.enrol(hub.url, "hrss-desk-3", "HRSS", other, root).department(),
				"a code not sent to a hub of the wrong root still works");
		assertFalse(hub.store.desks().all().isEmpty());
	}
}
