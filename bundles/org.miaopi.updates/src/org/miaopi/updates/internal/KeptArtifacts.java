package org.miaopi.updates.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.IRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.miaopi.updates.PluginRefusedException;
import org.miaopi.updates.PluginRefusedException.Reason;

/**
 * The desk's kept repository ({@code keptDir}): a copy of every plugin artifact it installed,
 * checked by {@link SignerCheck} before it was kept, and of every one a change removed, so that p2
 * installs only from here and every earlier profile state can be restored offline ({@link P2Desk}).
 */
final class KeptArtifacts {

	private final IProvisioningAgent agent;
	private final Path keptDir;
	private final SignerCheck signer;

	KeptArtifacts(IProvisioningAgent agent, Path keptDir, SignerCheck signer) {
		this.agent = agent;
		this.keptDir = keptDir;
		this.signer = signer;
	}

	/** Fetches the raw artifacts the plan adds, refuses the whole change if one fails the check, else keeps them all. */
	void checkAndKeepAdditions(IProvisioningPlan plan, IArtifactRepository remote, IProgressMonitor monitor) {
		IArtifactRepository kept = repository();
		Map<IArtifactDescriptor, byte[]> checked = new LinkedHashMap<>();
		for (IInstallableUnit iu : plan.getAdditions().query(QueryUtil.createIUAnyQuery(), null)) {
			for (IArtifactKey key : iu.getArtifacts()) {
				if (kept.contains(key)) {
					continue;
				}
				IArtifactDescriptor d = canonical(remote.getArtifactDescriptors(key), key);
				byte[] bytes = raw(remote, d, monitor);
				signer.check(d, bytes);
				checked.put(d, bytes);
			}
		}
		checked.forEach((d, bytes) -> keep(kept, d, bytes));
	}

	/** Copies the artifacts the plan removes from the profile's bundle pool (opened only when needed) into the kept repository. */
	void keepRemovals(IProvisioningPlan plan, Supplier<IArtifactRepository> bundlePool, IProgressMonitor monitor) {
		IArtifactRepository kept = repository();
		IArtifactRepository pool = null;
		for (IInstallableUnit iu : plan.getRemovals().query(QueryUtil.createIUAnyQuery(), null)) {
			for (IArtifactKey key : iu.getArtifacts()) {
				if (kept.contains(key)) {
					continue;
				}
				if (pool == null) {
					pool = bundlePool.get();
				}
				IArtifactDescriptor[] ds = pool.getArtifactDescriptors(key);
				if (ds.length > 0) {
					keep(kept, ds[0], raw(pool, ds[0], monitor));
				}
			}
		}
	}

	private static IArtifactDescriptor canonical(IArtifactDescriptor[] ds, IArtifactKey key) {
		for (IArtifactDescriptor d : ds) {
			if (d.getProcessingSteps().length == 0) {
				return d;
			}
		}
		throw new PluginRefusedException(Reason.NOT_FOUND, key.getId(),
				"the repository lists " + key.getId() + " " + key.getVersion() + " but holds no file for it");
	}

	private static byte[] raw(IArtifactRepository repo, IArtifactDescriptor d, IProgressMonitor monitor) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		IStatus s = repo.getRawArtifact(d, out, monitor == null ? new NullProgressMonitor() : monitor);
		if (!s.isOK() && s.getSeverity() == IStatus.ERROR) {
			throw new PluginRefusedException(Reason.REPOSITORY, d.getArtifactKey().getId(),
					d.getArtifactKey().getId() + " cannot be fetched: " + P2Desk.text(s));
		}
		return out.toByteArray();
	}

	private static void keep(IArtifactRepository kept, IArtifactDescriptor d, byte[] bytes) {
		IArtifactDescriptor copy = kept.createArtifactDescriptor(d.getArtifactKey());
		if (copy instanceof org.eclipse.equinox.p2.repository.artifact.spi.ArtifactDescriptor a) {
			d.getProperties().forEach(a::setProperty);
			// a bundle pool's descriptor may state no checksum: the kept copy always does
			a.setProperty(SHA256, sha256(bytes));
		}
		try (OutputStream out = kept.getOutputStream(copy)) {
			out.write(bytes);
		} catch (IOException | ProvisionException e) {
			throw new PluginRefusedException(Reason.FAILED, d.getArtifactKey().getId(),
					"cannot keep " + d.getArtifactKey().getId() + " on this desk: " + e.getMessage());
		}
	}

	private static final String SHA256 = SignerCheck.CHECKSUM_PREFIX + "sha-256";

	private static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The SHA-256 of every kept copy: the files p2 may call unsigned but this desk vouches for. */
	Set<String> checksums() {
		IArtifactRepository kept = repository();
		Set<String> out = new java.util.HashSet<>();
		for (IArtifactKey key : kept.query(org.eclipse.equinox.p2.repository.artifact.ArtifactKeyQuery.ALL_KEYS, null)) {
			for (IArtifactDescriptor d : kept.getArtifactDescriptors(key)) {
				String sum = d.getProperty(SHA256);
				if (sum != null) {
					out.add(sum.toLowerCase(java.util.Locale.ROOT));
				}
			}
		}
		return out;
	}

	URI uri() {
		return keptDir.toUri();
	}

	/** The desk's own repository of every plugin artifact it has installed or removed (for offline roll-back). */
	IArtifactRepository repository() {
		IArtifactRepositoryManager manager = agent.getService(IArtifactRepositoryManager.class);
		try {
			if (Files.exists(keptDir.resolve("artifacts.xml")) || Files.exists(keptDir.resolve("artifacts.jar"))) {
				return manager.loadRepository(uri(), null);
			}
			Files.createDirectories(keptDir);
			Map<String, String> props = new java.util.HashMap<>();
			props.put(IRepository.PROP_COMPRESSED, "false");
			return manager.createRepository(uri(), "Miaopi kept plugin artifacts",
					IArtifactRepositoryManager.TYPE_SIMPLE_REPOSITORY, props);
		} catch (ProvisionException | IOException e) {
			throw new PluginRefusedException(Reason.FAILED, keptDir.toString(),
					"cannot open the desk's kept plugin artifacts in " + keptDir + ": " + e.getMessage());
		}
	}
}
