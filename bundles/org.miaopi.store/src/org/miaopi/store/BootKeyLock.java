package org.miaopi.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;

/**
 * A boot key file locked by a password: the store's 256-bit key encrypted with AES-256-GCM under
 * a key derived from the password (PBKDF2-HMAC-SHA256). Derby still boots with the same key, so an
 * existing store is protected without re-encrypting it; the key lies in clear nowhere. One line:
 * {@code miaopi-boot-key-v1 ITERATIONS SALT IV CIPHERTEXT} (Base64).
 */
final class BootKeyLock {

	static final String TAG = "miaopi-boot-key-v1";
	private static final int ITERATIONS = 600_000;

	private BootKeyLock() {
	}

	static boolean isLocked(String content) {
		return content.startsWith(TAG + " ");
	}

	/** The key's 64 hex characters. */
	static String unlock(Path file, String content, char[] password) {
		String[] f = content.strip().split(" ");
		try {
			if (f.length != 5) {
				throw new IllegalArgumentException("five fields expected");
			}
			Base64.Decoder b64 = Base64.getDecoder();
			Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
			c.init(Cipher.DECRYPT_MODE, derive(password, b64.decode(f[2]), Integer.parseInt(f[1])),
					new GCMParameterSpec(128, b64.decode(f[3])));
			c.updateAAD(TAG.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(c.doFinal(b64.decode(f[4])));
		} catch (AEADBadTagException e) {
			throw new StoreException(Problem.WRONG_KEY, "the password does not unlock the boot key file " + file
					+ " (MIAOPI_STORE_PASSWORD)", e);
		} catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new StoreException(Problem.WRONG_KEY, "the locked boot key file " + file
					+ " is damaged; restore it from your backup", e);
		}
	}

	/** Replaces the clear key in {@code file} by the same key locked with {@code password}; owner-only, atomically. */
	static void lock(Path file, String hexKey, char[] password) throws IOException {
		byte[] salt = new byte[16];
		byte[] iv = new byte[12];
		SecureRandom random = new SecureRandom();
		random.nextBytes(salt);
		random.nextBytes(iv);
		String line;
		try {
			Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
			c.init(Cipher.ENCRYPT_MODE, derive(password, salt, ITERATIONS), new GCMParameterSpec(128, iv));
			c.updateAAD(TAG.getBytes(StandardCharsets.US_ASCII));
			Base64.Encoder b64 = Base64.getEncoder();
			line = TAG + " " + ITERATIONS + " " + b64.encodeToString(salt) + " " + b64.encodeToString(iv) + " "
					+ b64.encodeToString(c.doFinal(HexFormat.of().parseHex(hexKey))) + "\n";
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("this Java cannot lock a key with AES-GCM and PBKDF2", e);
		}
		Path tmp = Files.createTempFile(file.getParent(), "boot.key", ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Path clear = file.resolveSibling("boot.key.clear-" + Long.toHexString(random.nextLong()));
		try {
			Files.writeString(tmp, line, StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
			// keep a second name for the clear key's file, so that after the locked key has taken
			// the name atomically the clear bytes can still be overwritten; a crash in between
			// leaves one working key file, never none
			Files.createLink(clear, file);
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			Files.write(clear, new byte[(int) Files.size(clear)], StandardOpenOption.WRITE, StandardOpenOption.SYNC);
		} finally {
			Files.deleteIfExists(tmp);
			Files.deleteIfExists(clear);
		}
	}

	private static SecretKeySpec derive(char[] password, byte[] salt, int iterations) throws GeneralSecurityException {
		PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
		try {
			return new SecretKeySpec(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded(), "AES");
		} finally {
			spec.clearPassword();
		}
	}
}
