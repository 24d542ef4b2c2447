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

	/**
	 * Refuses a desk from now on (docs/hub.md, "Trust"): its row is marked revoked, and the Miaopi CA
	 * puts its certificate's serial on the CRL it publishes, so the new CRL reaches every desk.
	 *
	 * @return false when no desk has that name
	 */
	public boolean revokeDesk(String name) {
		java.util.Optional<org.miaopi.hub.store.Desk> desk = store.desks().all().stream().filter(d -> d.name().equals(name)).findFirst();
		if (desk.isEmpty() || !store.desks().revoke(name)) {
			return false;
		}
		// RFC 5280 CRLReason 9, privilegeWithdrawn: an admin withdrew the desk's access
		seals.revokeSerial(new java.math.BigInteger(desk.get().certificateSerial(), 16), 9, "desk " + name + " revoked at the hub"); //$NON-NLS-1$ //$NON-NLS-2$
		return true;
	}

	/**
	 * An officer's certificate revoked at the hub is also put on the Miaopi CA's CRL when that CA
	 * issued it (a desk's own demo root is another CA: its certificates cannot be on this CRL).
	 *
	 * @return whether the CA's CRL changed
	 */
	public boolean revokeOfficerKeyAtCa(String fingerprint, String reason) {
		java.util.Optional<byte[]> der = store.officerCertificates().der(fingerprint);
		if (der.isEmpty()) {
			return false;
		}
		java.security.cert.X509Certificate cert;
		try {
			cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509") //$NON-NLS-1$
					.generateCertificate(new java.io.ByteArrayInputStream(der.get()));
			cert.verify(seals.root().getPublicKey());
		} catch (java.security.GeneralSecurityException e) {
			return false; // not this CA's
		}
		if (seals.revokedAt(cert).isPresent()) {
			return false;
		}
		seals.revoke(cert, 9, reason); // RFC 5280 CRLReason 9, privilegeWithdrawn
		return true;
	}

	/** Serves the API on {@code host}:{@code port} (0: any free port) until closed. */
	public HubServer serve(String host, int port, HubHandler.Limits limits) throws Exception {
		return HubServer.start(host, port, HubTls.serverContext(seals), new HubHandler(store, intake, enrolment,
				new org.miaopi.hub.push.HubWitness(seals), limits));
	}
}
