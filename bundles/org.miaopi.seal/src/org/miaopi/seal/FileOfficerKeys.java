package org.miaopi.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.Properties;

import org.miaopi.core.MiaopiHome;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.audit.OfficerKeys;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.SecretPrompt;
import org.miaopi.core.service.SecretTries;
import org.miaopi.seal.internal.Pki;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Each officer's own Ed25519 decision key in {@code <MiaopiHome>/officers/<id>.p12}, a PKCS#12
 * protected by the officer's password (never stored anywhere), its certificate issued by the desk's
 * demo root. On a demo desk the key is issued on first sign-in, or by {@code ./miaopi demo}.
 * <p>
 * An officer whose key was moved onto a PKCS#11 token has {@code <id>.token} instead: the token's
 * module and slot, no secret. Sign-in then asks for the token's PIN ({@link SecretPrompt}; a job
 * with no one to ask takes {@value #PIN_ENV}), and the key never leaves the token.
 */
@Component(service = OfficerKeys.class)
public class FileOfficerKeys implements OfficerKeys {

	/** Where a job with no one to ask finds the PIN of an officer's token. */
	public static final String PIN_ENV = "MIAOPI_TOKEN_PIN"; //$NON-NLS-1$
	private static final String ALIAS = "decision"; //$NON-NLS-1$
	private static final Duration VALIDITY = Duration.ofDays(2 * 365);

	@Reference
	private SealService seals;
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	private volatile SecretPrompt prompt;
	private Path dir;

	/** For Declarative Services. */
	public FileOfficerKeys() {
	}

	public FileOfficerKeys(SealService seals, Path dir) {
		this.seals = seals;
		this.dir = dir;
	}

	/** Who asks for a token's PIN (tests; DS binds the product's). */
	public void setPrompt(SecretPrompt prompt) {
		this.prompt = prompt;
	}

	@Activate
	void activate() {
		dir = MiaopiHome.current().resolve("officers"); //$NON-NLS-1$
	}

	@Override
	public synchronized Optional<DecisionSigner> unlock(Officer officer, char[] password) {
		Path token = tokenFile(officer.id());
		if (Files.exists(token)) {
			return unlockToken(officer, token);
		}
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

	@Override
	public synchronized String useToken(Officer officer, Path module, long slot, char[] pin) {
		OfficerSigner signer = Pkcs11Token.open(module, slot, pin).createOfficerKey(seals, officer.id(), VALIDITY);
		Properties where = new Properties();
		where.setProperty("module", module.toString()); //$NON-NLS-1$
		where.setProperty("slot", Long.toString(slot)); //$NON-NLS-1$
		try {
			Files.createDirectories(dir);
			Path tmp = Files.createTempFile(dir, "token", ".tmp"); //$NON-NLS-1$ //$NON-NLS-2$
			try (OutputStream out = Files.newOutputStream(tmp)) {
				where.store(out, "the PKCS#11 token that holds " + officer.id() + "'s decision key; no secret"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Files.move(tmp, tokenFile(officer.id()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			Path p12 = file(officer.id());
			if (Files.exists(p12)) {
				Files.move(p12, p12.resolveSibling(p12.getFileName() + ".retired"), StandardCopyOption.REPLACE_EXISTING); //$NON-NLS-1$
			}
		} catch (IOException e) {
			throw new SealException(SealException.Code.FAILED, "cannot record the token of " + officer.id() + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return signer.serial();
	}

	private Optional<DecisionSigner> unlockToken(Officer officer, Path file) {
		Properties where = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			where.load(in);
		} catch (IOException e) {
			return Optional.empty();
		}
		Path module = Path.of(where.getProperty("module", Pkcs11Token.SOFTHSM2)); //$NON-NLS-1$
		long slot = Long.parseLong(where.getProperty("slot", "0").strip()); //$NON-NLS-1$ //$NON-NLS-2$
		String set = System.getenv(PIN_ENV);
		if (set != null && !set.isEmpty()) {
			return open(officer, module, slot, set.toCharArray());
		}
		try {
			return SecretTries.ask(prompt, SecretPrompt.Secret.TOKEN_PIN, officer.id() + " (PKCS#11 " + module.getFileName() //$NON-NLS-1$
					+ ", slot " + slot + ")", "wrong PIN", FileSealService::wrongSecret, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					pin -> (DecisionSigner) Pkcs11Token.open(module, slot, pin).officerSigner(officer.id()));
		} catch (SealException e) {
			return Optional.empty(); // no token in the slot, no key on it, or the PIN refused: signed in, cannot decide
		}
	}

	private static Optional<DecisionSigner> open(Officer officer, Path module, long slot, char[] pin) {
		try {
			return Optional.of(Pkcs11Token.open(module, slot, pin).officerSigner(officer.id()));
		} catch (SealException e) {
			return Optional.empty();
		}
	}

	private Path tokenFile(String officerId) {
		return file(officerId).resolveSibling(officerId.toLowerCase(Locale.ROOT) + ".token"); //$NON-NLS-1$
	}

	private Path file(String officerId) {
		String id = officerId.toLowerCase(Locale.ROOT);
		if (!id.matches("[a-z0-9._-]{1,64}")) { //$NON-NLS-1$
			throw new SealException(SealException.Code.UNKNOWN_OFFICER, "not an officer id: '" + officerId + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return dir.resolve(id + ".p12"); //$NON-NLS-1$
	}
}
