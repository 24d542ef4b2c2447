package org.miaopi.sync.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.miaopi.core.sync.CrlNumber;

/**
 * The Miaopi CA's CRL as the hub publishes it ({@code GET /v1/crl}, docs/hub.md "The CA's CRL at the
 * desk"), kept beside the desk's identity ({@code miaopi-ca.crl}). The desk names the number it holds
 * and the hub answers "unchanged" without the CRL; a new one is kept only when it is signed by the root
 * the desk pinned at enrolment, issued by it, and not older than the one held. Anything else is refused
 * and the CRL held stays.
 */
public final class CaCrl {

	public static final String FILE = "miaopi-ca.crl"; //$NON-NLS-1$

	/** What one pull of the CRL did. */
	public enum Outcome {
		NEW, UNCHANGED, REFUSED, NOT_OFFERED
	}

	private final HubTransport hub;
	private final Path dir;
	private final X509Certificate root;

	/** @param dir the desk's identity directory; {@code root} the CA's root the desk pinned */
	public CaCrl(HubTransport hub, Path dir, X509Certificate root) {
		this.hub = hub;
		this.dir = dir;
		this.root = root;
	}

	/** The CRL this desk holds, if any (a file that does not parse counts as none). */
	public static Optional<X509CRL> held(Path dir) {
		Path f = dir.resolve(FILE);
		if (!Files.isRegularFile(f)) {
			return Optional.empty();
		}
		try {
			return Optional.of(parse(Files.readAllBytes(f)));
		} catch (IOException | GeneralSecurityException e) {
			return Optional.empty();
		}
	}

	/** The number of the CRL this desk holds, 0 for none: what {@code GET /v1/me}'s {@code crl} mark is compared with. */
	public long heldNumber() {
		return held(dir).map(c -> CrlNumber.of(c).longValue()).orElse(0L);
	}

	public Outcome run(List<String> leftOut) throws IOException, InterruptedException, HubRefused {
		Optional<X509CRL> held = held(dir);
		HubTransport.Reply r = hub.get("/v1/crl" + held.map(c -> "?have=" + CrlNumber.of(c)).orElse("")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		if (r.status() == 404) {
			return Outcome.NOT_OFFERED; // a hub of before the CRL endpoint
		}
		if (!r.ok()) {
			throw new HubRefused("the pull of the Miaopi CA's CRL", r); //$NON-NLS-1$
		}
		if (r.contentType().startsWith("application/json")) { //$NON-NLS-1$
			return Outcome.UNCHANGED;
		}
		String why = check(r.body(), held);
		if (why != null) {
			leftOut.add("the Miaopi CA's CRL from the hub was refused (" + why + "); this desk keeps the one it held"); //$NON-NLS-1$ //$NON-NLS-2$
			return Outcome.REFUSED;
		}
		org.miaopi.sync.DeskIdentity.writeFile(dir.resolve(FILE), r.body());
		return Outcome.NEW;
	}

	/** Why {@code der} is not a CRL to keep, or null. */
	private String check(byte[] der, Optional<X509CRL> held) {
		X509CRL crl;
		try {
			crl = parse(der);
		} catch (GeneralSecurityException e) {
			return "not a CRL: " + e.getMessage(); //$NON-NLS-1$
		}
		if (!crl.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
			return "issued by " + crl.getIssuerX500Principal().getName() + ", not by the Miaopi root"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		try {
			crl.verify(root.getPublicKey());
		} catch (GeneralSecurityException e) {
			return "its signature is not the Miaopi root's"; //$NON-NLS-1$
		}
		BigInteger n = CrlNumber.of(crl);
		if (held.isPresent() && n.compareTo(CrlNumber.of(held.get())) < 0) {
			return "it is older than the one held (number " + n + " < " + CrlNumber.of(held.get()) + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return null;
	}

	static X509CRL parse(byte[] der) throws GeneralSecurityException {
		return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der)); //$NON-NLS-1$
	}
}
