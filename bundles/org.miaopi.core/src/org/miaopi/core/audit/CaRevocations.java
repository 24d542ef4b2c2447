package org.miaopi.core.audit;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * The Miaopi CA's revocations as this desk last pulled them from the hub (its CRL, checked against
 * the root pinned at enrolment; docs/hub.md, "The CA's CRL at the desk"): asked offline wherever the
 * desk verifies a certificate of that CA. Answers only for certificates the CRL's issuer issued.
 */
public interface CaRevocations {

	/** When and why a certificate was revoked ({@code reason} in words, e.g. "KEY_COMPROMISE"; may be null). */
	record Revocation(Instant at, String reason) {
	}

	Optional<Revocation> revoked(X509Certificate certificate);

	/** Changes whenever a new CRL is held (its number), so that callers may drop what they cached. */
	long version();
}
