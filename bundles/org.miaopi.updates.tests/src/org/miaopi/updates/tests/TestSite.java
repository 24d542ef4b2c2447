package org.miaopi.updates.tests;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.publisher.IPublisherAction;
import org.eclipse.equinox.p2.publisher.IPublisherInfo;
import org.eclipse.equinox.p2.publisher.Publisher;
import org.eclipse.equinox.p2.publisher.PublisherInfo;
import org.eclipse.equinox.p2.publisher.eclipse.BundlesAction;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.IRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.artifact.spi.ArtifactDescriptor;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.FrameworkUtil;

/**
 * A scratch p2 agent and desk profile, PGP keys made on the spot, and plugin repositories built in
 * the test: matter bundles signed by a given key (or not), with the checksums p2 states.
 */
final class TestSite {

	static final String PROFILE = "MiaopiTestDesk";

	final Path dir;
	final IProvisioningAgent agent;

	TestSite(Path dir) throws Exception {
		this.dir = dir;
		var context = FrameworkUtil.getBundle(TestSite.class).getBundleContext();
		var ref = context.getServiceReference(IProvisioningAgentProvider.class);
		if (ref == null) {
			throw new IllegalStateException("p2's agent provider is not running");
		}
		agent = context.getService(ref).createAgent(dir.resolve("p2").toUri());
		Path install = dir.resolve("desk");
		Files.createDirectories(install);
		Map<String, String> props = new HashMap<>();
		props.put(IProfile.PROP_INSTALL_FOLDER, install.toString());
		props.put(IProfile.PROP_CACHE, install.toString());
		props.put(IProfile.PROP_ENVIRONMENTS, "osgi.os=linux,osgi.ws=gtk,osgi.arch=x86_64");
		agent.getService(IProfileRegistry.class).addProfile(PROFILE, props);
	}

	/**
	 * Stops the agent and removes its files. p2 dispatches profile events on its own thread and
	 * may still write into the agent's area after an operation returned: without this, a test's
	 * temporary folder can fail to delete although the test passed.
	 */
	void close() throws Exception {
		agent.stop();
		for (int attempt = 1;; attempt++) {
			try (var walk = Files.walk(dir)) {
				for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
					if (!p.equals(dir)) {
						Files.deleteIfExists(p);
					}
				}
				return;
			} catch (java.io.IOException | java.io.UncheckedIOException e) {
				if (attempt == 5) {
					throw e;
				}
				Thread.sleep(200);
			}
		}
	}

	/** A key pair in a key ring with a user id, as a signer's would be. */
	static final class Signer {
		final PGPKeyPair pair;
		final PGPPublicKeyRing ring;

		Signer(String userId) throws Exception {
			KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
			g.initialize(2048);
			KeyPair kp = g.generateKeyPair();
			pair = new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, kp, new Date());
			var sha1 = new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1);
			PGPKeyRingGenerator gen = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId, sha1, null,
					null, new JcaPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256), null);
			ring = gen.generatePublicKeyRing();
		}

		List<PGPPublicKey> publicKeys() {
			return List.of(ring.getPublicKey());
		}

		String sign(byte[] bytes) throws Exception {
			PGPSignatureGenerator sg = new PGPSignatureGenerator(
					new JcaPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256));
			sg.init(PGPSignature.BINARY_DOCUMENT, pair.getPrivateKey());
			sg.update(bytes);
			return armor(sg.generate()::encode);
		}

		String armoredPublicKey() throws Exception {
			return armor(ring::encode);
		}
	}

	interface Encoder {
		void encode(OutputStream out) throws IOException;
	}

	static String armor(Encoder e) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ArmoredOutputStream a = new ArmoredOutputStream(out)) {
			e.encode(a);
		}
		return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
	}

	/** A manifest-only matter bundle; {@code requireCore} adds a requirement on that range of org.miaopi.core. */
	static byte[] bundle(String id, String version, String requireCore) throws IOException {
		Manifest m = new Manifest();
		Attributes a = m.getMainAttributes();
		a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		a.putValue("Bundle-ManifestVersion", "2");
		a.putValue("Bundle-SymbolicName", id + ";singleton:=true");
		a.putValue("Bundle-Version", version);
		a.putValue("Bundle-Name", "Test matter " + id);
		if (requireCore != null) {
			a.putValue("Require-Bundle", "org.miaopi.core;bundle-version=\"" + requireCore + "\"");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JarOutputStream jar = new JarOutputStream(out, m)) {
			jar.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
			jar.write(("matter " + id + " " + version).getBytes());
			jar.closeEntry();
		}
		return out.toByteArray();
	}

	/** How one artifact goes into a repository. */
	record Entry(String id, String version, String requireCore, Signer signer, boolean tamper, boolean jarSigned) {
		Entry(String id, String version, String requireCore, Signer signer, boolean tamper) {
			this(id, version, requireCore, signer, tamper, false);
		}

		static Entry signed(String id, String version, Signer signer) {
			return new Entry(id, version, null, signer, false);
		}
	}

	/**
	 * Signs a jar the way a vendor with a code-signing certificate would: a CA certifies the signing
	 * key, and jarsigner signs with it (the JDK's own tools: no CA of the Java trust store can be had
	 * in a test, and the desk's rule is the same for any certificate).
	 */
	byte[] jarSign(byte[] jar) throws Exception {
		Path ks = dir.resolve("vendor.p12");
		Path jarFile = dir.resolve("unsigned-" + System.nanoTime() + ".jar");
		Files.write(jarFile, jar);
		String bin = System.getProperty("java.home") + "/bin/";
		if (!Files.exists(ks)) {
			tool(bin + "keytool", "-genkeypair", "-keystore", ks.toString(), "-storepass", "changeit", "-alias", "ca", "-keyalg", "RSA",
					"-dname", "CN=Test Code Signing CA", "-ext", "bc:c", "-validity", "30");
			tool(bin + "keytool", "-genkeypair", "-keystore", ks.toString(), "-storepass", "changeit", "-alias", "vendor", "-keyalg", "RSA",
					"-dname", "CN=Some Vendor", "-validity", "30");
			Path req = dir.resolve("vendor.csr");
			Path cert = dir.resolve("vendor.cer");
			tool(bin + "keytool", "-certreq", "-keystore", ks.toString(), "-storepass", "changeit", "-alias", "vendor", "-file", req.toString());
			tool(bin + "keytool", "-gencert", "-keystore", ks.toString(), "-storepass", "changeit", "-alias", "ca", "-infile", req.toString(),
					"-outfile", cert.toString(), "-ext", "ku:c=dig", "-ext", "eku=codeSigning", "-rfc");
			tool(bin + "keytool", "-importcert", "-keystore", ks.toString(), "-storepass", "changeit", "-alias", "vendor", "-file",
					cert.toString(), "-noprompt");
		}
		tool(bin + "jarsigner", "-keystore", ks.toString(), "-storepass", "changeit", jarFile.toString(), "vendor");
		return Files.readAllBytes(jarFile);
	}

	private static void tool(String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		if (p.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
		}
	}

	/**
	 * Installs, as the product's build does, a feature-like unit that requires {@code matter} at
	 * {@code minimum} or newer (match="greaterOrEqual"): the matter comes in with it, not as a root.
	 */
	void installProduct(URI repository, String matter, String minimum) throws Exception {
		var d = new org.eclipse.equinox.p2.metadata.MetadataFactory.InstallableUnitDescription();
		var v = org.eclipse.equinox.p2.metadata.Version.create("1.0.0");
		d.setId("org.miaopi.test.product");
		d.setVersion(v);
		d.setCapabilities(new org.eclipse.equinox.p2.metadata.IProvidedCapability[] { org.eclipse.equinox.p2.metadata.MetadataFactory
				.createProvidedCapability(IInstallableUnit.NAMESPACE_IU_ID, "org.miaopi.test.product", v) });
		d.setRequirements(new org.eclipse.equinox.p2.metadata.IRequirement[] { org.eclipse.equinox.p2.metadata.MetadataFactory
				.createRequirement(IInstallableUnit.NAMESPACE_IU_ID, matter,
						new org.eclipse.equinox.p2.metadata.VersionRange(minimum), null, false, false) });
		IInstallableUnit product = org.eclipse.equinox.p2.metadata.MetadataFactory.createInstallableUnit(d);
		var op = new org.eclipse.equinox.p2.operations.InstallOperation(
				new org.eclipse.equinox.p2.operations.ProvisioningSession(agent), List.of(product));
		op.setProfileId(PROFILE);
		var context = new org.eclipse.equinox.p2.engine.ProvisioningContext(agent);
		context.setMetadataRepositories(new URI[] { repository });
		context.setArtifactRepositories(new URI[] { repository });
		context.setExtraInstallableUnits(List.of(product));
		op.setProvisioningContext(context);
		var resolved = op.resolveModal(new NullProgressMonitor());
		if (resolved.getSeverity() == org.eclipse.core.runtime.IStatus.ERROR) {
			throw new IllegalStateException("the test product cannot be installed: " + resolved + " " + op.getResolutionDetails());
		}
		var done = op.getProvisioningJob(new NullProgressMonitor()).runModal(new NullProgressMonitor());
		if (done.getSeverity() == org.eclipse.core.runtime.IStatus.ERROR) {
			throw new IllegalStateException("the test product was not installed: " + done);
		}
	}

	/** Lists {@code members} (at any version) under a category unit, as a site's category.xml would. */
	void categorize(URI repository, String categoryId, String label, String... members) throws Exception {
		var d = new org.eclipse.equinox.p2.metadata.MetadataFactory.InstallableUnitDescription();
		var v = org.eclipse.equinox.p2.metadata.Version.create("1.0.0");
		d.setId(categoryId);
		d.setVersion(v);
		d.setProperty(IInstallableUnit.PROP_NAME, label);
		d.setProperty(QueryUtil.PROP_TYPE_CATEGORY, "true");
		d.setCapabilities(new org.eclipse.equinox.p2.metadata.IProvidedCapability[] { org.eclipse.equinox.p2.metadata.MetadataFactory
				.createProvidedCapability(IInstallableUnit.NAMESPACE_IU_ID, categoryId, v) });
		var requirements = new org.eclipse.equinox.p2.metadata.IRequirement[members.length];
		for (int i = 0; i < members.length; i++) {
			requirements[i] = org.eclipse.equinox.p2.metadata.MetadataFactory.createRequirement(IInstallableUnit.NAMESPACE_IU_ID,
					members[i], org.eclipse.equinox.p2.metadata.VersionRange.emptyRange, null, false, false);
		}
		d.setRequirements(requirements);
		agent.getService(IMetadataRepositoryManager.class).loadRepository(repository, null)
				.addInstallableUnits(List.of(org.eclipse.equinox.p2.metadata.MetadataFactory.createInstallableUnit(d)));
	}

	/** A new repository (metadata and artifacts) in {@code dir/name} holding the entries. */
	URI repository(String name, Entry... entries) throws Exception {
		Path repo = dir.resolve(name);
		Path scratch = dir.resolve(name + "-scratch");
		Files.createDirectories(repo);
		var mm = agent.getService(IMetadataRepositoryManager.class);
		var am = agent.getService(IArtifactRepositoryManager.class);
		Map<String, String> props = Map.of(IRepository.PROP_COMPRESSED, "false");
		IMetadataRepository metadata = mm.createRepository(repo.toUri(), name, IMetadataRepositoryManager.TYPE_SIMPLE_REPOSITORY, props);
		IArtifactRepository artifacts = am.createRepository(repo.toUri(), name, IArtifactRepositoryManager.TYPE_SIMPLE_REPOSITORY, props);
		IArtifactRepository throwaway = am.createRepository(scratch.toUri(), name, IArtifactRepositoryManager.TYPE_SIMPLE_REPOSITORY, props);
		for (Entry e : entries) {
			byte[] jar = bundle(e.id, e.version, e.requireCore);
			if (e.jarSigned) {
				jar = jarSign(jar);
			}
			File file = dir.resolve(e.id + "_" + e.version + "-" + name + ".jar").toFile();
			Files.write(file.toPath(), jar);
			PublisherInfo info = new PublisherInfo();
			info.setArtifactOptions(IPublisherInfo.A_INDEX | IPublisherInfo.A_PUBLISH);
			info.setMetadataRepository(metadata);
			info.setArtifactRepository(throwaway);
			new Publisher(info).publish(new IPublisherAction[] { new BundlesAction(new File[] { file }) }, new NullProgressMonitor());
			IInstallableUnit iu = metadata.query(QueryUtil.createIUQuery(e.id, org.eclipse.equinox.p2.metadata.Version.create(e.version)), null)
					.iterator().next();
			IArtifactKey key = iu.getArtifacts().iterator().next();
			ArtifactDescriptor d = (ArtifactDescriptor) artifacts.createArtifactDescriptor(key);
			d.setProperty("download.size", Integer.toString(jar.length));
			d.setProperty("download.checksum.sha-256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)));
			if (e.signer != null) {
				d.setProperty("pgp.signatures", e.signer.sign(jar));
				d.setProperty("pgp.publicKeys", e.signer.armoredPublicKey());
			}
			byte[] stored = jar;
			if (e.tamper) {
				stored = jar.clone();
				stored[stored.length / 2] ^= 0x5a;
			}
			try (OutputStream out = artifacts.getOutputStream(d)) {
				out.write(stored);
			}
		}
		return repo.toUri();
	}
}
