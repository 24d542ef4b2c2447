package org.miaopi.hub;

import java.time.Duration;

import org.eclipse.jetty.io.ConnectionStatistics;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.miaopi.hub.http.HubHandler;

/** Jetty on a loopback address with HTTPS and mutual TLS, serving the {@link HubHandler}. */
public final class HubServer implements AutoCloseable {

	/**
	 * How long an idle connection is kept: longer than a desk keeps its own (10 minutes, past the default
	 * sync interval; {@code HubClients} in the sync bundle), so that the desk closes it, not the hub while a
	 * request may be on its way. Jetty's default of 30 seconds made every background round a new handshake.
	 */
	public static final Duration IDLE_CONNECTION = Duration.ofMinutes(11);
	/** How long a request may stall its reading or writing (a client that stops sending is cut off). */
	public static final Duration IDLE_REQUEST = Duration.ofSeconds(30);

	private final Server server;
	private final ServerConnector connector;
	private final ConnectionStatistics connections;

	private HubServer(Server server, ServerConnector connector, ConnectionStatistics connections) {
		this.server = server;
		this.connector = connector;
		this.connections = connections;
	}

	/** Starts serving; {@code port} 0 takes a free one (see {@link #port()}). */
	static HubServer start(String host, int port, SslContextFactory.Server ssl, HubHandler handler) throws Exception {
		QueuedThreadPool threads = new QueuedThreadPool(32, 4);
		threads.setName("hub-http"); //$NON-NLS-1$
		Server server = new Server(threads);
		HttpConfiguration http = new HttpConfiguration();
		SecureRequestCustomizer secure = new SecureRequestCustomizer();
		// desks reach a loopback or LAN address, not always the name on the certificate
		secure.setSniHostCheck(false);
		http.addCustomizer(secure);
		http.setSendServerVersion(false);
		http.setIdleTimeout(IDLE_REQUEST.toMillis());
		SslConnectionFactory tls = new SslConnectionFactory(ssl, "http/1.1"); //$NON-NLS-1$
		ConnectionStatistics connections = new ConnectionStatistics();
		tls.addBean(connections); // on the TLS layer: one count a connection, not one a protocol on it
		ServerConnector connector = new ServerConnector(server, tls, new HttpConnectionFactory(http));
		connector.setHost(host);
		connector.setPort(port);
		connector.setIdleTimeout(IDLE_CONNECTION.toMillis());
		server.addConnector(connector);
		server.setHandler(handler);
		server.setStopTimeout(5000);
		server.start();
		return new HubServer(server, connector, connections);
	}

	public int port() {
		return connector.getLocalPort();
	}

	public String url() {
		return "https://" + connector.getHost() + ":" + port(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Connections accepted since the start (a desk whose connection is kept opens one). */
	public long connectionsOpened() {
		return connections.getConnectionsTotal();
	}

	public void join() throws InterruptedException {
		server.join();
	}

	/**
	 * Drops every open connection and stops accepting at once, as a killed process would: a request
	 * in progress gets no answer. {@link #close()} then stops the threads.
	 */
	public void halt() {
		connector.close();
		connector.getConnectedEndPoints().forEach(org.eclipse.jetty.io.EndPoint::close);
	}

	@Override
	public void close() throws Exception {
		server.stop();
	}
}
