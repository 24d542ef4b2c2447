package org.miaopi.seal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The desk's timestamp authority as a service on loopback HTTP, started by Declarative Services
 * when the certificate service binds it (the port at once, the keystore at the first request) and
 * stopped with the product.
 * Address and port come from {@code -Dmiaopi.tsa.address} (default 127.0.0.1; anything that is not
 * a loopback address is refused: this is not a public service) and {@code -Dmiaopi.tsa.port}
 * (default 0: a free port, so two Miaopi processes on one machine never collide).
 */
@Component(service = TimestampEndpoint.class)
public class LoopbackTimestampService implements TimestampEndpoint {

	public static final String ADDRESS_PROPERTY = "miaopi.tsa.address"; //$NON-NLS-1$
	public static final String PORT_PROPERTY = "miaopi.tsa.port"; //$NON-NLS-1$

	@Reference
	private SealService seals;
	private TimestampHttpServer server;

	public LoopbackTimestampService() {
	}

	/** Outside DS (tests): the seals whose timestamp authority to serve. */
	public LoopbackTimestampService(SealService seals) {
		this.seals = seals;
	}

	@Activate
	public void activate() throws IOException {
		try {
			start(System.getProperty(ADDRESS_PROPERTY, "127.0.0.1"), System.getProperty(PORT_PROPERTY, "0")); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (IllegalArgumentException | IOException e) {
			// said once, plainly; the service is then absent and issuance uses the in-process authority
			System.err.println("miaopi: the loopback timestamp service is not started: " + e.getMessage()); //$NON-NLS-1$
			throw e;
		}
	}

	/** @throws IllegalArgumentException for an address that is not loopback, or a bad port */
	public void start(String address, String port) throws IOException {
		InetAddress host;
		try {
			host = InetAddress.getByName(address.strip());
		} catch (UnknownHostException e) {
			throw new IllegalArgumentException(ADDRESS_PROPERTY + ": unknown address " + address, e); //$NON-NLS-1$
		}
		int p;
		try {
			p = Integer.parseInt(port.strip());
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(PORT_PROPERTY + ": not a port number: " + port, e); //$NON-NLS-1$
		}
		// the port is bound now; the keystore is opened at the first request (./miaopi help opens nothing)
		server = TimestampHttpServer.start(seals::timestampAuthority, host, p);
	}

	@Override
	public URI uri() {
		return server.uri();
	}

	/** Timestamps answered so far. */
	public long requestsServed() {
		return server == null ? 0 : server.requestsServed();
	}

	@Deactivate
	public void stop() {
		if (server != null) {
			server.close();
			server = null;
		}
	}
}
