package org.miaopi.seal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.miaopi.core.MiaopiHome;
import org.miaopi.seal.internal.Pki;
import org.miaopi.seal.internal.Pki.Revoked;
import org.miaopi.seal.internal.Pki.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Seals in a PKCS#12 keystore under {@code <MiaopiHome>/seals/}. On first use it generates the demo
 * hierarchy (root CA, timestamp authority, one seal per demo department) and a random keystore
 * password, kept owner-only beside it, unless the user gives one ({@code MIAOPI_SEAL_PASSWORD}
 * or {@code -Dmiaopi.seal.password}).
 */
@Component(service = SealService.class)
public class FileSealService implements SealService {

	public static final String PASSWORD_PROPERTY = "miaopi.seal.password"; //$NON-NLS-1$
	public static final String PASSWORD_ENVIRONMENT = "MIAOPI_SEAL_PASSWORD"; //$NON-NLS-1$

	/** The demo departments: code and the name set on the seal's arc. */
	public static final Map<String, String> DEMO_DEPARTMENTS = demoDepartments();

	private static final String KEYSTORE = "keystore.p12"; //$NON-NLS-1$
	private static final String PASSWORD_FILE = "keystore.password"; //$NON-NLS-1$
	private static final String DEPARTMENTS = "departments.tsv"; //$NON-NLS-1$
	private static final String REVOKED = "revoked.tsv"; //$NON-NLS-1$
	private static final String ROOT = "root"; //$NON-NLS-1$
	private static final String TSA = "tsa"; //$NON-NLS-1$
	private static final String SEAL_PREFIX = "seal-"; //$NON-NLS-1$
	private static final String OFFICER_PREFIX = "officer-"; //$NON-NLS-1$
	private static final Duration CRL_VALIDITY = Duration.ofDays(7);

	private Path dir;
	private char[] password;
	private KeyAlgorithm algorithm = KeyAlgorithm.EC_P256;
	private Clock clock = Clock.systemUTC();

	// loaded lazily (so that `./miaopi help` generates nothing), guarded by this
	private KeyStore keystore;
	private final Map<String, String> departments = new TreeMap<>();
	private final Map<String, Seal> seals = new TreeMap<>();
	private final Map<String, Seal> officers = new TreeMap<>();
	private final List<Revoked> revoked = new ArrayList<>();
	private Seal rootSeal;
	private TimestampAuthority tsa;
	private X509CRL crl;

	/** For Declarative Services: the desk's home, see {@link #activate()}. */
	public FileSealService() {
	}

	/**
	 * @param sealsDir  where the keystore lives (created if missing)
	 * @param password  the keystore password, or null for the generated one kept in the directory
	 * @param algorithm key algorithm of a newly generated hierarchy
	 */
	public FileSealService(Path sealsDir, char[] password, KeyAlgorithm algorithm, Clock clock) {
		this.dir = sealsDir;
		this.password = password == null ? null : password.clone();
		this.algorithm = algorithm;
		this.clock = clock;
	}

	@Activate
	void activate() {
		dir = MiaopiHome.current().resolve("seals"); //$NON-NLS-1$
		String given = System.getProperty(PASSWORD_PROPERTY, System.getenv(PASSWORD_ENVIRONMENT));
		password = given == null || given.isEmpty() ? null : given.toCharArray();
		if ("RSA".equalsIgnoreCase(System.getProperty("miaopi.seal.algorithm"))) { //$NON-NLS-1$ //$NON-NLS-2$
			algorithm = KeyAlgorithm.RSA_2048;
		}
	}

	public Path directory() {
		return dir;
	}

	@Override
	public synchronized List<String> departments() {
		load();
		return List.copyOf(departments.keySet());
	}

	@Override
	public synchronized Seal seal(String departmentCode) {
		Seal seal = findSeal(departmentCode).orElseThrow(() -> new SealException(SealException.Code.UNKNOWN_SEAL,
				"there is no seal for department '" + departmentCode + "'; known: " + departments.keySet())); //$NON-NLS-1$ //$NON-NLS-2$
		seal.checkValidAt(clock.instant());
		Optional<Instant> revokedAt = revokedAt(seal.certificate());
		if (revokedAt.isPresent()) {
			throw new SealException(SealException.Code.SEAL_REVOKED, "the seal certificate of " + departmentCode //$NON-NLS-1$
					+ " was revoked at " + revokedAt.get() + "; it cannot seal"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return seal;
	}

	@Override
	public synchronized Optional<Seal> findSeal(String departmentCode) {
		load();
		return Optional.ofNullable(seals.get(departmentCode.toUpperCase(Locale.ROOT)));
	}

	@Override
	public synchronized Seal officer(String officerId) {
		load();
		String id = officerId.toLowerCase(Locale.ROOT);
		if (!id.matches("[a-z0-9._-]{1,64}")) { //$NON-NLS-1$
			throw new SealException(SealException.Code.UNKNOWN_OFFICER, "not an officer id: '" + officerId + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Seal officer = officers.get(id);
		if (officer == null) {
			Instant now = clock.instant();
			X500Name dn = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Miaopi Demo") //$NON-NLS-1$ //$NON-NLS-2$
					.addRDN(BCStyle.OU, "Officers").addRDN(BCStyle.CN, officerId).build(); //$NON-NLS-1$
			officer = issue(Role.OFFICER, OFFICER_PREFIX + id, dn, id, officerId, now.minus(Duration.ofMinutes(5)),
					now.plus(Duration.ofDays(2 * 365)));
			officers.put(id, officer);
			save();
		}
		return officer;
	}

	/**
	 * Issues (or replaces) a department's seal certificate, signed by the root. Admin operation;
	 * tests use it to make an expired seal.
	 */
	public synchronized Seal issueSeal(String departmentCode, String departmentName, Instant notBefore, Instant notAfter) {
		load();
		String code = departmentCode.toUpperCase(Locale.ROOT);
		Seal seal = issue(Role.SEAL, SEAL_PREFIX + code.toLowerCase(Locale.ROOT), sealName(code, departmentName), code,
				departmentName, notBefore, notAfter);
		seals.put(code, seal);
		departments.put(code, departmentName);
		save();
		return seal;
	}

	/** Certifies a seal key held elsewhere (a PKCS#11 token): the chain to store beside the key. */
	public synchronized X509Certificate[] certifySealKey(String departmentCode, String departmentName, java.security.PublicKey key,
			Instant notBefore, Instant notAfter) {
		load();
		X509Certificate cert = Pki.certificate(Role.SEAL, sealName(departmentCode.toUpperCase(Locale.ROOT), departmentName), key,
				rootSeal.certificate(), rootSeal.key(), notBefore, notAfter);
		return new X509Certificate[] { cert, rootSeal.certificate() };
	}

	/** Seals with a key in a token from now on (this process); the keystore is not changed. */
	public synchronized void useTokenSeal(Seal seal) {
		load();
		seals.put(seal.departmentCode(), seal);
		departments.put(seal.departmentCode(), seal.departmentName());
	}

	@Override
	public synchronized X509Certificate root() {
		load();
		return rootSeal.certificate();
	}

	@Override
	public synchronized X509CRL crl() {
		load();
		if (crl == null || crl.getNextUpdate().toInstant().isBefore(clock.instant().plus(Duration.ofDays(1)))) {
			Instant now = clock.instant();
			crl = Pki.crl(rootSeal.certificate(), rootSeal.key(), revoked, now.toEpochMilli(), now, now.plus(CRL_VALIDITY));
		}
		return crl;
	}

	@Override
	public synchronized void revoke(X509Certificate certificate, int crlReason, String note) {
		load();
		if (!certificate.getIssuerX500Principal().equals(rootSeal.certificate().getSubjectX500Principal())) {
			throw new SealException(SealException.Code.FAILED, "only certificates of the Miaopi root can be revoked here"); //$NON-NLS-1$
		}
		if (revokedAt(certificate).isPresent()) {
			return;
		}
		Revoked r = new Revoked(certificate.getSerialNumber(), clock.instant(), crlReason);
		revoked.add(r);
		String line = r.serial().toString(16) + '\t' + r.when() + '\t' + r.reason() + '\t'
				+ (note == null ? "" : note.replaceAll("[\\t\\r\\n]", " ")) + '\n'; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		try {
			Files.writeString(dir.resolve(REVOKED), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
					StandardOpenOption.SYNC);
		} catch (IOException e) {
			throw new SealException(SealException.Code.FAILED, "cannot record the revocation: " + e.getMessage(), e); //$NON-NLS-1$
		}
		crl = null;
	}

	@Override
	public synchronized Optional<Instant> revokedAt(X509Certificate certificate) {
		load();
		if (!certificate.getIssuerX500Principal().equals(rootSeal.certificate().getSubjectX500Principal())) {
			return Optional.empty();
		}
		return revoked.stream().filter(r -> r.serial().equals(certificate.getSerialNumber())).map(Revoked::when).findFirst();
	}

	@Override
	public synchronized TimestampAuthority timestampAuthority() {
		load();
		return tsa;
	}

	// ---------------------------------------------------------------- storage

	private void load() {
		if (keystore != null) {
			return;
		}
		try {
			Files.createDirectories(dir);
			ownerOnly(dir, "rwx------"); //$NON-NLS-1$
			Path file = dir.resolve(KEYSTORE);
			char[] pw = password();
			KeyStore ks = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
			if (Files.exists(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					ks.load(in, pw);
				} catch (IOException e) {
					throw new SealException(SealException.Code.WRONG_PASSWORD,
							"cannot open the seal keystore " + file + ": wrong password, or the file is damaged", e); //$NON-NLS-1$ //$NON-NLS-2$
				}
				keystore = ks;
				readDepartments();
				readRevoked();
				for (String alias : Collections.list(ks.aliases())) {
					Seal s = read(alias);
					if (alias.equals(ROOT)) {
						rootSeal = s;
					} else if (alias.equals(TSA)) {
						tsa = new TimestampAuthority(s.key(), s.certificate(), clock);
					} else if (alias.startsWith(SEAL_PREFIX)) {
						seals.put(s.departmentCode(), s);
					} else if (alias.startsWith(OFFICER_PREFIX)) {
						officers.put(alias.substring(OFFICER_PREFIX.length()), s);
					}
				}
				if (rootSeal == null || tsa == null) {
					throw new SealException(SealException.Code.FAILED, "the seal keystore " + file + " has no root or no TSA key"); //$NON-NLS-1$ //$NON-NLS-2$
				}
			} else {
				ks.load(null, null);
				keystore = ks;
				generateDemoHierarchy();
			}
		} catch (SealException e) {
			keystore = null;
			throw e;
		} catch (Exception e) {
			keystore = null;
			throw new SealException(SealException.Code.FAILED, "cannot open the seals in " + dir + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private void generateDemoHierarchy() {
		Instant now = clock.instant();
		Instant from = now.minus(Duration.ofMinutes(5));
		KeyPair rootKeys = Pki.newKeyPair(algorithm);
		X500Name rootDn = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Miaopi Demo") //$NON-NLS-1$ //$NON-NLS-2$
				.addRDN(BCStyle.CN, "Miaopi Demo Root CA " + now.toString().substring(0, 10)).build(); //$NON-NLS-1$
		X509Certificate rootCert = Pki.certificate(Role.ROOT, rootDn, rootKeys.getPublic(), null, rootKeys.getPrivate(), from,
				now.plus(Duration.ofDays(10 * 365)));
		rootSeal = new Seal("ROOT", "Miaopi Demo Root CA", rootKeys.getPrivate(), Pki.BC, new X509Certificate[] { rootCert }); //$NON-NLS-1$ //$NON-NLS-2$
		store(ROOT, rootSeal);
		X500Name tsaDn = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Miaopi Demo") //$NON-NLS-1$ //$NON-NLS-2$
				.addRDN(BCStyle.CN, "Miaopi Demo Timestamp Authority").build(); //$NON-NLS-1$
		Seal tsaSeal = issue(Role.TIMESTAMP, TSA, tsaDn, "TSA", "Miaopi Demo Timestamp Authority", from, //$NON-NLS-1$ //$NON-NLS-2$
				now.plus(Duration.ofDays(5 * 365)));
		tsa = new TimestampAuthority(tsaSeal.key(), tsaSeal.certificate(), clock);
		for (Map.Entry<String, String> d : DEMO_DEPARTMENTS.entrySet()) {
			seals.put(d.getKey(), issue(Role.SEAL, SEAL_PREFIX + d.getKey().toLowerCase(Locale.ROOT), sealName(d.getKey(), d.getValue()),
					d.getKey(), d.getValue(), from, now.plus(Duration.ofDays(3 * 365))));
			departments.put(d.getKey(), d.getValue());
		}
		save();
	}

	private static X500Name sealName(String code, String name) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Miaopi Demo") //$NON-NLS-1$ //$NON-NLS-2$
				.addRDN(BCStyle.OU, code).addRDN(BCStyle.CN, name).build();
	}

	private Seal issue(Role role, String alias, X500Name dn, String code, String name, Instant notBefore, Instant notAfter) {
		KeyPair keys = Pki.newKeyPair(algorithm);
		X509Certificate cert = Pki.certificate(role, dn, keys.getPublic(), rootSeal.certificate(), rootSeal.key(), notBefore, notAfter);
		Seal seal = new Seal(code, name, keys.getPrivate(), Pki.BC, new X509Certificate[] { cert, rootSeal.certificate() });
		store(alias, seal);
		return seal;
	}

	private void store(String alias, Seal seal) {
		try {
			keystore.setKeyEntry(alias, seal.key(), password(), seal.chain());
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot store key " + alias + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private Seal read(String alias) throws Exception {
		PrivateKey key = (PrivateKey) keystore.getKey(alias, password());
		// use BouncyCastle key objects: the signing code asks BC for the algorithms
		key = KeyFactory.getInstance(key.getAlgorithm(), Pki.bc()).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
		Certificate[] chain = keystore.getCertificateChain(alias);
		X509Certificate[] x509 = new X509Certificate[chain.length];
		for (int i = 0; i < chain.length; i++) {
			x509[i] = (X509Certificate) chain[i];
		}
		String code;
		String name;
		if (alias.startsWith(SEAL_PREFIX)) {
			code = alias.substring(SEAL_PREFIX.length()).toUpperCase(Locale.ROOT);
			name = departments.getOrDefault(code, code);
		} else {
			code = alias;
			name = alias;
		}
		return new Seal(code, name, key, Pki.BC, x509);
	}

	private void save() {
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

	private void readDepartments() throws IOException {
		Path f = dir.resolve(DEPARTMENTS);
		if (Files.exists(f)) {
			for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
				String[] p = line.split("\t", 2); //$NON-NLS-1$
				if (p.length == 2) {
					departments.put(p[0], p[1]);
				}
			}
		}
	}

	private void readRevoked() throws IOException {
		Path f = dir.resolve(REVOKED);
		if (Files.exists(f)) {
			for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
				String[] p = line.split("\t"); //$NON-NLS-1$
				if (p.length >= 3) {
					revoked.add(new Revoked(new BigInteger(p[0], 16), Instant.parse(p[1]), Integer.parseInt(p[2])));
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

	/** Write to a temporary file, make it owner-only, flush it to disk, then rename over the target. */
	static void writeAtomically(Path target, byte[] content) throws IOException {
		Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp"); //$NON-NLS-1$
		try {
			ownerOnly(tmp, "rw-------"); //$NON-NLS-1$
			Files.write(tmp, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static void ownerOnly(Path p, String perms) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) { //$NON-NLS-1$
			Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
		}
	}

	private static Map<String, String> demoDepartments() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("MKT", "秒批示范区市场监督管理局"); //$NON-NLS-1$ //$NON-NLS-2$
		m.put("HRSS", "秒批示范区人力资源和社会保障局"); //$NON-NLS-1$ //$NON-NLS-2$
		m.put("CIVIL", "秒批示范区民政局"); //$NON-NLS-1$ //$NON-NLS-2$
		return Collections.unmodifiableMap(m);
	}

	static X509Certificate parse(byte[] der) throws Exception {
		return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509") //$NON-NLS-1$
				.generateCertificate(new ByteArrayInputStream(der));
	}
}
