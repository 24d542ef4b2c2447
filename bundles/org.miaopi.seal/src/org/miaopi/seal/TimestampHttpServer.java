package org.miaopi.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The timestamp authority on loopback HTTP (RFC 3161 §3.4: POST application/timestamp-query,
 * answer application/timestamp-reply). Loopback only: the desk or the hub starts it for local
 * clients; it is not a public service.
 */
public final class TimestampHttpServer implements AutoCloseable {

	private static final int MAX_REQUEST = 16 * 1024;
	private final HttpServer server;
	private final java.util.concurrent.atomic.AtomicLong served;

	private TimestampHttpServer(HttpServer server, java.util.concurrent.atomic.AtomicLong served) {
		this.server = server;
		this.served = served;
	}

	/** Timestamps answered so far. */
	public long requestsServed() {
		return served.get();
	}

	/** Starts on 127.0.0.1; port 0 picks a free port. */
	public static TimestampHttpServer start(TimestampAuthority tsa, int port) throws IOException {
		return start(tsa, InetAddress.getLoopbackAddress(), port);
	}

	/**
	 * Starts on a loopback address; port 0 picks a free port.
	 *
	 * @throws IllegalArgumentException for any other address (this is not a public service) or port
	 */
	public static TimestampHttpServer start(TimestampAuthority tsa, InetAddress address, int port) throws IOException {
		return start(() -> tsa, address, port);
	}

	/**
	 * As {@link #start(TimestampAuthority, InetAddress, int)}, with the authority asked for at the
	 * first request: a desk binds its port at start without opening the keystore for it.
	 */
	public static TimestampHttpServer start(java.util.function.Supplier<TimestampAuthority> tsa, InetAddress address, int port) throws IOException {
		if (!address.isLoopbackAddress()) {
			throw new IllegalArgumentException("the timestamp authority serves loopback only; " + address.getHostAddress() //$NON-NLS-1$
					+ " is not a loopback address"); //$NON-NLS-1$
		}
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("not a port number: " + port); //$NON-NLS-1$
		}
		HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
		java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
		server.createContext("/tsa", exchange -> handle(tsa, exchange, served)); //$NON-NLS-1$
		server.setExecutor(Executors.newFixedThreadPool(2, r -> {
			Thread t = new Thread(r, "miaopi-tsa-http"); //$NON-NLS-1$
			t.setDaemon(true);
			return t;
		}));
		server.start();
		return new TimestampHttpServer(server, served);
	}

	public URI uri() {
		InetSocketAddress a = server.getAddress();
		String host = a.getAddress() instanceof java.net.Inet6Address ? "[" + a.getAddress().getHostAddress() + "]" : a.getAddress().getHostAddress(); //$NON-NLS-1$ //$NON-NLS-2$
		return URI.create("http://" + host + ":" + a.getPort() + "/tsa"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static void handle(java.util.function.Supplier<TimestampAuthority> tsa, HttpExchange exchange, java.util.concurrent.atomic.AtomicLong served)
			throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) { //$NON-NLS-1$
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			byte[] request;
			try (InputStream in = exchange.getRequestBody()) {
				request = in.readNBytes(MAX_REQUEST + 1);
			}
			if (request.length > MAX_REQUEST) {
				exchange.sendResponseHeaders(413, -1);
				return;
			}
			byte[] reply;
			try {
				reply = tsa.get().respond(request);
			} catch (IOException e) {
				exchange.sendResponseHeaders(400, -1);
				return;
			} catch (RuntimeException e) {
				// e.g. the keystore cannot be opened: the client sees a failure, not a hang
				exchange.sendResponseHeaders(500, -1);
				return;
			}
			served.incrementAndGet();
			exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply"); //$NON-NLS-1$ //$NON-NLS-2$
			exchange.sendResponseHeaders(200, reply.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(reply);
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
		((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
	}
}
