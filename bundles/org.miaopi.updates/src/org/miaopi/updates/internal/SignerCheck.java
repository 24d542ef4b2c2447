package org.miaopi.updates.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;
import org.miaopi.updates.PluginRefusedException;
import org.miaopi.updates.PluginRefusedException.Reason;

/**
 * The desk's one trust rule for plugin content: the bytes match the checksum the repository states,
 * and carry a PGP signature by Miaopi's code-signing key that verifies. Nothing else is trusted:
 * not unsigned content, not another PGP key, and not an X.509 certificate, even one that chains to
 * a CA in the Java trust store (which p2 itself would accept without asking).
 */
public final class SignerCheck {

	/** p2's artifact properties (as Tycho's {@code sign-p2-artifacts} writes them). */
	static final String SIGNATURES = "pgp.signatures";
	static final String CHECKSUM_PREFIX = "download.checksum.";

	private final List<PGPPublicKey> miaopiKeys;

	public SignerCheck(List<PGPPublicKey> miaopiKeys) {
		if (miaopiKeys.isEmpty()) {
			throw new IllegalArgumentException("no Miaopi code-signing key: every plugin would be refused");
		}
		this.miaopiKeys = List.copyOf(miaopiKeys);
	}

	public List<PGPPublicKey> keys() {
		return miaopiKeys;
	}

	/** Reads an armored (or binary) public key ring file: the Miaopi signer's public key. */
	public static List<PGPPublicKey> readKeys(InputStream in) throws IOException {
		List<PGPPublicKey> keys = new ArrayList<>();
		try {
			PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(PGPUtil.getDecoderStream(in),
					new JcaKeyFingerprintCalculator());
			for (PGPPublicKeyRing ring : rings) {
				ring.getPublicKeys().forEachRemaining(keys::add);
			}
		} catch (PGPException e) {
			throw new IOException("not a PGP public key: " + e.getMessage(), e);
		}
		return keys;
	}

	/** @throws PluginRefusedException if the artifact is not exactly what Miaopi signed */
	public void check(IArtifactDescriptor descriptor, byte[] bytes) {
		String name = descriptor.getArtifactKey().getId() + " " + descriptor.getArtifactKey().getVersion();
		checkChecksums(descriptor, bytes, name);
		String armored = descriptor.getProperty(SIGNATURES);
		List<PGPSignature> signatures = armored == null ? List.of() : signatures(armored, name);
		if (signatures.isEmpty()) {
			String certificate = jarSigner(bytes);
			if (certificate != null) {
				throw new PluginRefusedException(Reason.CERTIFICATE_ONLY, name, name + " is signed only with the certificate "
						+ certificate + "; this desk trusts no certificate authority for plugins, only Miaopi's code-signing key");
			}
			throw new PluginRefusedException(Reason.UNSIGNED, name,
					name + " is not signed; this desk installs only plugins signed with Miaopi's code-signing key");
		}
		List<String> others = new ArrayList<>();
		for (PGPSignature s : signatures) {
			PGPPublicKey key = miaopiKey(s.getKeyID());
			if (key == null) {
				others.add(keyId(s.getKeyID()));
				continue;
			}
			if (verifies(s, key, bytes)) {
				return;
			}
			throw new PluginRefusedException(Reason.BAD_SIGNATURE, name, name + " carries a signature in the name of Miaopi's key "
					+ keyId(s.getKeyID()) + " that does not verify: the file was changed after it was signed");
		}
		throw new PluginRefusedException(Reason.FOREIGN_SIGNER, name, name + " is signed by the key " + String.join(", ", others)
				+ ", not by Miaopi's code-signing key " + keyId(miaopiKeys.get(0).getKeyID()));
	}

	private PGPPublicKey miaopiKey(long keyId) {
		return miaopiKeys.stream().filter(k -> k.getKeyID() == keyId).findFirst().orElse(null);
	}

	static String keyId(long id) {
		return String.format(Locale.ROOT, "%016X", id);
	}

	private static boolean verifies(PGPSignature s, PGPPublicKey key, byte[] bytes) {
		try {
			s.init(new JcaPGPContentVerifierBuilderProvider(), key);
			s.update(bytes);
			return s.verify();
		} catch (PGPException e) {
			return false;
		}
	}

	private static List<PGPSignature> signatures(String armored, String name) {
		List<PGPSignature> out = new ArrayList<>();
		try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
			PGPObjectFactory f = new PGPObjectFactory(in, new JcaKeyFingerprintCalculator());
			Object o;
			while ((o = f.nextObject()) != null) {
				if (o instanceof PGPSignatureList list) {
					list.forEach(out::add);
				} else if (o instanceof PGPSignature s) {
					out.add(s);
				}
			}
		} catch (IOException e) {
			throw new PluginRefusedException(Reason.BAD_SIGNATURE, name, name + " carries a signature that cannot be read");
		}
		return out;
	}

	private static void checkChecksums(IArtifactDescriptor d, byte[] bytes, String name) {
		boolean any = false;
		for (var e : d.getProperties().entrySet()) {
			String algorithm = e.getKey().startsWith(CHECKSUM_PREFIX) ? e.getKey().substring(CHECKSUM_PREFIX.length())
					: e.getKey().equals("download.md5") ? "md5" : null;
			String javaName = algorithm == null ? null : switch (algorithm.toLowerCase(Locale.ROOT)) {
				case "sha-256" -> "SHA-256";
				case "sha-512" -> "SHA-512";
				case "md5" -> "MD5";
				default -> null;
			};
			if (javaName == null) {
				continue;
			}
			any = true;
			try {
				String actual = HexFormat.of().formatHex(MessageDigest.getInstance(javaName).digest(bytes));
				if (!actual.equalsIgnoreCase(e.getValue().trim())) {
					throw new PluginRefusedException(Reason.CHECKSUM, name, name + " does not match its " + algorithm
							+ " checksum in the repository (the file or the repository was altered)");
				}
			} catch (NoSuchAlgorithmException x) {
				throw new IllegalStateException(x);
			}
		}
		if (!any) {
			throw new PluginRefusedException(Reason.CHECKSUM, name, name + " has no checksum in the repository");
		}
	}

	/** The first X.509 signer of a signed jar ("CN=…, issued by CN=…"), or null for an unsigned one or not a jar. */
	static String jarSigner(byte[] bytes) {
		try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(bytes), true)) {
			JarEntry e;
			byte[] buffer = new byte[8192];
			while ((e = jar.getNextJarEntry()) != null) {
				while (jar.read(buffer) >= 0) {
					// entries must be read to the end before their signers are known
				}
				CodeSigner[] signers = e.getCodeSigners();
				if (signers != null && signers.length > 0
						&& signers[0].getSignerCertPath().getCertificates().get(0) instanceof X509Certificate c) {
					return c.getSubjectX500Principal().getName() + ", issued by " + c.getIssuerX500Principal().getName();
				}
			}
		} catch (IOException | SecurityException e) {
			return null;
		}
		return null;
	}
}
