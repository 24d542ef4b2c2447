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

import org.miaopi.core.sync.CrlNumber;
import org.miaopi.seal.internal.Pki;
import org.miaopi.seal.internal.Pki.Revoked;

/**
 * The root's revocations ({@code revoked.tsv}, appended and synced) and its CRL. The CRL is
 * signed once and kept until a revocation changes it or it comes within a day of its next
 * update: every sealed certificate embeds it, and signing a CRL per certificate would be waste.
 * <p>
 * The CRL signed is kept in {@code root.crl} too, and taken up again after a restart when it is
 * still the root's and lists exactly the revocations recorded: a hub that signed a new one at each
 * start would make every desk download and apply the same list again (its number would change).
 */
final class Revocations {

	private static final String REVOKED = "revoked.tsv"; //$NON-NLS-1$
	private static final String CRL = "root.crl"; //$NON-NLS-1$
	private static final Duration CRL_VALIDITY = Duration.ofDays(7);
	/** How long before its next update a CRL is signed anew. */
	private static final Duration CRL_RENEWAL = Duration.ofDays(1);

	private final Path dir;
	private final Clock clock;
	private final List<Revoked> revoked = new ArrayList<>();
	private X509CRL crl;
	/** The CRL kept in {@link #CRL} at the last {@link #read()}, not yet checked against the root. */
	private X509CRL kept;
	/** The number of the last CRL signed or kept: a new one is numbered above it. */
	private long lastNumber;

	Revocations(Path dir, Clock clock) {
		this.dir = dir;
		this.clock = clock;
	}

	void read() throws IOException {
		revoked.clear();
		crl = null;
		kept = readCrl(dir.resolve(CRL));
		lastNumber = kept == null ? 0 : CrlNumber.of(kept).longValue();
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
		if (crl == null && kept != null && listsTheRevocations(kept, root.certificate())) {
			crl = kept;
		}
		kept = null;
		Instant now = clock.instant();
		if (crl == null || crl.getNextUpdate().toInstant().isBefore(now.plus(CRL_RENEWAL))) {
			// the number is the signing time, and always above the last one (a clock set back)
			lastNumber = Math.max(now.toEpochMilli(), lastNumber + 1);
			crl = Pki.crl(root.certificate(), root.key(), revoked, lastNumber, now, now.plus(CRL_VALIDITY));
			try {
				SealKeystore.writeAtomically(dir.resolve(CRL), crl.getEncoded());
			} catch (IOException | java.security.cert.CRLException e) {
				// the CRL is valid all the same; the next start signs a new one, as it always did
				System.getLogger(Revocations.class.getName()).log(System.Logger.Level.WARNING,
						"cannot keep the CRL in " + dir.resolve(CRL) + ": " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		return crl;
	}

	/** Whether {@code c} is the root's, signed by it, and lists exactly the serials recorded as revoked. */
	private boolean listsTheRevocations(X509CRL c, X509Certificate root) {
		if (!c.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
			return false;
		}
		try {
			c.verify(root.getPublicKey());
		} catch (java.security.GeneralSecurityException e) {
			return false;
		}
		java.util.Set<BigInteger> listed = new java.util.HashSet<>();
		if (c.getRevokedCertificates() != null) {
			c.getRevokedCertificates().forEach(e -> listed.add(e.getSerialNumber()));
		}
		java.util.Set<BigInteger> recorded = new java.util.HashSet<>();
		revoked.forEach(r -> recorded.add(r.serial()));
		return listed.equals(recorded);
	}

	private static X509CRL readCrl(Path f) {
		if (!Files.isRegularFile(f)) {
			return null;
		}
		try (var in = Files.newInputStream(f)) {
			return (X509CRL) java.security.cert.CertificateFactory.getInstance("X.509").generateCRL(in); //$NON-NLS-1$
		} catch (IOException | java.security.GeneralSecurityException | ClassCastException e) {
			return null; // a CRL that does not parse is signed anew
		}
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
		crl = null; // it no longer lists every revocation (nor does the one kept): the next crl() signs anew
	}
}
