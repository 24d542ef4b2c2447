package org.miaopi.sync;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.miaopi.sync.internal.HubTransport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The desk's real transport with two things a fault test needs: how many requests are under way
 * (a kill with one in flight cuts a push off), and a cut (a killed desk sends nothing more).
 */
final class Wire implements HubTransport {

	private final HubTransport inner;
	private final AtomicInteger inFlight = new AtomicInteger();
	volatile boolean cut;

	Wire(HubTransport inner) {
		this.inner = inner;
	}

	int inFlight() {
		return inFlight.get();
	}

	@Override
	public Reply get(String path) throws IOException, InterruptedException {
		enter();
		try {
			return inner.get(path);
		} finally {
			inFlight.decrementAndGet();
		}
	}

	@Override
	public Reply post(String path, JsonNode body) throws IOException, InterruptedException {
		enter();
		try {
			return inner.post(path, body);
		} finally {
			inFlight.decrementAndGet();
		}
	}

	private void enter() throws IOException {
		if (cut) {
			throw new IOException("this desk was killed"); //$NON-NLS-1$
		}
		inFlight.incrementAndGet();
	}
}
