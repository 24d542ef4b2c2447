package org.miaopi.sync.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.Optional;

import org.miaopi.core.MiaopiHome;
import org.miaopi.core.audit.CaRevocations;
import org.miaopi.core.sync.CrlNumber;
import org.miaopi.sync.DeskIdentity;
import org.osgi.service.component.annotations.Component;

/**
 * {@link CaRevocations} from the CRL the sync keeps beside the desk's identity ({@link CaCrl}). The
 * file is looked at again when its modification time changed, at most once a second: verifiers ask
 * for every signature. A desk never enrolled holds no CRL and no certificate is revoked by it.
 */
@Component(service = CaRevocations.class)
public class HeldCrlComponent implements CaRevocations {

	private static final long RECHECK_NANOS = 1_000_000_000L;

	private record Held(long modified, X509CRL crl, long number) {
	}

	private volatile Held held = new Held(-1, null, 0);
	private volatile long checkedAt = System.nanoTime() - 2 * RECHECK_NANOS;
	private final Path dir;

	public HeldCrlComponent() {
		this(null);
	}

	/** @param dir the desk's identity directory; null for {@code $MIAOPI_HOME}'s */
	public HeldCrlComponent(Path dir) {
		this.dir = dir;
	}

	private X509CRL crl() {
		long now = System.nanoTime();
		if (now - checkedAt >= RECHECK_NANOS) {
			checkedAt = now;
			Path d = dir != null ? dir : DeskIdentity.directory(MiaopiHome.current());
			Path f = d.resolve(CaCrl.FILE);
			try {
				long modified = Files.isRegularFile(f) ? Files.getLastModifiedTime(f).toMillis() : -1;
				if (modified != held.modified()) {
					X509CRL crl = CaCrl.held(d).orElse(null);
					held = new Held(modified, crl, crl == null ? 0 : CrlNumber.of(crl).longValue());
				}
			} catch (java.io.IOException e) {
				// unreadable now: keep what was read before
			}
		}
		return held.crl();
	}

	@Override
	public Optional<Revocation> revoked(X509Certificate certificate) {
		X509CRL crl = crl();
		if (crl == null || !crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
			return Optional.empty();
		}
		X509CRLEntry e = crl.getRevokedCertificate(certificate);
		return e == null ? Optional.empty()
				: Optional.of(new Revocation(e.getRevocationDate().toInstant(), e.getRevocationReason() == null ? null : e.getRevocationReason().name()));
	}

	@Override
	public long version() {
		crl();
		return held.number();
	}
}
