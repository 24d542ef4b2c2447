package org.miaopi.seal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.miaopi.core.OwnerOnlyFile;
import org.miaopi.seal.internal.Pki;

/**
 * The PKCS#12 keystore of the seals and its companions in the seals directory: the generated
 * password (owner-only) unless one is given, and {@code departments.tsv} (code → name on the
 * seal). Loaded once per service; every write is atomic (temporary file, sync, rename).
 * <p>
 * A password kept in a file beside the keystore is the demo's convenience: whoever reads the
 * directory can seal as the department. A keystore created with a given password, or protected
 * afterwards ({@link #protect}), has no such file: its custodian gives the password each session.
 */
final class SealKeystore {

	static final String KEYSTORE = "keystore.p12"; //$NON-NLS-1$
	private static final String PASSWORD_FILE = "keystore.password"; //$NON-NLS-1$
	private static final String DEPARTMENTS = "departments.tsv"; //$NON-NLS-1$

	private final Path dir;
	private char[] password;
	private KeyStore keystore;

	SealKeystore(Path dir, char[] password) {
		this.dir = dir;
		this.password = password;
	}

	/** How a seals directory's keystore is unlocked. */
	enum Protection {
		/** No keystore yet. */
		NONE,
		/** Its password lies in clear beside it (the demo's convenience). */
		DEMO_PASSWORD_FILE,
		/** By its custodian's password, stored nowhere. */
		CUSTODIAN
	}

	static Protection protection(Path dir) {
		if (!Files.exists(dir.resolve(KEYSTORE))) {
			return Protection.NONE;
		}
		return Files.exists(dir.resolve(PASSWORD_FILE)) ? Protection.DEMO_PASSWORD_FILE : Protection.CUSTODIAN;
	}

	/** Opens the keystore; false if there is none yet (then an empty one is ready to be filled). */
	boolean open() throws Exception {
		Files.createDirectories(dir);
		ownerOnly(dir, "rwx------"); //$NON-NLS-1$
		Path file = dir.resolve(KEYSTORE);
		if (password == null && protection(dir) == Protection.CUSTODIAN) {
			// never generate a password for a keystore that exists: it would not open it, and the
			// file written would pass for the demo's
			throw new SealException(SealException.Code.PASSWORD_NEEDED, "the seal keystore " + file //$NON-NLS-1$
					+ " is locked: it opens with its custodian's password, which is not stored; give it at the prompt" //$NON-NLS-1$
					+ " or in MIAOPI_SEAL_PASSWORD"); //$NON-NLS-1$
		}
		char[] pw = password();
		KeyStore ks = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		if (!Files.exists(file)) {
			ks.load(null, null);
			keystore = ks;
			return false;
		}
		try (InputStream in = Files.newInputStream(file)) {
			ks.load(in, pw);
		} catch (IOException e) {
			throw new SealException(SealException.Code.WRONG_PASSWORD,
					"cannot open the seal keystore " + file + ": wrong password, or the file is damaged", e); //$NON-NLS-1$ //$NON-NLS-2$
		}
		keystore = ks;
		return true;
	}

	/**
	 * Re-encrypts the open keystore (every key entry too) under the custodian's {@code newPassword}
	 * and removes the password file: from now on the keystore opens only with that password.
	 */
	void protect(char[] newPassword) throws Exception {
		char[] old = password();
		KeyStore fresh = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		fresh.load(null, null);
		for (String alias : Collections.list(keystore.aliases())) {
			if (keystore.isKeyEntry(alias)) {
				fresh.setKeyEntry(alias, keystore.getKey(alias, old), newPassword, keystore.getCertificateChain(alias));
			} else {
				fresh.setCertificateEntry(alias, keystore.getCertificate(alias));
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		fresh.store(bytes, newPassword);
		writeAtomically(dir.resolve(KEYSTORE), bytes.toByteArray());
		keystore = fresh;
		password = newPassword.clone();
		Path file = dir.resolve(PASSWORD_FILE);
		if (Files.exists(file)) {
			// overwrite before deleting: the old password is worthless now, but leave nothing of it
			Files.write(file, new byte[(int) Files.size(file)], StandardOpenOption.WRITE, StandardOpenOption.SYNC);
			Files.delete(file);
		}
	}

	boolean isOpen() {
		return keystore != null;
	}

	void forget() {
		keystore = null;
	}

	Path file() {
		return dir.resolve(KEYSTORE);
	}

	List<String> aliases() throws Exception {
		return Collections.list(keystore.aliases());
	}

	void put(String alias, Seal seal) {
		try {
			keystore.setKeyEntry(alias, seal.key(), password(), seal.chain());
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot store key " + alias + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** Deletes an entry (a seal key moved into a token). */
	void remove(String alias) {
		try {
			keystore.deleteEntry(alias);
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot remove key " + alias + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** A certificate kept without its key (a department's retired seal certificate). */
	void putCertificate(String alias, X509Certificate certificate) {
		try {
			keystore.setCertificateEntry(alias, certificate);
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot store certificate " + alias + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	X509Certificate certificate(String alias) throws Exception {
		return (X509Certificate) keystore.getCertificate(alias);
	}

	/** The key (as a BouncyCastle key object: the signing code asks BC for the algorithms) and chain under {@code alias}. */
	Seal get(String alias, String code, String name) throws Exception {
		PrivateKey key = (PrivateKey) keystore.getKey(alias, password());
		key = KeyFactory.getInstance(key.getAlgorithm(), Pki.bc()).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
		Certificate[] chain = keystore.getCertificateChain(alias);
		X509Certificate[] x509 = new X509Certificate[chain.length];
		for (int i = 0; i < chain.length; i++) {
			x509[i] = (X509Certificate) chain[i];
		}
		return new Seal(code, name, key, Pki.BC, x509);
	}

	void save(Map<String, String> departments) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			keystore.store(bytes, password());
			writeAtomically(dir.resolve(KEYSTORE), bytes.toByteArray());
			StringBuilder tsv = new StringBuilder();
			departments.forEach((c, n) -> tsv.append(c).append('\t').append(n).append('\n'));
			writeAtomically(dir.resolve(DEPARTMENTS), tsv.toString().getBytes(StandardCharsets.UTF_8));
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot save the seal keystore: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	void readDepartments(Map<String, String> into) throws IOException {
		Path f = dir.resolve(DEPARTMENTS);
		if (Files.exists(f)) {
			for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
				String[] p = line.split("\t", 2); //$NON-NLS-1$
				if (p.length == 2) {
					into.put(p[0], p[1]);
				}
			}
		}
	}

	private char[] password() throws IOException {
		if (password == null) {
			Path f = dir.resolve(PASSWORD_FILE);
			if (Files.exists(f)) {
				password = Files.readString(f, StandardCharsets.UTF_8).trim().toCharArray();
			} else {
				byte[] random = new byte[24];
				new SecureRandom().nextBytes(random);
				String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
				writeAtomically(f, (generated + "\n").getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
				password = generated.toCharArray();
			}
		}
		return password;
	}

	/** Write to a temporary file, owner-only, flush it to disk, then rename over the target. */
	static void writeAtomically(Path target, byte[] content) throws IOException {
		OwnerOnlyFile.replace(target, content);
	}

	private static void ownerOnly(Path p, String perms) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) { //$NON-NLS-1$
			Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
		}
	}
}
