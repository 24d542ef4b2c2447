package org.miaopi.hub;

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

	private final Server server;
	private final ServerConnector connector;

	private HubServer(Server server, ServerConnector connector) {
		this.server = server;
		this.connector = connector;
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
		ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http)); //$NON-NLS-1$
		connector.setHost(host);
		connector.setPort(port);
		server.addConnector(connector);
		server.setHandler(handler);
		server.setStopTimeout(5000);
		server.start();
		return new HubServer(server, connector);
	}

	public int port() {
		return connector.getLocalPort();
	}

	public String url() {
		return "https://" + connector.getHost() + ":" + port(); //$NON-NLS-1$ //$NON-NLS-2$
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
