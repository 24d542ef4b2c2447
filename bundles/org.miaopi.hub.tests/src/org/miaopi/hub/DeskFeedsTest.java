package org.miaopi.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.service.PasswordHashes;
import org.miaopi.hub.HubFixture.Reply;
import org.miaopi.hub.store.Desk;

/** The users feed and the number-block endpoints over real HTTPS: who gets what, and the refusals. */
class DeskFeedsTest {

	private HubFixture hub;
	private HttpClient psb;
	private HttpClient mca;
	private HttpClient intake;

	@BeforeEach
	void start() throws Exception {
		hub = new HubFixture();
		psb = HubFixture.client(hub.enrol("psb-desk-1", Desk.Role.DESK, "SZPSB"));
		mca = HubFixture.client(hub.enrol("mca-desk-1", Desk.Role.DESK, "SZMCA"));
		intake = HubFixture.client(hub.enrol("intake-1", Desk.Role.INTAKE, null));
	}

	@AfterEach
	void stop() throws Exception {
		hub.close();
	}

	private Reply post(HttpClient client, String path, String json) throws Exception {
		return hub.post(client, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void onlyADeskOfTheUsersDepartmentGetsTheirVerifiers() throws Exception {
		HubUserAdmin admin = new HubUserAdmin(hub.store.users());
		String password = admin.create("li.na", "李娜", "SZPSB", "OFFICER");
		admin.create("zhao.liu", "赵六", "SZMCA", "SUPERVISOR");

		Reply own = hub.get(psb, "/v1/departments/SZPSB/officers?after=0");
		assertEquals(200, own.status());
		assertEquals(1, own.json().get("items").size());
		String verifier = own.json().get("items").get(0).get("passwordHash").asText();
		assertTrue(PasswordHashes.matches(password.toCharArray(), verifier), "the verifier of the one-time password");
		assertFalse(verifier.contains(password), "never the password itself");

		for (HttpClient other : new HttpClient[] { mca, intake }) {
			Reply r = hub.get(other, "/v1/departments/SZPSB/officers?after=0");
			assertEquals(403, r.status(), r.json().toString());
			assertFalse(new String(r.bytes(), StandardCharsets.UTF_8).contains("pbkdf2"));
		}
		assertEquals(401, hub.get(hub.anonymous(), "/v1/departments/SZPSB/officers?after=0").status());
		assertEquals(403, hub.get(intake, "/v1/sources?after=0").status(), "sources are for desks");
		hub.store.sources().set("EDUCATION", false, "maintenance");
		Reply sources = hub.get(mca, "/v1/sources?after=0");
		assertEquals("EDUCATION", sources.json().get("items").get(0).get("source").asText());
		assertFalse(sources.json().get("items").get(0).get("available").asBoolean());
		assertEquals(400, hub.get(psb, "/v1/departments/SZPSB/officers?after=-1").status());
	}

	@Test
	void blocksAreTheDesksDepartmentsAndVoidsOnlyFromItsOwnBlocks() throws Exception {
		Reply a = post(psb, "/v1/desks/me/number-blocks", "{\"after\": 0}");
		assertEquals(200, a.status(), a.json().toString());
		assertEquals("SZPSB", a.json().get("department").asText());
		assertEquals(1, a.json().get("first").asLong());
		Reply again = post(psb, "/v1/desks/me/number-blocks", "{\"after\": 0}");
		assertEquals(a.json(), again.json(), "an answer lost on the way is answered again");
		Reply other = post(mca, "/v1/desks/me/number-blocks", "{\"after\": 0}");
		assertEquals("SZMCA", other.json().get("department").asText());
		assertEquals(1, other.json().get("first").asLong(), "each department numbers on its own");

		assertEquals(400, post(psb, "/v1/desks/me/number-blocks", "{}").status());
		assertEquals(400, post(psb, "/v1/desks/me/number-blocks", "[1]").status());
		assertEquals(403, post(intake, "/v1/desks/me/number-blocks", "{\"after\": 0}").status());

		Reply v = post(psb, "/v1/desks/me/number-voids", "{\"numbers\": [\"SZPSB-2026-H00000007\"]}");
		assertEquals(200, v.status(), v.json().toString());
		assertEquals(1, v.json().get("recorded").asInt());
		assertEquals(400, post(psb, "/v1/desks/me/number-voids", "{\"numbers\": [\"SZMCA-2026-H00000007\"]}").status(),
				"another department's number");
		assertEquals(400, post(psb, "/v1/desks/me/number-voids", "{\"numbers\": [\"SZPSB-2026-00000007\"]}").status(),
				"a number the desk gave on its own");
		assertEquals(403, post(mca, "/v1/desks/me/number-voids", "{\"numbers\": [\"SZMCA-2026-H00005000\"]}").status(),
				"a number outside the desk's blocks");
		assertEquals(java.util.List.of("SZPSB-2026-H00000007"), hub.store.numbers().voids("SZPSB"));
		assertEquals(java.util.List.of(), hub.store.numbers().voids("SZMCA"), "a refused report stores nothing");
		// last: the hub refuses by type before reading the body, and may then drop the kept-alive connection
		assertEquals(415, hub.post(psb, "/v1/desks/me/number-blocks", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)).status());
	}

	@Test
	void theMatterVersionsFeedIsForDesksAndTheCrlForAnyClientUnchangedWhenTheNumberIsHeld() throws Exception {
		assertEquals(403, hub.get(intake, "/v1/matter-versions?after=0").status(), "matter versions are for desks");
		assertTrue(hub.store.matterVersions().set(org.miaopi.hub.store.MatterVersions.Kind.MATTER, "GRAD-HUKOU", "2", false, "ops", null));
		Reply versions = hub.get(psb, "/v1/matter-versions?after=0");
		assertEquals(200, versions.status());
		assertEquals("GRAD-HUKOU", versions.json().get("items").get(0).get("code").asText());
		assertFalse(versions.json().get("items").get(0).get("enabled").asBoolean());
		assertEquals(0, hub.get(psb, "/v1/matter-versions?after=" + versions.json().get("next").asLong()).json().get("items").size());

		assertEquals(401, hub.get(hub.anonymous(), "/v1/crl").status());
		Reply crl = hub.get(psb, "/v1/crl");
		assertEquals(200, crl.status());
		java.security.cert.X509CRL parsed = (java.security.cert.X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
				.generateCRL(new java.io.ByteArrayInputStream(crl.bytes()));
		parsed.verify(hub.seals.root().getPublicKey());
		String number = org.miaopi.core.sync.CrlNumber.of(parsed).toString();
		assertTrue(hub.get(intake, "/v1/crl?have=" + number).json().get("unchanged").asBoolean(), "the number held: nothing sent");
		assertTrue(hub.hub.revokeDesk("mca-desk-1"));
		Reply after = hub.get(psb, "/v1/crl?have=" + number);
		java.security.cert.X509CRL newer = (java.security.cert.X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
				.generateCRL(new java.io.ByteArrayInputStream(after.bytes()));
		assertEquals(1, newer.getRevokedCertificates().size(), "the revoked desk's certificate is on the new CRL");
		assertEquals(403, hub.get(mca, "/v1/me").status());
	}

	@Test
	void aRestartedHubKeepsItsCrlAndARevocationSignsANewOne() throws Exception {
		java.math.BigInteger first = org.miaopi.core.sync.CrlNumber.of(hub.seals.crl());
		hub = hub.restart();
		assertTrue(hub.get(psb, "/v1/crl?have=" + first).json().get("unchanged").asBoolean(),
				"a desk that holds the CRL of before the restart downloads nothing");
		assertEquals(first.longValueExact(), hub.get(psb, "/v1/me").json().get("feeds").get("crl").asLong(),
				"the mark a sync round compares with is the same number");

		assertTrue(hub.hub.revokeDesk("mca-desk-1"));
		java.security.cert.X509CRL revoked = hub.seals.crl();
		assertTrue(org.miaopi.core.sync.CrlNumber.of(revoked).compareTo(first) > 0, "a revocation: a CRL with a higher number");
		assertEquals(1, revoked.getRevokedCertificates().size());
		hub = hub.restart();
		assertEquals(org.miaopi.core.sync.CrlNumber.of(revoked), org.miaopi.core.sync.CrlNumber.of(hub.seals.crl()),
				"the CRL with the revocation is kept over the next restart");
	}
}
