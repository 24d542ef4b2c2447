package org.miaopi.hub.store;

import java.time.Instant;

/**
 * A client the hub gave a certificate: a desk of one department, or an intake platform.
 *
 * @param certificateSerial the client certificate's serial, in hex
 * @param revokedAt         null while the certificate is honoured
 */
public record Desk(String name, Role role, String departmentCode, String certificateSerial, Instant enrolledAt,
		Instant revokedAt) {

	public enum Role {
		/** An approval desk: pulls its department's dossiers, pushes its outbox. */
		DESK,
		/** The city's intake platform: hands dossiers in, reads progress. */
		INTAKE
	}

	public boolean revoked() {
		return revokedAt != null;
	}
}
