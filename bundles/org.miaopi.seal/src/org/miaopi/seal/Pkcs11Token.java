package org.miaopi.seal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A seal whose key lives in a PKCS#11 token (a hardware key, or SoftHSM2 in tests), used through
 * the JDK's SunPKCS11 provider: the key never leaves the token; signing code only sees the
 * provider's name, exactly as with software keys.
 */
public final class Pkcs11Token {

	/** Debian's SoftHSM2 module, the default library. */
	public static final String SOFTHSM2 = "/usr/lib/softhsm/libsofthsm2.so"; //$NON-NLS-1$

	private static final java.util.concurrent.atomic.AtomicInteger OPENED = new java.util.concurrent.atomic.AtomicInteger();
	private final Provider provider;
	private final KeyStore keystore;
	private final char[] pin;

	private Pkcs11Token(Provider provider, KeyStore keystore, char[] pin) {
		this.provider = provider;
		this.keystore = keystore;
		this.pin = pin;
	}

	/**
	 * Opens the token in {@code slot} of the PKCS#11 {@code library} and logs in with the user PIN.
	 */
	public static Pkcs11Token open(Path library, long slot, char[] pin) {
		if (!Files.isReadable(library)) {
			throw new SealException(SealException.Code.FAILED, "no PKCS#11 module at " + library); //$NON-NLS-1$
		}
		try {
			String config = "--name=miaopi-" + slot + "-" + OPENED.incrementAndGet() + "\nlibrary=" + library + "\nslot=" + slot + "\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			Provider p;
			try {
				p = Security.getProvider("SunPKCS11").configure(config); //$NON-NLS-1$
			} catch (java.security.ProviderException | IllegalArgumentException noToken) {
				throw new SealException(SealException.Code.FAILED, "no token answers in slot " + slot + " of " + library //$NON-NLS-1$ //$NON-NLS-2$
						+ " (the module says: " + noToken.getMessage() + ")", noToken); //$NON-NLS-1$ //$NON-NLS-2$
			}
			KeyStore ks = KeyStore.getInstance("PKCS11", p); //$NON-NLS-1$
			// a token's login belongs to the whole process: once anyone here logged in, a login with
			// any PIN "succeeds", so log out first and let the token check this PIN
			if (p instanceof java.security.AuthProvider auth) {
				try {
					auth.logout();
				} catch (javax.security.auth.login.LoginException | RuntimeException notLoggedIn) {
					// nobody was logged in
				}
			}
			try {
				ks.load(null, pin);
			} catch (java.io.IOException e) {
				throw new SealException(SealException.Code.WRONG_PASSWORD, "the token refused the PIN (slot " + slot + ")", e); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Security.addProvider(p); // iText and CMS look providers up by name
			return new Pkcs11Token(p, ks, pin.clone());
		} catch (SealException e) {
			throw e;
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot open the PKCS#11 token: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	public String providerName() {
		return provider.getName();
	}

	/**
	 * Generates a P-256 key pair inside the token, has the Miaopi root certify it, stores the chain
	 * on the token beside the key, and returns the seal.
	 */
	public Seal createSeal(FileSealService authority, String departmentCode, String departmentName) {
		try {
			KeyPairGenerator g = KeyPairGenerator.getInstance("EC", provider); //$NON-NLS-1$
			g.initialize(new ECGenParameterSpec("secp256r1")); //$NON-NLS-1$
			KeyPair keys = g.generateKeyPair();
			Instant now = Instant.now();
			X509Certificate[] chain = authority.certifySealKey(departmentCode, departmentName, keys.getPublic(),
					now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(3 * 365)));
			String alias = sealAlias(departmentCode);
			keystore.setKeyEntry(alias, keys.getPrivate(), null, chain);
			return seal(alias, departmentCode, departmentName);
		} catch (SealException e) {
			throw e;
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot create a seal key on the token: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	/** The alias of a department's seal key made on a token. */
	static String sealAlias(String departmentCode) {
		return "seal-" + departmentCode.toLowerCase(Locale.ROOT); //$NON-NLS-1$
	}

	/** The alias of an officer's decision key on a token. */
	static String officerAlias(String officerId) {
		return "officer-" + officerId.toLowerCase(Locale.ROOT); //$NON-NLS-1$
	}

	/**
	 * Generates a P-256 decision key for the officer inside the token, has the desk's root certify
	 * it, and stores the chain beside the key: the key never leaves the token.
	 */
	public OfficerSigner createOfficerKey(SealService authority, String officerId, Duration validity) {
		try {
			KeyPairGenerator g = KeyPairGenerator.getInstance("EC", provider); //$NON-NLS-1$
			g.initialize(new ECGenParameterSpec("secp256r1")); //$NON-NLS-1$
			KeyPair keys = g.generateKeyPair();
			Instant now = Instant.now();
			X509Certificate[] chain = authority.certifyOfficerKey(officerId, keys.getPublic(), now.minus(Duration.ofMinutes(5)),
					now.plus(validity));
			keystore.setKeyEntry(officerAlias(officerId), keys.getPrivate(), null, chain);
			return officerSigner(officerId);
		} catch (SealException e) {
			throw e;
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot create a decision key on the token: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	/** The officer's decision key on this token. */
	public OfficerSigner officerSigner(String officerId) {
		try {
			String alias = officerAlias(officerId);
			PrivateKey key = (PrivateKey) keystore.getKey(alias, pin);
			if (key == null || !(keystore.getCertificate(alias) instanceof X509Certificate cert)) {
				throw new SealException(SealException.Code.UNKNOWN_OFFICER, "no decision key of " + officerId + " on the token"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return new OfficerSigner(officerId, key, cert, provider.getName());
		} catch (SealException e) {
			throw e;
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot read the decision key of " + officerId + " from the token: " //$NON-NLS-1$ //$NON-NLS-2$
					+ e.getMessage(), e);
		}
	}

	/**
	 * The seal key under {@code alias} with the chain the desk keeps for it: refused when the token's
	 * key is not the one that chain certifies (another token in the slot, or the key was replaced).
	 */
	public Seal seal(String alias, String departmentCode, String departmentName, X509Certificate[] chain) {
		java.security.PublicKey onToken = publicKey(alias);
		if (!java.util.Arrays.equals(onToken.getEncoded(), chain[0].getPublicKey().getEncoded())) {
			throw new SealException(SealException.Code.FAILED, "the key '" + alias + "' on this token is not the seal key certified for " //$NON-NLS-1$ //$NON-NLS-2$
					+ departmentCode + " (certificate " + chain[0].getSerialNumber().toString(16) + ")"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		try {
			PrivateKey key = (PrivateKey) keystore.getKey(alias, pin);
			return new Seal(departmentCode.toUpperCase(Locale.ROOT), departmentName, key, provider.getName(), chain.clone());
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot read key '" + alias + "' from the token: " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** The public half of the key pair under {@code alias}, from the certificate the token keeps beside it. */
	public java.security.PublicKey publicKey(String alias) {
		try {
			if (!keystore.isKeyEntry(alias) || keystore.getCertificate(alias) == null) {
				throw new SealException(SealException.Code.UNKNOWN_SEAL, "no key '" + alias + "' on the token"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return keystore.getCertificate(alias).getPublicKey();
		} catch (java.security.KeyStoreException e) {
			throw new SealException(SealException.Code.FAILED, "cannot read key '" + alias + "' from the token: " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** A seal already on the token, by alias. */
	public Seal seal(String alias, String departmentCode, String departmentName) {
		try {
			PrivateKey key = (PrivateKey) keystore.getKey(alias, pin);
			if (key == null) {
				throw new SealException(SealException.Code.UNKNOWN_SEAL, "no key '" + alias + "' on the token"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Certificate[] chain = keystore.getCertificateChain(alias);
			X509Certificate[] x509 = new X509Certificate[chain.length];
			for (int i = 0; i < chain.length; i++) {
				x509[i] = (X509Certificate) chain[i];
			}
			return new Seal(departmentCode.toUpperCase(Locale.ROOT), departmentName, key, provider.getName(), x509);
		} catch (SealException e) {
			throw e;
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot read key '" + alias + "' from the token: " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
