import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Date;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;

/**
 * Makes the Miaopi code-signing key of this build (RSA 3072, OpenPGP, the secret key protected by
 * the passphrase given as the second argument) when it does not exist yet:
 * DIR/miaopi-signer-secret.asc (owner-only, read by tycho-gpg-plugin's Bouncy Castle signer) and
 * DIR/miaopi-signer.asc (the public key the desks trust). Never committed: a real release signs
 * with a key kept off the build machine.
 */
public class MakeSigningKey {
	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		Path secret = dir.resolve("miaopi-signer-secret.asc");
		if (Files.exists(secret)) {
			return;
		}
		Files.createDirectories(dir);
		KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
		g.initialize(3072);
		var pair = new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, g.generateKeyPair(), new Date());
		var sha1 = new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1);
		var gen = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair,
				"Miaopi code signing (demo build) <signing@miaopi.invalid>", sha1, null, null,
				new JcaPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
				new JcePBESecretKeyEncryptorBuilder(PGPEncryptedData.AES_256, sha1).build(args[1].toCharArray()));
		Path tmp = dir.resolve("miaopi-signer-secret.asc.tmp");
		Files.deleteIfExists(tmp);
		Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try (OutputStream out = new ArmoredOutputStream(new FileOutputStream(tmp.toFile()))) {
			gen.generateSecretKeyRing().encode(out);
		}
		try (OutputStream out = new ArmoredOutputStream(new FileOutputStream(dir.resolve("miaopi-signer.asc").toFile()))) {
			gen.generatePublicKeyRing().encode(out);
		}
		Files.move(tmp, secret);
		System.out.printf("made the Miaopi code-signing key %016X in %s%n", pair.getKeyID(), dir);
	}
}
