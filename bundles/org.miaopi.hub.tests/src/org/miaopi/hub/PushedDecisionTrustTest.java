package org.miaopi.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.hub.HubFixture.Reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the hub checks of each decision a desk pushes: an officer's signature over the decision
 * record its audit event covers, by the key its certificate names; a 秒批 decision's policy, policy
 * version and inputs digest. A decision that fails is refused for its dossier alone.
 */
class PushedDecisionTrustTest extends PushingDesk {

	@Test
	void aDecisionSignedWithAnotherKeyThanTheOfficersCertificateIsRefusedForItsDossierAloneAndTheDeskKeepsIt() throws Exception {
		pulled(mine.get(0), mine.get(1));
		DecisionSigner stranger = signer(officer.id());
		DecisionSigner forged = new DecisionSigner() {
			@Override
			public String officerId() {
				return officer.id();
			}

			@Override
			public String algorithm() {
				return "Ed25519";
			}

			@Override
			public byte[] certificate() {
				return signer.certificate();
			}

			@Override
			public byte[] sign(byte[] canonical) {
				return stranger.sign(canonical);
			}
		};
		store.transition(officer, TransitionRequest.decide(new Decision(mine.get(0), DecisionKind.APPROVE, List.of(), "条例第五条",
				officer.id(), Instant.now(), false, "材料齐全", null, null, null)), forged);
		approve(mine.get(1));
		Reply r = send(desk, batch(1, store.head()));
		assertEquals(200, r.status(), r.json().toString());
		assertEquals(store.head(), r.json().path("highWater").asLong(), "the mark moves past the refused row");
		assertEquals(1, r.json().path("refused").size(), r.json().toString());
		String why = refusal(r, mine.get(0));
		assertTrue(why != null && why.contains("li.na's signature does not hold"), r.json().toString());
		assertEquals("SUBMITTED", hub.get(intake, "/v1/progress/" + mine.get(0)).json().path("stage").asText());
		assertEquals("APPROVED", hub.get(intake, "/v1/progress/" + mine.get(1)).json().path("outcome").asText());
		assertEquals(DossierStatus.APPROVED, store.find(officer, mine.get(0)).orElseThrow().status(), "the officer's work stays");
		assertEquals(1, hub.store.officerCertificates().of("li.na").size(), "the hub knows the certificate of the decision that held");
	}

	@Test
	void aDecisionChangedAfterItWasSignedIsRefusedAndOneWithoutItsRecordToo() throws Exception {
		pulled(mine.get(0), mine.get(1));
		approve(mine.get(0));
		approve(mine.get(1));
		ObjectNode b = batch(1, store.head());
		for (JsonNode row : b.get("events")) {
			String payload = row.get("payload").asText();
			if (mine.get(0).equals(row.path("dossierNo").asText()) && payload.contains("材料齐全")) {
				((ObjectNode) row).put("payload", payload.replace("材料齐全", "材料不全但照批"));
			}
			if (mine.get(1).equals(row.path("dossierNo").asText()) && payload.contains("\"decision\":{")) {
				((ObjectNode) row).put("payload", payload.substring(0, payload.indexOf(",\"decision\":{")) + "}");
			}
		}
		Reply r = send(desk, b);
		assertEquals(200, r.status(), r.json().toString());
		assertTrue(refusal(r, mine.get(0)).contains("not the one its audit event covers"), r.json().toString());
		assertTrue(refusal(r, mine.get(1)).contains("carries no decision record"), r.json().toString());
		assertEquals("SUBMITTED", hub.get(intake, "/v1/progress/" + mine.get(0)).json().path("stage").asText());
	}

	@Test
	void an秒批DecisionReachesTheHubUnsignedAndOneMissingItsPolicyVersionIsRefused() throws Exception {
		preChecked(mine.get(0));
		preChecked(mine.get(1));
		for (String no : List.of(mine.get(0), mine.get(1))) {
			store.transition(Officer.SYSTEM, TransitionRequest.decide(new Decision(no, DecisionKind.APPROVE, List.of(), null,
					Officer.SYSTEM_ID, Instant.now(), true, null, "GRAD-HUKOU-AUTO", "1",
					org.miaopi.core.content.ContentHashing.sha256(no.getBytes(StandardCharsets.UTF_8)))));
		}
		ObjectNode b = batch(1, store.head());
		for (JsonNode row : b.get("events")) {
			if (mine.get(1).equals(row.path("dossierNo").asText())) {
				((ObjectNode) row).put("payload", row.get("payload").asText().replace("\"policyVersion\":\"1\"", "\"policyVersion\":null"));
			}
		}
		Reply r = send(desk, b);
		assertEquals(200, r.status(), r.json().toString());
		assertEquals(1, r.json().path("refused").size(), r.json().toString());
		assertTrue(refusal(r, mine.get(1)).contains("names its policy, policy version and inputs digest"), r.json().toString());
		assertEquals("APPROVED", hub.get(intake, "/v1/progress/" + mine.get(0)).json().path("outcome").asText(),
				"秒批 needs no officer's signature");
		assertEquals(List.of(), hub.store.officerCertificates().of(null));
	}
}
