package org.miaopi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.miaopi.hub.Hub;
import org.miaopi.hub.HubServer;
import org.miaopi.sync.internal.Backoff;
import org.miaopi.sync.internal.HubClients;
import org.miaopi.sync.internal.SyncRound;

/**
 * A desk's background rounds come minutes apart (five by default): the connection to the hub is kept
 * through such a pause, so an empty round costs a request, not a new mutual-TLS handshake. Both ends
 * used to drop an idle connection after 30 seconds (Jetty's and the JDK's defaults).
 */
class KeptConnectionTest {

	/** Past the 30 seconds both ends kept an idle connection before. */
	private static final Duration PAUSE = Duration.ofSeconds(33);
	/** By when the hub has closed a stalled request's connection ({@link HubServer#IDLE_REQUEST}, with room for a loaded machine). */
	private static final Duration CUT_OFF = HubServer.IDLE_REQUEST.plusSeconds(20);

	@Test
	void theRoundAfterAPauseTakesTheKeptConnection() throws Exception {
		try (HubAndDesk env = new HubAndDesk(12)) {
			DeskIdentity id = env.enrol("psb-desk-1", "SZPSB"); //$NON-NLS-1$ //$NON-NLS-2$
			SyncRound round = new SyncRound(HubAndDesk.transport(id), env.desk, env.desk, env.matters, null, id.desk(),
					id.department(), Backoff.DEFAULT, d -> {
						throw new AssertionError("the hub is up: no retry"); //$NON-NLS-1$
					});
			assertNull(round.run(1).problem());
			long opened = env.server.connectionsOpened();
			// the same pause shows the other side: a request that stops sending is not kept like an idle connection
			try (SSLSocket stalled = stalledRequest(id, env.server.port())) {
				long stalledAt = System.nanoTime();
				opened++;

				Thread.sleep(PAUSE.toMillis());
				SyncReport again = round.run(1);

				assertNull(again.problem());
				assertEquals(0, again.pulled());
				assertEquals(opened, env.server.connectionsOpened(), "the round after the pause opened a new connection"); //$NON-NLS-1$
				long waited = Duration.ofNanos(System.nanoTime() - stalledAt).toMillis();
				stalled.setSoTimeout((int) Math.max(1, CUT_OFF.toMillis() - waited));
				InputStream in = stalled.getInputStream();
				try {
					while (in.read() >= 0) { // an answer (408, 400) may come before the end; the end must come
					}
				} catch (SocketTimeoutException e) {
					fail("the hub still held a stalled request's connection after " + CUT_OFF.toSeconds() + " s"); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
		}
	}

	/** A request that announces 1,000 bytes of content, sends 10 and stops. */
	private static SSLSocket stalledRequest(DeskIdentity id, int port) throws Exception {
		SSLSocket s = (SSLSocket) id.sslContext(null).getSocketFactory().createSocket(Hub.LOOPBACK, port);
		s.startHandshake();
		OutputStream out = s.getOutputStream();
		out.write(("POST /v1/contents HTTP/1.1\r\nHost: " + Hub.LOOPBACK + "\r\nContent-Type: application/json\r\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "Content-Length: 1000\r\n\r\n{\"hashes\":").getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
		out.flush();
		return s;
	}

	@Test
	void theDeskClosesAnIdleConnectionBeforeTheHubDoes() {
		assertTrue(HubClients.KEEP_ALIVE.compareTo(SyncSettings.DEFAULT_INTERVAL) > 0, "kept past the default interval"); //$NON-NLS-1$
		assertTrue(HubServer.IDLE_CONNECTION.compareTo(HubClients.KEEP_ALIVE) > 0,
				"a request on a connection the hub just closed would fail"); //$NON-NLS-1$
	}
}
