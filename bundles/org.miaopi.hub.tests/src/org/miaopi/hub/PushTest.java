package org.miaopi.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.id.ResidentId;
import org.miaopi.core.sync.LedgerCheckpoint;
import org.miaopi.core.sync.PushRefusal;
import org.miaopi.hub.HubFixture.Reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/desks/me/batches} end to end: a real desk store writes its outbox, a tiny pusher
 * (the sync client's transport, nothing more) sends it over mutual TLS, the hub applies it once,
 * moves the applicant's progress and signs a checkpoint the desk's audit verify then checks.
 */
class PushTest extends PushingDesk {

	@Test
	void aBatchIsAppliedOnceMovesProgressAndItsCheckpointVerifiesOnTheDesk() throws Exception {
		pulled(mine.get(0), mine.get(1));
		approve(mine.get(0));
		long head = store.head();
		Reply r = send(desk, batch(1, head));
		assertEquals(200, r.status(), r.json().toString());
		assertEquals(head, r.json().path("highWater").asLong());
		assertEquals(0, r.json().path("refused").size());
		JsonNode cp = r.json().path("checkpoint");
		assertEquals("desk-1", cp.path("desk").asText());
		assertEquals(head, cp.path("sequence").asLong());
		store.keepCheckpoint(new LedgerCheckpoint(cp.path("desk").asText(), cp.path("sequence").asLong(), cp.path("headHash").asText(),
				Base64.getDecoder().decode(cp.path("signature").asText()), Base64.getDecoder().decode(cp.path("hubCertificate").asText()),
				Instant.parse(cp.path("signedAt").asText()).toEpochMilli()));
		store.acknowledge(r.json().path("highWater").asLong());
		assertInstanceOf(Verification.Intact.class, store.verifyLedger(n -> {
		}), "the hub's signature verifies on the desk");

		Reply progress = hub.get(intake, "/v1/progress/" + mine.get(0));
		assertEquals("APPROVED", progress.json().path("stage").asText());
		assertEquals("APPROVED", progress.json().path("outcome").asText());
		assertEquals("SUBMITTED", hub.get(intake, "/v1/progress/" + mine.get(1)).json().path("stage").asText(),
				"a dossier the desk only pulled has not moved");
		long kept = hub.store.counts().get("DeskEvent");
		assertEquals(head, kept);
		assertEquals(head, hub.get(desk, "/v1/me").json().path("highWater").asLong());
	}

	@Test
	void aReplayIsAnsweredWithTheMarkAndAGapWith409() throws Exception {
		pulled(mine.get(0), mine.get(1));
		approve(mine.get(0));
		long head = store.head();
		ObjectNode first = batch(1, head);
		assertEquals(200, send(desk, first).status());
		Reply replay = send(desk, first);
		assertEquals(200, replay.status());
		assertEquals(head, replay.json().path("highWater").asLong());
		assertTrue(replay.json().path("checkpoint").isNull());
		assertEquals(head, hub.store.counts().get("DeskEvent"));

		approve(mine.get(1));
		Reply gap = send(desk, batch(head + 1, store.head()).put("from", head + 2).put("events", (JsonNode) null));
		assertEquals(400, gap.status(), "a batch whose rows do not match from..to is malformed");
		ObjectNode skipping = batch(head + 1, store.head());
		((ObjectNode) skipping.get("events").get(0)).put("sequence", head + 2);
		skipping.put("from", head + 2).put("to", head + 2);
		Reply ahead = send(desk, skipping);
		assertEquals(409, ahead.status(), ahead.json().toString());
		assertEquals("out-of-step", ahead.json().path("error").asText());
		assertEquals(head, ahead.json().path("highWater").asLong());
		assertEquals(200, send(desk, batch(head + 1, store.head())).status());
	}

	@Test
	void aDecisionForADossierWithdrawnAtTheHubIsRefusedForItAloneAndTheDeskKeepsTheRefusal() throws Exception {
		pulled(mine.get(0), mine.get(1));
		approve(mine.get(0));
		approve(mine.get(1));
		hub.store.pushes().withdraw(mine.get(0));
		Reply r = send(desk, batch(1, store.head()));
		assertEquals(200, r.status());
		assertEquals(store.head(), r.json().path("highWater").asLong());
		JsonNode refused = r.json().path("refused");
		assertEquals(1, refused.size());
		assertEquals(mine.get(0), refused.get(0).path("dossierNo").asText());
		assertEquals("WITHDRAWN", refused.get(0).path("hubState").asText());
		store.recordRefusal(new PushRefusal(refused.get(0).path("sequence").asLong(), mine.get(0), refused.get(0).path("reason").asText(),
				refused.get(0).path("hubState").asText(), System.currentTimeMillis()));
		assertEquals(mine.get(0), store.refusals().get(0).dossierNo());
		assertEquals(DossierStatus.APPROVED, store.find(officer, mine.get(0)).orElseThrow().status(), "the officer's work stays");
		assertEquals("WITHDRAWN", hub.get(intake, "/v1/progress/" + mine.get(0)).json().path("outcome").asText());
		assertEquals("APPROVED", hub.get(intake, "/v1/progress/" + mine.get(1)).json().path("outcome").asText());
	}

	@Test
	void aCertificateIssuedAtTheDeskIsHeldAtTheHubWithItsDocumentAndTheProgressNamesIt() throws Exception {
		pulled(mine.get(0));
		approve(mine.get(0));
		byte[] pdf = "%PDF-1.7\n% a sealed certificate\n".getBytes(StandardCharsets.US_ASCII);
		String sha = org.miaopi.core.content.ContentHashing.sha256(pdf).hex();
		String number = department + "-2026-H00000001";
		store.issued(officer, new org.miaopi.core.model.CertificateRecord(number, mine.get(0), new NaturalPerson(ResidentId.parse(
				"110101199003074514", LocalDate.of(2026, 12, 1)), "张三"), "GRAD-HUKOU", Instant.now(), LocalDate.of(2026, 12, 3), null,
				department, org.miaopi.core.content.ContentHashing.sha256(pdf), false, null));
		byte[] ask = ("{\"sha256\": [\"" + sha + "\"]}").getBytes(StandardCharsets.UTF_8);
		Reply missing = hub.post(desk, "/v1/desks/me/documents/missing", "application/json", ask);
		assertEquals(200, missing.status(), missing.reason());
		assertEquals(sha, missing.json().path("missing").get(0).asText(), "the hub lacks the new certificate's file");
		assertEquals(400, hub.post(desk, "/v1/desks/me/documents", "application/pdf", "not a PDF".getBytes(StandardCharsets.UTF_8)).status());
		assertEquals(415, hub.post(desk, "/v1/desks/me/documents", "text/plain", pdf).status());
		assertEquals(403, hub.post(intake, "/v1/desks/me/documents", "application/pdf", pdf).status(), "the intake platform uploads none");
		Reply up = hub.post(desk, "/v1/desks/me/documents", "application/pdf", pdf);
		assertEquals(200, up.status(), up.reason());
		assertEquals(sha, up.json().path("sha256").asText());
		assertTrue(up.json().path("stored").asBoolean());
		assertEquals(false, hub.post(desk, "/v1/desks/me/documents", "application/pdf", pdf).json().path("stored").asBoolean(),
				"held once");
		assertEquals(0, hub.post(desk, "/v1/desks/me/documents/missing", "application/json", ask).json().path("missing").size());

		Reply r = send(desk, batch(1, store.head()));
		assertEquals(200, r.status(), r.json().toString());
		assertEquals(0, r.json().path("refused").size(), r.json().toString());
		JsonNode progress = hub.get(intake, "/v1/progress/" + mine.get(0)).json();
		assertEquals("CERTIFICATE_ISSUED", progress.path("stage").asText());
		assertEquals(number, progress.path("certificateNo").asText(), "the applicant's progress names the certificate");
		Reply cert = hub.get(intake, "/v1/certificates/" + number);
		assertEquals(200, cert.status(), cert.reason());
		assertEquals(mine.get(0), cert.json().path("submissionId").asText());
		assertEquals(sha, cert.json().path("documentSha256").asText());
		assertEquals("110101199003074514", cert.json().path("holderId").asText());
		assertTrue(cert.json().path("documentHeld").asBoolean());
		Reply doc = hub.get(intake, "/v1/certificates/" + number + "/document");
		assertEquals(200, doc.status());
		assertArrayEquals(pdf, doc.bytes());
		assertEquals(403, hub.get(desk, "/v1/certificates/" + number).status(), "a desk reads no certificate register");
		assertEquals(404, hub.get(intake, "/v1/certificates/" + department + "-2026-H00000009").status());
		assertEquals(1, hub.store.certificates().forDossier(mine.get(0)).size());
	}

	@Test
	void aLedgerRewrittenAfterTheHubWitnessedItIsRefused() throws Exception {
		pulled(mine.get(0));
		long head = store.head();
		assertEquals(200, send(desk, batch(1, head)).status());
		approve(mine.get(0));
		ObjectNode next = batch(head + 1, store.head());
		// a payload whose event was changed after it was hashed
		ObjectNode row = (ObjectNode) next.get("events").get(0);
		row.put("payload", row.get("payload").asText().replace("\"actor\":\"li.na\"", "\"actor\":\"someone.else\""));
		Reply changed = send(desk, next);
		assertEquals(409, changed.status(), changed.json().toString());
		assertEquals("chain-broken", changed.json().path("error").asText());
		assertTrue(changed.reason().contains("does not match its hash"), changed.reason());
		assertEquals(head, changed.json().path("highWater").asLong());
		assertEquals(head, hub.store.counts().get("DeskEvent"), "nothing of it is stored");
	}

	@Test
	void aDeskCannotPushForADossierOfAnotherDepartment() throws Exception {
		pulled(mine.get(0), foreign);
		Reply r = send(desk, batch(1, store.head()));
		assertEquals(403, r.status());
		assertTrue(r.reason().contains(foreign), r.reason());
		assertEquals(0L, hub.store.counts().get("DeskEvent"));
	}

	@Test
	void badRequestsAreRefusedWithTheirReasonAndStoreNothing() throws Exception {
		pulled(mine.get(0));
		byte[] good = HubFixture.JSON.writeValueAsBytes(batch(1, store.head()));
		assertEquals(401, hub.post(hub.anonymous(), PATH, "application/json", good).status());
		assertEquals(403, send(intake, batch(1, store.head())).status(), "the intake platform is no desk");
		assertEquals(415, hub.post(desk, PATH, "text/plain", good).status());
		assertEquals(400, hub.post(desk, PATH, "application/json", "{\"desk\":".getBytes(StandardCharsets.UTF_8)).status());
		Reply missing = send(desk, batch(1, store.head()).put("ledgerHead", "nope"));
		assertEquals(400, missing.status());
		assertTrue(missing.reason().contains("ledgerHead"), missing.reason());
		Reply other = send(desk, batch(1, store.head()).put("desk", "desk-2"));
		assertEquals(403, other.status());
		assertTrue(other.reason().contains("cannot push for desk-2"), other.reason());
		byte[] big = new byte[(int) HubFixture.BATCH_LIMIT + 1];
		java.util.Arrays.fill(big, (byte) ' ');
		Reply tooLarge = hub.post(desk, PATH, "application/json", big);
		assertEquals(413, tooLarge.status(), "a batch past the limit");
		assertTrue(tooLarge.reason().contains("limit"), tooLarge.reason());
		assertEquals(405, hub.get(desk, PATH).status());
		assertEquals(0L, hub.store.counts().get("DeskEvent"));
		assertEquals(0, hub.get(desk, "/v1/me").json().path("highWater").asLong());
	}

}
