package org.miaopi.updates.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.repository.artifact.spi.IArtifactUIServices;

/**
 * p2's trust question answered with no prompt. Trusted: the Miaopi key, and "unsigned" files that
 * are byte for byte a copy the desk keeps (checked by {@link SignerCheck} when it came in, or
 * shipped with the product; p2 keeps no signature with the copies in its bundle pool). Nothing else:
 * no certificate, no other key, no other unsigned content; and nothing is remembered.
 * {@link SignerCheck} has refused foreign content before p2 asks; this is the second lock.
 */
final class MiaopiOnlyTrust extends UIServices implements IArtifactUIServices {

	private final List<PGPPublicKey> miaopiKeys;
	/** SHA-256 (hex) of every copy the desk keeps. */
	private final Supplier<Set<String>> vouched;

	MiaopiOnlyTrust(List<PGPPublicKey> miaopiKeys, Supplier<Set<String>> vouched) {
		this.miaopiKeys = miaopiKeys;
		this.vouched = vouched;
	}

	@Override
	public TrustInfo getTrustInfo(Map<List<Certificate>, Set<IArtifactKey>> untrustedCertificateChains,
			Map<PGPPublicKey, Set<IArtifactKey>> untrustedPGPKeys, Set<IArtifactKey> unsignedArtifacts,
			Map<IArtifactKey, File> artifactFiles) {
		Set<String> kept = vouched.get();
		// a kept copy signed by an earlier Miaopi key (a roll-back across a key change) was checked when it came in
		List<PGPPublicKey> trusted = untrustedPGPKeys.entrySet().stream()
				.filter(e -> isMiaopi(e.getKey()) || e.getValue().stream()
						.allMatch(k -> artifactFiles.get(k) != null && kept.contains(sha256(artifactFiles.get(k)))))
				.map(Map.Entry::getKey).toList();
		boolean unsignedAreKeptCopies = unsignedArtifacts.stream()
				.allMatch(k -> artifactFiles.get(k) != null && kept.contains(sha256(artifactFiles.get(k))));
		return new TrustInfo(List.of(), trusted, false, unsignedAreKeptCopies);
	}

	private boolean isMiaopi(PGPPublicKey key) {
		return miaopiKeys.stream().anyMatch(m -> m.getKeyID() == key.getKeyID());
	}

	static String sha256(File file) {
		try (InputStream in = Files.newInputStream(file.toPath())) {
			MessageDigest d = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[65536];
			int n;
			while ((n = in.read(buffer)) > 0) {
				d.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(d.digest());
		} catch (IOException | NoSuchAlgorithmException e) {
			return "";
		}
	}

	@Override
	public TrustInfo getTrustInfo(Certificate[][] untrustedChains, Collection<PGPPublicKey> untrustedPGPKeys,
			String[] unsignedDetail) {
		List<PGPPublicKey> trusted = untrustedPGPKeys == null ? List.of()
				: untrustedPGPKeys.stream().filter(this::isMiaopi).toList();
		return new TrustInfo(List.of(), trusted, false, false);
	}

	@Override
	public TrustInfo getTrustInfo(Certificate[][] untrustedChain, String[] unsignedDetail) {
		return new TrustInfo(new Certificate[0], false, false);
	}

	@Override
	public AuthenticationInfo getUsernamePassword(String location) {
		return AUTHENTICATION_PROMPT_CANCELED;
	}

	@Override
	public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
		return AUTHENTICATION_PROMPT_CANCELED;
	}
}
