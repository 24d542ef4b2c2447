package org.miaopi.sync.internal;

import java.net.http.HttpClient;
import java.time.Duration;

import javax.net.ssl.SSLContext;

/**
 * The desk's HTTPS clients to the hub. A desk syncs every five minutes by default, and the JDK keeps an
 * idle connection for 30 seconds unless told otherwise, so every background round would pay a new
 * mutual-TLS handshake (about 4× an empty round's time on a kept connection, {@code ./miaopi bench hub}).
 * The connection is kept for {@link #KEEP_ALIVE} instead, which the hub's idle limit exceeds
 * ({@code HubServer}), so that it is the desk that closes an idle connection, never a request's peer.
 */
public final class HubClients {

	/** Longer than the default sync interval; a longer interval opens a new connection each round. */
	public static final Duration KEEP_ALIVE = Duration.ofMinutes(10);
	/** The JDK reads it once, when the first client of the process is made. */
	static final String KEEP_ALIVE_PROPERTY = "jdk.httpclient.keepalive.timeout"; //$NON-NLS-1$

	private HubClients() {
	}

	/** A client over {@code ssl}; the first made in the process fixes the keep-alive for all (the launcher sets it too). */
	public static HttpClient of(SSLContext ssl, Duration connectTimeout) {
		if (System.getProperty(KEEP_ALIVE_PROPERTY) == null) {
			System.setProperty(KEEP_ALIVE_PROPERTY, Long.toString(KEEP_ALIVE.toSeconds()));
		}
		return HttpClient.newBuilder().sslContext(ssl).connectTimeout(connectTimeout).build();
	}
}
