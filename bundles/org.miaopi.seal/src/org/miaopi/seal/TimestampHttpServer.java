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

	private TimestampHttpServer(HttpServer server) {
		this.server = server;
	}

	/** Starts on 127.0.0.1; port 0 picks a free port. */
	public static TimestampHttpServer start(TimestampAuthority tsa, int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
		server.createContext("/tsa", exchange -> handle(tsa, exchange)); //$NON-NLS-1$
		server.setExecutor(Executors.newFixedThreadPool(2, r -> {
			Thread t = new Thread(r, "miaopi-tsa-http"); //$NON-NLS-1$
			t.setDaemon(true);
			return t;
		}));
		server.start();
		return new TimestampHttpServer(server);
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static void handle(TimestampAuthority tsa, HttpExchange exchange) throws IOException {
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
				reply = tsa.respond(request);
			} catch (IOException e) {
				exchange.sendResponseHeaders(400, -1);
				return;
			}
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
