package org.miaopi.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

import org.miaopi.core.OwnerOnlyFile;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;

/**
 * What unlocks the encrypted store: a random 256-bit key kept in an owner-only file next to
 * it, or a password the officer types. {@link #NONE} (no encryption) exists for the benchmark's
 * side-by-side comparison and is never chosen by the desk itself.
 */
public sealed interface BootSecret {

	/** Derby's AES in CBC mode; the pages are a multiple of the block size, so no padding. */
	String ALGORITHM = "AES/CBC/NoPadding";

	BootSecret NONE = new None();

	/** Connection attributes that boot an existing store, or create one when {@code create}. */
	Properties attributes(boolean create);

	/** "key file", "password" or "none", for {@code store info}. */
	String mode();

	default boolean encrypted() {
		return !(this instanceof None);
	}

	record None() implements BootSecret {
		@Override
		public Properties attributes(boolean create) {
			return new Properties();
		}

		@Override
		public String mode() {
			return "none";
		}
	}

	/** @param locked whether the file holds the key locked by a password ({@link BootKeyLock}) rather than in clear */
	record KeyFile(Path file, String hexKey, boolean locked) implements BootSecret {
		KeyFile(Path file, String hexKey) {
			this(file, hexKey, false);
		}

		@Override
		public Properties attributes(boolean create) {
			Properties p = encryption(create);
			// Derby needs the algorithm at every boot with an external key, or it checks the key
			// with its default cipher and reports a correct key as wrong (XBCXK)
			p.setProperty("encryptionAlgorithm", ALGORITHM);
			p.setProperty("encryptionKey", hexKey);
			return p;
		}

		@Override
		public String mode() {
			return locked ? "password-locked key file " + file : "key file " + file;
		}

		@Override
		public String toString() {
			return "KeyFile[" + file + "]"; // never the key
		}
	}

	record Password(char[] password) implements BootSecret {
		public Password {
			if (password == null || password.length < 8) {
				throw new IllegalArgumentException("the store password needs at least 8 characters");
			}
		}

		@Override
		public Properties attributes(boolean create) {
			Properties p = encryption(create);
			p.setProperty("bootPassword", new String(password));
			return p;
		}

		@Override
		public String mode() {
			return "password";
		}

		@Override
		public String toString() {
			return "Password[***]";
		}
	}

	private static Properties encryption(boolean create) {
		Properties p = new Properties();
		if (create) {
			p.setProperty("dataEncryption", "true");
			p.setProperty("encryptionAlgorithm", ALGORITHM);
		}
		return p;
	}

	/**
	 * The secret the desk opens its store in {@code dir} with: the key file {@code dir/boot.key}
	 * unlocked with the password from {@value DeskStore#PASSWORD_ENV} / {@code -D}{@value
	 * DeskStore#PASSWORD_PROPERTY} if the file is locked; else that password for Derby's own boot
	 * password if one is set; otherwise the key file in clear, created for a new store.
	 */
	static BootSecret desk(Path dir) {
		String password = setPassword();
		Path file = dir.resolve(DeskStore.KEY_FILE);
		String locked = lockedKey(file);
		if (locked != null) {
			if (password == null || password.isEmpty()) {
				throw new StoreException(Problem.KEY_MISSING, "the store's boot key file " + file
						+ " is locked by a password: give it in MIAOPI_STORE_PASSWORD");
			}
			return new KeyFile(file, BootKeyLock.unlock(file, locked, password.toCharArray()), true);
		}
		if (password != null && !password.isEmpty()) {
			return new BootSecret.Password(password.toCharArray());
		}
		boolean isNew = !DerbyDatabase.exists(dir.resolve(DeskStore.DATABASE_DIR));
		return BootSecret.keyFile(file, isNew);
	}

	/** The password from {@value DeskStore#PASSWORD_ENV} / {@code -D}{@value DeskStore#PASSWORD_PROPERTY}, or null. */
	private static String setPassword() {
		String password = System.getProperty(DeskStore.PASSWORD_PROPERTY);
		if (password == null || password.isEmpty()) {
			password = System.getenv(DeskStore.PASSWORD_ENV);
		}
		return password == null || password.isEmpty() ? null : password;
	}

	/**
	 * Whether the store in {@code dir} needs a password that no setting gives: its boot key file is
	 * locked, or an existing store has no key file (it was created with Derby's boot password).
	 */
	static boolean needsPassword(Path dir) {
		if (setPassword() != null) {
			return false;
		}
		Path file = dir.resolve(DeskStore.KEY_FILE);
		return lockedKey(file) != null
				|| !Files.exists(file) && DerbyDatabase.exists(dir.resolve(DeskStore.DATABASE_DIR));
	}

	/**
	 * The secret for a password a person typed: it unlocks the locked key file if there is one,
	 * otherwise it is Derby's boot password. A password too short to be any store's is wrong.
	 */
	static BootSecret typed(Path dir, char[] password) {
		Path file = dir.resolve(DeskStore.KEY_FILE);
		String locked = lockedKey(file);
		if (locked != null) {
			return new KeyFile(file, BootKeyLock.unlock(file, locked, password), true);
		}
		try {
			return new Password(password.clone());
		} catch (IllegalArgumentException tooShort) {
			throw new StoreException(Problem.WRONG_KEY, "the password does not open the store at " + dir, tooShort);
		}
	}

	/** The content of a password-locked key file, or null if the file is missing or holds its key in clear. */
	private static String lockedKey(Path file) {
		try {
			if (!Files.exists(file)) {
				return null;
			}
			String content = Files.readString(file, StandardCharsets.US_ASCII);
			return BootKeyLock.isLocked(content) ? content : null;
		} catch (IOException e) {
			throw new StoreException(Problem.IO_FAILURE, "cannot read the boot key file " + file + ": " + e, e);
		}
	}

	/**
	 * Locks the clear boot key of the store in {@code dir} with {@code password} (at least 8
	 * characters): from then on the desk needs that password ({@value DeskStore#PASSWORD_ENV}) to
	 * open the store, and the key lies in clear nowhere. The store itself is not changed.
	 */
	static void lockKeyFile(Path dir, char[] password) {
		Path file = dir.resolve(DeskStore.KEY_FILE);
		if (password == null || password.length < 8) {
			throw new IllegalArgumentException("the store password needs at least 8 characters");
		}
		if (lockedKey(file) != null) {
			throw new StoreException(Problem.WRONG_KEY, "the boot key file " + file + " is already locked by a password");
		}
		if (!Files.exists(file)) {
			throw new StoreException(Problem.KEY_MISSING, "there is no boot key file " + file
					+ " to lock (a store created with a password has none)");
		}
		KeyFile clear = keyFile(file, false);
		try {
			BootKeyLock.lock(file, clear.hexKey(), password);
		} catch (IOException e) {
			throw new StoreException(Problem.IO_FAILURE, "cannot lock the boot key file " + file + ": " + e, e);
		}
	}

	/**
	 * Reads the key file, or creates it with a fresh random key when {@code mayCreate} (a new
	 * store). The file is created owner-only (rw-------) atomically, never widened afterwards.
	 */
	static KeyFile keyFile(Path file, boolean mayCreate) {
		try {
			if (Files.exists(file)) {
				String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
				HexFormat.of().parseHex(hex);
				if (hex.length() != 64) {
					throw new StoreException(Problem.WRONG_KEY, "the boot key file " + file
							+ " does not hold a 256-bit key; restore it from your backup");
				}
				return new KeyFile(file, hex);
			}
			if (!mayCreate) {
				throw new StoreException(Problem.KEY_MISSING, "the store exists but its boot key file " + file
						+ " is missing; restore the file from your backup, or open the store with its password"
						+ " (MIAOPI_STORE_PASSWORD) if it was created with one");
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			String hex = HexFormat.of().formatHex(key);
			Files.createDirectories(file.getParent());
			OwnerOnlyFile.create(file);
			Files.writeString(file, hex + "\n", StandardCharsets.US_ASCII);
			return new KeyFile(file, hex);
		} catch (FileAlreadyExistsException e) {
			return keyFile(file, false); // another desk created it at the same moment
		} catch (IllegalArgumentException e) {
			throw new StoreException(Problem.WRONG_KEY, "the boot key file " + file
					+ " is not hexadecimal; restore it from your backup", e);
		} catch (IOException e) {
			throw new StoreException(Problem.IO_FAILURE, "cannot read or create the boot key file " + file + ": " + e, e);
		}
	}
}
