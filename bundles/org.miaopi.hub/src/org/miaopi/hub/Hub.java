package org.miaopi.hub;

import java.time.Clock;

import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.hub.http.HubHandler;
import org.miaopi.hub.intake.Intake;
import org.miaopi.hub.store.HubStore;
import org.miaopi.seal.SealService;

/**
 * The hub put together: its store, the intake, enrolment and the HTTPS server. The command line
 * and the tests build it the same way; the caller owns the store and the seals.
 */
public final class Hub {

	public static final String LOOPBACK = "127.0.0.1"; //$NON-NLS-1$

	private final HubStore store;
	private final SealService seals;
	private final Intake intake;
	private final Enrolment enrolment;

	public Hub(HubStore store, SealService seals, MatterRegistry matters, Clock clock) {
		this.store = store;
		this.seals = seals;
		this.intake = new Intake(store, matters, clock);
		this.enrolment = new Enrolment(store, seals);
	}

	public HubStore store() {
		return store;
	}

	public Intake intake() {
		return intake;
	}

	public Enrolment enrolment() {
		return enrolment;
	}

	/** Serves the API on {@code host}:{@code port} (0: any free port) until closed. */
	public HubServer serve(String host, int port, HubHandler.Limits limits) throws Exception {
		return HubServer.start(host, port, HubTls.serverContext(seals), new HubHandler(store, intake, enrolment,
				new org.miaopi.hub.push.HubWitness(seals), limits));
	}
}
