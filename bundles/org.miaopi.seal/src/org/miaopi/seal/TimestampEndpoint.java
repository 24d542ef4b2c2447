package org.miaopi.seal;

import java.net.URI;

/** Where this desk's timestamp authority answers RFC 3161 requests over HTTP (loopback only). */
public interface TimestampEndpoint {

	/** e.g. {@code http://127.0.0.1:PORT/tsa} */
	URI uri();
}
