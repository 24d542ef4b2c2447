package org.miaopi.seal;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.miaopi.core.MiaopiHome;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.audit.OfficerKeys;
import org.miaopi.core.model.Officer;
import org.miaopi.seal.internal.Pki;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Each officer's own Ed25519 decision key in {@code <MiaopiHome>/officers/<id>.p12}, a PKCS#12
 * protected by the officer's password (never stored anywhere), its certificate issued by the desk's
 * demo root. On a demo desk the key is issued on first sign-in, or by {@code ./miaopi demo}.
 */
@Component(service = OfficerKeys.class)
public class FileOfficerKeys implements OfficerKeys {

	private static final String ALIAS = "decision"; //$NON-NLS-1$
	private static final Duration VALIDITY = Duration.ofDays(2 * 365);

	@Reference
	private SealService seals;
	private Path dir;

	/** For Declarative Services. */
	public FileOfficerKeys() {
	}

	public FileOfficerKeys(SealService seals, Path dir) {
		this.seals = seals;
		this.dir = dir;
	}

	@Activate
	void activate() {
		dir = MiaopiHome.current().resolve("officers"); //$NON-NLS-1$
	}

	@Override
	public synchronized Optional<DecisionSigner> unlock(Officer officer, char[] password) {
		Path file = file(officer.id());
		if (!Files.exists(file)) {
			issue(officer, password);
		}
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore ks = KeyStore.getInstance("PKCS12", Pki.bc()); //$NON-NLS-1$
			ks.load(in, password);
			Key key = ks.getKey(ALIAS, password);
			Certificate cert = ks.getCertificate(ALIAS);
			if (!(key instanceof PrivateKey pk) || !(cert instanceof X509Certificate x)) {
				return Optional.empty();
			}
			return Optional.of(new OfficerSigner(officer.id(), pk, x));
		} catch (Exception e) {
			// most often a password changed since the key was issued: the officer signs in, but cannot decide
			return Optional.empty();
		}
	}

	@Override
	public synchronized void issue(Officer officer, char[] password) {
		KeyPair keys = Pki.newKeyPair(KeyAlgorithm.ED25519);
		Instant now = Instant.now();
		X509Certificate[] chain = seals.certifyOfficerKey(officer.id(), keys.getPublic(), now.minus(Duration.ofMinutes(5)),
				now.plus(VALIDITY));
		try {
			KeyStore ks = KeyStore.getInstance("PKCS12", Pki.bc()); //$NON-NLS-1$
			ks.load(null, null);
			ks.setKeyEntry(ALIAS, keys.getPrivate(), password, chain);
			Files.createDirectories(dir);
			Path tmp = Files.createTempFile(dir, "key", ".tmp"); //$NON-NLS-1$ //$NON-NLS-2$
			try (OutputStream out = Files.newOutputStream(tmp)) {
				ks.store(out, password);
			}
			Files.move(tmp, file(officer.id()), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot keep the signing key of " + officer.id() + ": " //$NON-NLS-1$ //$NON-NLS-2$
					+ e.getMessage(), e);
		}
	}

	private Path file(String officerId) {
		String id = officerId.toLowerCase(Locale.ROOT);
		if (!id.matches("[a-z0-9._-]{1,64}")) { //$NON-NLS-1$
			throw new SealException(SealException.Code.UNKNOWN_OFFICER, "not an officer id: '" + officerId + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return dir.resolve(id + ".p12"); //$NON-NLS-1$
	}
}
