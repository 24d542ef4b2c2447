package org.miaopi.seal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.miaopi.seal.internal.Pki;
import org.miaopi.seal.internal.Pki.Revoked;

/**
 * The root's revocations ({@code revoked.tsv}, appended and synced) and its CRL. The CRL is
 * signed once and kept until a revocation changes it or it comes within a day of its next
 * update: every sealed certificate embeds it, and signing a CRL per certificate would be waste.
 */
final class Revocations {

	private static final String REVOKED = "revoked.tsv"; //$NON-NLS-1$
	private static final Duration CRL_VALIDITY = Duration.ofDays(7);

	private final Path dir;
	private final Clock clock;
	private final List<Revoked> revoked = new ArrayList<>();
	private X509CRL crl;

	Revocations(Path dir, Clock clock) {
		this.dir = dir;
		this.clock = clock;
	}

	void read() throws IOException {
		revoked.clear();
		crl = null;
		Path f = dir.resolve(REVOKED);
		if (Files.exists(f)) {
			for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
				String[] p = line.split("\t"); //$NON-NLS-1$
				if (p.length >= 3) {
					revoked.add(new Revoked(new BigInteger(p[0], 16), Instant.parse(p[1]), Integer.parseInt(p[2])));
				}
			}
		}
	}

	X509CRL crl(Seal root) {
		if (crl == null || crl.getNextUpdate().toInstant().isBefore(clock.instant().plus(Duration.ofDays(1)))) {
			Instant now = clock.instant();
			crl = Pki.crl(root.certificate(), root.key(), revoked, now.toEpochMilli(), now, now.plus(CRL_VALIDITY));
		}
		return crl;
	}

	Optional<Instant> revokedAt(X509Certificate certificate) {
		return revokedAt(certificate.getSerialNumber());
	}

	Optional<Instant> revokedAt(BigInteger serial) {
		return revoked.stream().filter(r -> r.serial().equals(serial)).map(Revoked::when).findFirst();
	}

	void revoke(X509Certificate certificate, int crlReason, String note) {
		revoke(certificate.getSerialNumber(), crlReason, note);
	}

	void revoke(BigInteger serial, int crlReason, String note) {
		Revoked r = new Revoked(serial, clock.instant(), crlReason);
		String line = r.serial().toString(16) + '\t' + r.when() + '\t' + r.reason() + '\t'
				+ (note == null ? "" : note.replaceAll("[\\t\\r\\n]", " ")) + '\n'; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		try {
			Files.writeString(dir.resolve(REVOKED), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
					StandardOpenOption.SYNC);
		} catch (IOException e) {
			throw new SealException(SealException.Code.FAILED, "cannot record the revocation: " + e.getMessage(), e); //$NON-NLS-1$
		}
		revoked.add(r);
		crl = null;
	}
}
