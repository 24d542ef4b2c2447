package org.miaopi.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.hub.Hub;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.sync.internal.CaCrl;
import org.miaopi.sync.internal.HttpsTransport;
import org.miaopi.sync.internal.HubTransport;

/**
 * The Miaopi CA's CRL in the pull (docs/hub.md, "The CA's CRL at the desk"), with a real hub: a
 * revocation at the hub reaches the desk, which then refuses a revoked hub; an unchanged CRL is not
 * sent again; a CRL the root did not sign is refused and the one held stays.
 */
class CaCrlTest {

	private HubAndDesk env;
	@TempDir
	Path dir;

	@BeforeEach
	void start() throws Exception {
		env = new HubAndDesk(0);
	}

	@AfterEach
	void stop() throws Exception {
		env.close();
	}

	@Test
	void aDeskRevokedAtTheHubIsOnTheCrlTheOtherDesksPullAndAnUnchangedCrlIsNotSentAgain() throws Exception {
		DeskIdentity one = env.enrol("psb-desk-1", "SZPSB"); //$NON-NLS-1$ //$NON-NLS-2$
		DeskIdentity two = env.enrol("psb-desk-2", "SZPSB"); //$NON-NLS-1$ //$NON-NLS-2$
		CountingTransport hub = new CountingTransport(HubAndDesk.transport(one));
		List<String> leftOut = new ArrayList<>();
		assertEquals(CaCrl.Outcome.NEW, new CaCrl(hub, dir, one.root()).run(leftOut));
		assertEquals(CaCrl.Outcome.UNCHANGED, new CaCrl(hub, dir, one.root()).run(leftOut));
		assertEquals(1, hub.crlBodies, "the second pull names the number it holds and gets no CRL"); //$NON-NLS-1$

		assertTrue(new Hub(env.hubStore, env.seals, env.matters, Clock.systemUTC()).revokeDesk("psb-desk-2")); //$NON-NLS-1$
		assertEquals(CaCrl.Outcome.NEW, new CaCrl(hub, dir, one.root()).run(leftOut));
		X509CRL held = CaCrl.held(dir).orElseThrow();
		assertNotNull(held.getRevokedCertificate(two.certificate()), "desk 2's certificate is on the CRL desk 1 holds"); //$NON-NLS-1$
		assertEquals(null, held.getRevokedCertificate(one.certificate()));
		assertEquals(403, HubAndDesk.transport(two).get("/v1/me").status(), "and the hub refuses desk 2"); //$NON-NLS-1$
		assertEquals(List.of(), leftOut);
	}

	@Test
	void aHubWhoseCertificateWasRevokedIsRefusedOnceTheDeskHoldsTheCrl() throws Exception {
		DeskIdentity id = env.enrol("psb-desk-1", "SZPSB"); //$NON-NLS-1$ //$NON-NLS-2$
		env.seals.revoke(env.seals.tlsServer(List.of("localhost", "127.0.0.1")).certificate(), 1, "the hub's key leaked"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		HttpsTransport before = HubAndDesk.transport(id);
		assertEquals(CaCrl.Outcome.NEW, new CaCrl(before, dir, id.root()).run(new ArrayList<>()));
		HttpsTransport after = new HttpsTransport(id, Duration.ofSeconds(20), CaCrl.held(dir).orElseThrow());
		IOException refused = assertThrows(IOException.class, () -> after.get("/v1/me")); //$NON-NLS-1$
		String why = describe(refused);
		assertTrue(why.contains("was revoked by the Miaopi CA"), why); //$NON-NLS-1$
	}

	@Test
	void aCrlNotSignedByTheRootIsRefusedAndTheOneHeldStays() throws Exception {
		DeskIdentity id = env.enrol("psb-desk-1", "SZPSB"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(CaCrl.Outcome.NEW, new CaCrl(HubAndDesk.transport(id), dir, id.root()).run(new ArrayList<>()));
		byte[] kept = Files.readAllBytes(dir.resolve(CaCrl.FILE));
		// another CA of the same name: its CRL names the same issuer but is not signed by this desk's root
		FileSealService other = new FileSealService(dir.resolve("other-seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC()); //$NON-NLS-1$
		other.revoke(other.tlsServer(List.of("localhost")).certificate(), 1, "forged"); //$NON-NLS-1$ //$NON-NLS-2$
		byte[] forged = other.crl().getEncoded();
		HubTransport liar = new HubTransport() {
			@Override
			public Reply get(String path) {
				return new Reply(200, "application/pkix-crl", forged); //$NON-NLS-1$
			}

			@Override
			public Reply post(String path, com.fasterxml.jackson.databind.JsonNode body) {
				throw new AssertionError(path);
			}

			@Override
			public Reply post(String path, byte[] body, String contentType) {
				throw new AssertionError(path);
			}
		};
		List<String> leftOut = new ArrayList<>();
		assertEquals(CaCrl.Outcome.REFUSED, new CaCrl(liar, dir, id.root()).run(leftOut));
		assertTrue(leftOut.get(0).contains("was refused"), leftOut.toString()); //$NON-NLS-1$
		assertArrayEquals(kept, Files.readAllBytes(dir.resolve(CaCrl.FILE)), "the CRL held stays"); //$NON-NLS-1$
	}

	private static String describe(Throwable t) {
		StringBuilder b = new StringBuilder();
		for (Throwable c = t; c != null; c = c.getCause()) {
			b.append(c.getMessage()).append(" | "); //$NON-NLS-1$
		}
		return b.toString();
	}

	/** Counts the CRLs the hub sent in full. */
	private static final class CountingTransport implements HubTransport {
		private final HubTransport hub;
		int crlBodies;

		CountingTransport(HubTransport hub) {
			this.hub = hub;
		}

		@Override
		public Reply get(String path) throws IOException, InterruptedException {
			Reply r = hub.get(path);
			if (path.startsWith("/v1/crl") && r.contentType().startsWith("application/pkix-crl")) { //$NON-NLS-1$ //$NON-NLS-2$
				crlBodies++;
			}
			return r;
		}

		@Override
		public Reply post(String path, com.fasterxml.jackson.databind.JsonNode body) throws IOException, InterruptedException {
			return hub.post(path, body);
		}

		@Override
		public Reply post(String path, byte[] body, String contentType) throws IOException, InterruptedException {
			return hub.post(path, body, contentType);
		}
	}
}
