package org.miaopi.seal;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.miaopi.core.MiaopiHome;
import org.miaopi.core.service.SecretPrompt;
import org.miaopi.core.service.SecretTries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Seals in a PKCS#12 keystore under {@code <MiaopiHome>/seals/}. On first use it generates the demo
 * hierarchy (root CA, timestamp authority, one seal per demo department) and a random keystore
 * password, kept owner-only beside it, unless the user gives one ({@code MIAOPI_SEAL_PASSWORD}
 * or {@code -Dmiaopi.seal.password}).
 * <p>
 * The password file is the demo's convenience. A keystore without one (created with a given
 * password, or {@link #protect protected} since) opens with its custodian's password: from the
 * setting above, else asked once a session through the {@link SecretPrompt} (the console, the
 * workbench's dialog), three tries; the password is then kept in memory only, for the session.
 * <p>
 * This class holds the loaded state and the rules (a seal must be valid and not revoked); the
 * concerns behind it are {@link SealKeystore} (files, password), {@link Hierarchy} (who certifies
 * whom, names), {@link Revocations} (revoked list, kept CRL) and {@link TokenUnlock} (a token's PIN).
 */
@Component(service = SealService.class)
public class FileSealService implements SealService {

	public static final String PASSWORD_PROPERTY = "miaopi.seal.password"; //$NON-NLS-1$
	public static final String PASSWORD_ENVIRONMENT = "MIAOPI_SEAL_PASSWORD"; //$NON-NLS-1$

	/** The demo departments: code and the name set on the seal's arc. */
	public static final Map<String, String> DEMO_DEPARTMENTS = Hierarchy.DEMO_DEPARTMENTS;


	private Path dir;
	/** Given by the settings, or the custodian's once it opened the keystore; never written anywhere. */
	private char[] password;
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	private volatile SecretPrompt prompt;
	private KeyAlgorithm algorithm = KeyAlgorithm.EC_P256;
	private Clock clock = Clock.systemUTC();

	// loaded lazily (so that `./miaopi help` generates nothing), guarded by this
	private SealKeystore keystore;
	private Hierarchy hierarchy;
	private Revocations revocations;
	private final Map<String, String> departments = new TreeMap<>();
	private final Map<String, Seal> seals = new TreeMap<>();
	private final Map<String, Seal> officers = new TreeMap<>();
	private final Map<String, List<X509Certificate>> retired = new TreeMap<>();
	/** Departments whose seal key is in a PKCS#11 token; their entry in {@link #seals} has no key until the PIN opened it. */
	private final Map<String, SealTokenFiles.Entry> tokens = new TreeMap<>();
	private TimestampAuthority tsa;
	private Seal tlsServer;

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

	/** Who asks the custodian for the keystore's password (tests; DS binds the product's). */
	public void setPrompt(SecretPrompt prompt) {
		this.prompt = prompt;
	}

	@Override
	public String protection() {
		return switch (SealKeystore.protection(dir)) {
		case NONE -> "no seal keystore yet (the demo's is created at first use, its password kept beside it)"; //$NON-NLS-1$
		case DEMO_PASSWORD_FILE -> "password in clear beside the keystore (demo convenience: whoever reads " + dir //$NON-NLS-1$
				+ " can seal; ./miaopi seal protect hands it to a custodian)"; //$NON-NLS-1$
		case CUSTODIAN -> "custodian's password, stored nowhere (asked once a session)"; //$NON-NLS-1$
		};
	}

	@Override
	public boolean demoConvenience() {
		return SealKeystore.protection(dir) == SealKeystore.Protection.DEMO_PASSWORD_FILE;
	}

	/**
	 * Hands the keystore to a custodian: re-encrypts it under {@code newPassword} (at least 10
	 * characters) and removes the password file kept beside it.
	 */
	public synchronized void protect(char[] newPassword) {
		if (newPassword == null || newPassword.length < 10) {
			throw new SealException(SealException.Code.FAILED, "a custodian's password needs at least 10 characters"); //$NON-NLS-1$
		}
		load();
		try {
			keystore.protect(newPassword);
		} catch (SealException e) {
			throw e;
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot protect the seal keystore: " + e.getMessage(), e); //$NON-NLS-1$
		}
		password = newPassword.clone();
	}

	@Override
	public synchronized boolean exists() {
		return keystore != null && keystore.isOpen() || java.nio.file.Files.exists(dir.resolve(SealKeystore.KEYSTORE));
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
		return seal.key() == null ? unlockToken(seal.departmentCode()) : seal;
	}

	/** Opens the token that holds the department's seal key ({@link TokenUnlock}); the opened key is kept for the session. */
	private Seal unlockToken(String code) {
		Seal opened = TokenUnlock.open(code, tokens.get(code), prompt);
		seals.put(code, opened);
		return opened;
	}

	/** Where the department's seal key lives when it is in a token; empty for the keystore. */
	@Override
	public synchronized Optional<SealToken> token(String departmentCode) {
		load();
		return Optional.ofNullable(tokens.get(departmentCode.toUpperCase(Locale.ROOT))).map(SealTokenFiles.Entry::token);
	}

	/**
	 * Moves the department's seal key into a PKCS#11 token: a new key made inside it (or the key
	 * already there under {@code alias}), certified by the root as a keystore seal is, recorded in
	 * {@code tokens/<code>.token} with no secret. The keystore's seal key is removed and its
	 * certificate kept (what it sealed still verifies).
	 *
	 * @param alias an existing key on the token, or null for a new one
	 * @param pin   the token's user PIN, used now and never stored
	 */
	@Override
	public synchronized Seal moveToToken(String departmentCode, Path module, long slot, String alias, char[] pin) {
		load();
		String code = departmentCode.toUpperCase(Locale.ROOT);
		String name = departments.get(code);
		if (name == null) {
			throw new SealException(SealException.Code.UNKNOWN_SEAL, "there is no seal for department '" + departmentCode //$NON-NLS-1$
					+ "'; known: " + departments.keySet()); //$NON-NLS-1$
		}
		Pkcs11Token token = Pkcs11Token.open(module, slot, pin);
		Seal fresh;
		String used;
		if (alias == null || alias.isBlank()) {
			fresh = token.createSeal(this, code, name);
			used = Pkcs11Token.sealAlias(code);
		} else {
			used = alias.strip();
			Instant now = clock.instant();
			X509Certificate[] chain = certifySealKey(code, name, token.publicKey(used), now.minus(Duration.ofMinutes(5)),
					now.plus(Duration.ofDays(3 * 365)));
			fresh = token.seal(used, code, name, chain);
		}
		Seal old = seals.get(code);
		if (old != null && !old.certificate().equals(fresh.certificate())) {
			X509Certificate oldCert = old.certificate();
			keystore.putCertificate(Hierarchy.RETIRED_PREFIX + code.toLowerCase(Locale.ROOT) + "-" + oldCert.getSerialNumber().toString(16), //$NON-NLS-1$
					oldCert);
			retired.computeIfAbsent(code, c -> new java.util.ArrayList<>()).add(oldCert);
			if (!tokens.containsKey(code)) {
				keystore.remove(Hierarchy.SEAL_PREFIX + code.toLowerCase(Locale.ROOT)); // the software key seals nothing more
			}
			keystore.save(departments);
		}
		SealTokenFiles.Entry entry = new SealTokenFiles.Entry(
				new SealToken(code, module, slot, used, fresh.certificate().getSerialNumber().toString(16)), name, fresh.chain());
		SealTokenFiles.write(dir, entry);
		tokens.put(code, entry);
		seals.put(code, fresh);
		return fresh;
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
			officer = hierarchy.officer(id, officerId, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(2 * 365)));
			officers.put(id, officer);
			keystore.save(departments);
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
		Seal seal = hierarchy.seal(code, departmentName, notBefore, notAfter);
		seals.put(code, seal);
		departments.put(code, departmentName);
		keystore.save(departments);
		return seal;
	}

	@Override
	public synchronized Seal ensureSeal(String departmentCode, String departmentName) {
		Optional<Seal> existing = findSeal(departmentCode);
		if (tokens.containsKey(departmentCode.toUpperCase(Locale.ROOT))) {
			return seal(departmentCode); // a token's seal is never replaced by a keystore key behind the admin's back
		}
		Instant now = clock.instant();
		if (existing.isPresent() && !existing.get().certificate().getNotAfter().toInstant().isBefore(now)
				&& !existing.get().certificate().getNotBefore().toInstant().isAfter(now)
				&& revokedAt(existing.get().certificate()).isEmpty()) {
			return existing.get();
		}
		return issueSeal(departmentCode, departmentName, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(3 * 365)));
	}

	@Override
	public synchronized Seal rotate(String departmentCode) {
		String code = departmentCode.toUpperCase(Locale.ROOT);
		Seal old = findSeal(code).orElseThrow(() -> new SealException(SealException.Code.UNKNOWN_SEAL,
				"there is no seal for department '" + departmentCode + "' to rotate; known: " + departments.keySet())); //$NON-NLS-1$ //$NON-NLS-2$
		if (tokens.containsKey(code)) {
			throw new SealException(SealException.Code.FAILED, "the seal key of " + code + " is in a PKCS#11 token (" //$NON-NLS-1$ //$NON-NLS-2$
					+ tokens.get(code).token().where() + "): make a new key there with ./miaopi seals token " + code + " MODULE SLOT"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		X509Certificate oldCert = old.certificate();
		keystore.putCertificate(Hierarchy.RETIRED_PREFIX + code.toLowerCase(Locale.ROOT) + "-" + oldCert.getSerialNumber().toString(16), //$NON-NLS-1$
				oldCert);
		retired.computeIfAbsent(code, c -> new java.util.ArrayList<>()).add(oldCert);
		Instant now = clock.instant();
		Seal fresh = hierarchy.seal(code, departments.getOrDefault(code, old.departmentName()), now.minus(Duration.ofMinutes(5)),
				now.plus(Duration.ofDays(3 * 365)));
		seals.put(code, fresh);
		keystore.save(departments);
		return fresh;
	}

	@Override
	public synchronized List<X509Certificate> retiredSeals(String departmentCode) {
		load();
		List<X509Certificate> certs = new java.util.ArrayList<>(retired.getOrDefault(departmentCode.toUpperCase(Locale.ROOT), List.of()));
		certs.sort(java.util.Comparator.comparing(X509Certificate::getNotBefore));
		return List.copyOf(certs);
	}

	/** Certifies a seal key held elsewhere (a PKCS#11 token): the chain to store beside the key. */
	public synchronized X509Certificate[] certifySealKey(String departmentCode, String departmentName, java.security.PublicKey key,
			Instant notBefore, Instant notAfter) {
		load();
		X509Certificate cert = hierarchy.certifySeal(departmentCode.toUpperCase(Locale.ROOT), departmentName, key, notBefore, notAfter);
		return new X509Certificate[] { cert, hierarchy.root().certificate() };
	}

	/** Seals with a key in a token from now on (this process); the keystore is not changed. */
	public synchronized void useTokenSeal(Seal seal) {
		load();
		seals.put(seal.departmentCode(), seal);
		departments.put(seal.departmentCode(), seal.departmentName());
	}

	@Override
	public synchronized X509Certificate[] certifyOfficerKey(String officerId, java.security.PublicKey key, Instant notBefore,
			Instant notAfter) {
		load();
		return new X509Certificate[] { hierarchy.certifyOfficer(officerId, key, notBefore, notAfter), hierarchy.root().certificate() };
	}

	@Override
	public synchronized X509Certificate root() {
		load();
		return hierarchy.root().certificate();
	}

	@Override
	public synchronized X509CRL crl() {
		load();
		return revocations.crl(hierarchy.root());
	}

	@Override
	public synchronized void revoke(X509Certificate certificate, int crlReason, String note) {
		load();
		if (!issuedByRoot(certificate)) {
			throw new SealException(SealException.Code.FAILED, "only certificates of the Miaopi root can be revoked here"); //$NON-NLS-1$
		}
		if (revocations.revokedAt(certificate).isEmpty()) {
			revocations.revoke(certificate, crlReason, note);
		}
	}

	@Override
	public synchronized boolean revokeSerial(java.math.BigInteger serial, int crlReason, String note) {
		load();
		if (revocations.revokedAt(serial).isPresent()) {
			return false;
		}
		revocations.revoke(serial, crlReason, note);
		return true;
	}

	@Override
	public synchronized Optional<Instant> revokedAt(X509Certificate certificate) {
		load();
		return issuedByRoot(certificate) ? revocations.revokedAt(certificate) : Optional.empty();
	}

	@Override
	public synchronized Seal tlsServer(List<String> hostNames) {
		load();
		Instant now = clock.instant();
		if (tlsServer == null || !tlsServer.certificate().getNotAfter().toInstant().isAfter(now.plus(Duration.ofDays(1)))
				|| !names(tlsServer.certificate()).containsAll(hostNames)) {
			tlsServer = hierarchy.tlsServer(hostNames, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(365)));
			keystore.save(departments);
		}
		return tlsServer;
	}

	private static List<String> names(X509Certificate cert) {
		try {
			java.util.Collection<List<?>> alt = cert.getSubjectAlternativeNames();
			return alt == null ? List.of() : alt.stream().map(e -> String.valueOf(e.get(1))).toList();
		} catch (java.security.cert.CertificateParsingException e) {
			return List.of();
		}
	}

	@Override
	public synchronized X509Certificate certifyClient(java.security.PublicKey key, String name, String unit, Duration validity) {
		load();
		Instant now = clock.instant();
		return hierarchy.tlsClient(key, name, unit, now.minus(Duration.ofMinutes(5)), now.plus(validity));
	}

	@Override
	public synchronized TimestampAuthority timestampAuthority() {
		load();
		Instant now = clock.instant();
		if (tsa.certificate().getNotAfter().toInstant().isBefore(now.plus(TSA_RENEWAL))) {
			// a new key and certificate well before the old one expires: archive timestamps made now
			// must stay verifiable until the next renewal of the certificates they protect
			Seal fresh = hierarchy.timestampAuthority(now.minus(Duration.ofMinutes(5)), now.plus(TSA_VALIDITY));
			keystore.save(departments);
			tsa = new TimestampAuthority(fresh.key(), fresh.certificate(), clock);
		}
		return tsa;
	}

	/** How long a timestamp authority's certificate is valid. */
	static final Duration TSA_VALIDITY = Duration.ofDays(5 * 365);
	/**
	 * How long before its certificate expires the authority gets a new one: longer than the window
	 * in which {@code certificate renew-archive} renews archive timestamps (a year by default), so
	 * that a renewal never stamps with an authority that is itself about to expire.
	 */
	static final Duration TSA_RENEWAL = Duration.ofDays(2 * 365);

	private boolean issuedByRoot(X509Certificate certificate) {
		return certificate.getIssuerX500Principal().equals(hierarchy.root().certificate().getSubjectX500Principal());
	}

	// ---------------------------------------------------------------- loading

	private void load() {
		if (keystore != null && keystore.isOpen()) {
			return;
		}
		SecretPrompt asker = prompt;
		if (password != null || asker == null || SealKeystore.protection(dir) != SealKeystore.Protection.CUSTODIAN) {
			open(password);
			return;
		}
		Optional<Boolean> opened = SecretTries.ask(asker, SecretPrompt.Secret.SEAL_KEYSTORE, dir.resolve("keystore.p12").toString(), //$NON-NLS-1$
				"wrong password", FileSealService::wrongSecret, given -> { //$NON-NLS-1$
					open(given);
					password = given.clone(); // for this session, in memory only
					return true;
				});
		if (opened.isEmpty()) {
			throw new SealException(SealException.Code.PASSWORD_NEEDED, "the seal keystore in " + dir //$NON-NLS-1$
					+ " stays locked: its custodian's password was not given"); //$NON-NLS-1$
		}
	}

	static boolean wrongSecret(RuntimeException e) {
		return e instanceof SealException s && s.code() == SealException.Code.WRONG_PASSWORD;
	}

	private void open(char[] pw) {
		SealKeystore ks = new SealKeystore(dir, pw);
		try {
			hierarchy = new Hierarchy(ks, algorithm);
			revocations = new Revocations(dir, clock);
			if (ks.open()) {
				keystore = ks;
				readExisting();
			} else {
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

	private void readExisting() throws Exception {
		keystore.readDepartments(departments);
		revocations.read();
		for (String alias : keystore.aliases()) {
			if (alias.equals(Hierarchy.ROOT)) {
				hierarchy.useRoot(keystore.get(alias, alias, alias));
			} else if (alias.equals(Hierarchy.TSA)) {
				Seal s = keystore.get(alias, alias, alias);
				tsa = new TimestampAuthority(s.key(), s.certificate(), clock);
			} else if (alias.startsWith(Hierarchy.SEAL_PREFIX)) {
				String code = alias.substring(Hierarchy.SEAL_PREFIX.length()).toUpperCase(Locale.ROOT);
				seals.put(code, keystore.get(alias, code, departments.getOrDefault(code, code)));
			} else if (alias.startsWith(Hierarchy.RETIRED_PREFIX)) {
				String rest = alias.substring(Hierarchy.RETIRED_PREFIX.length());
				String code = rest.substring(0, Math.max(0, rest.lastIndexOf('-'))).toUpperCase(Locale.ROOT);
				retired.computeIfAbsent(code, c -> new java.util.ArrayList<>()).add(keystore.certificate(alias));
			} else if (alias.equals(Hierarchy.TLS_SERVER)) {
				tlsServer = keystore.get(alias, "HUB", "Miaopi Hub"); //$NON-NLS-1$ //$NON-NLS-2$
			} else if (alias.startsWith(Hierarchy.OFFICER_PREFIX)) {
				officers.put(alias.substring(Hierarchy.OFFICER_PREFIX.length()), keystore.get(alias, alias, alias));
			}
		}
		for (SealTokenFiles.Entry e : SealTokenFiles.read(dir).values()) {
			String code = e.token().departmentCode();
			tokens.put(code, e);
			seals.put(code, new Seal(code, e.departmentName(), null, null, e.chain())); // locked until the PIN is given
			departments.putIfAbsent(code, e.departmentName());
		}
		if (hierarchy.root() == null || tsa == null) {
			throw new SealException(SealException.Code.FAILED, "the seal keystore " + keystore.file() + " has no root or no TSA key"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private void generateDemoHierarchy() {
		Instant now = clock.instant();
		Instant from = now.minus(Duration.ofMinutes(5));
		hierarchy.newRoot(now);
		Seal tsaSeal = hierarchy.timestampAuthority(from, now.plus(TSA_VALIDITY));
		tsa = new TimestampAuthority(tsaSeal.key(), tsaSeal.certificate(), clock);
		for (Map.Entry<String, String> d : DEMO_DEPARTMENTS.entrySet()) {
			seals.put(d.getKey(), hierarchy.seal(d.getKey(), d.getValue(), from, now.plus(Duration.ofDays(3 * 365))));
			departments.put(d.getKey(), d.getValue());
		}
		keystore.save(departments);
	}
}
