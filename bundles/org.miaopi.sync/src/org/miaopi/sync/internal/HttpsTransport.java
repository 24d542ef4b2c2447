package org.miaopi.sync.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;

import org.miaopi.sync.DeskIdentity;

import com.fasterxml.jackson.databind.JsonNode;

/** {@link HubTransport} over HTTPS with the desk's certificate (mutual TLS), trusting only the hub's root. */
public final class HttpsTransport implements HubTransport {

	private final URI base;
	private final HttpClient client;
	private final Duration timeout;

	public HttpsTransport(DeskIdentity identity, Duration timeout) throws GeneralSecurityException, IOException {
		this(identity, timeout, null);
	}

	/** @param crl the Miaopi CA's CRL the desk holds (null: none): a hub whose certificate is on it is refused */
	public HttpsTransport(DeskIdentity identity, Duration timeout, java.security.cert.X509CRL crl) throws GeneralSecurityException, IOException {
		this.base = identity.hub();
		this.timeout = timeout;
		this.client = HubClients.of(identity.sslContext(crl), timeout);
	}

	public URI base() {
		return base;
	}

	@Override
	public Reply get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build());
	}

	@Override
	public Reply post(String path, JsonNode body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Content-Type", "application/json") //$NON-NLS-1$ //$NON-NLS-2$
				.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
	}

	@Override
	public Reply post(String path, byte[] body, String contentType) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Content-Type", contentType) //$NON-NLS-1$
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
	}

	private Reply send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
