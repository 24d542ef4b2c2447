package org.miaopi.seal;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The desk's seals and the demo trust hierarchy behind them: root CA, one seal per department,
 * officer signing keys, a timestamp authority and the root's CRL.
 */
public interface SealService {

	/** Department codes with a seal, sorted. */
	List<String> departments();

	/** The department's seal, checked usable now: not expired and not revoked. */
	Seal seal(String departmentCode);

	/**
	 * The department's seal as stored, without checks (for listings). Its key is null while it is in
	 * a PKCS#11 token not yet opened this session ({@link #seal} opens it).
	 */
	Optional<Seal> findSeal(String departmentCode);

	/**
	 * The department's seal, issued by the root now (valid three years) when it has none, or
	 * when the one it has is expired or revoked; an existing usable seal is kept as it is.
	 */
	Seal ensureSeal(String departmentCode, String departmentName);

	/** An officer's signing key and chain; created on first use for a demo officer. */
	Seal officer(String officerId);

	/** A certificate by the root for an officer's own key (kept by the officer, see {@code FileOfficerKeys}); then the root. */
	X509Certificate[] certifyOfficerKey(String officerId, java.security.PublicKey key, Instant notBefore, Instant notAfter);

	X509Certificate root();

	/** The root's current CRL (regenerated when it is past its next update). */
	X509CRL crl();

	/** Puts a certificate issued by the root on the CRL; the reason is an RFC 5280 CRLReason code. */
	void revoke(X509Certificate certificate, int crlReason, String note);

	/**
	 * Puts a certificate the root issued on the CRL by its serial number: the hub keeps a desk's
	 * certificate only by serial. A serial on the CRL already stays as it was.
	 *
	 * @return false when the serial was revoked already
	 */
	default boolean revokeSerial(java.math.BigInteger serial, int crlReason, String note) {
		throw new UnsupportedOperationException("this seal service cannot revoke by serial number"); //$NON-NLS-1$
	}

	/** Whether the certificate is on the current CRL, and when it was revoked. */
	Optional<Instant> revokedAt(X509Certificate certificate);

	/**
	 * The hub's HTTPS key and certificate (chain up to the root) for these host names, issued by
	 * the root on first use (valid one year) and kept in the keystore; a new one replaces it when it
	 * has expired or does not name every host.
	 */
	Seal tlsServer(List<String> hostNames);

	/**
	 * Certifies a desk's or intake platform's TLS client key (mutual TLS with the hub): subject
	 * CN={@code name}, OU={@code unit} (the department, or INTAKE), extended key usage clientAuth.
	 */
	X509Certificate certifyClient(java.security.PublicKey key, String name, String unit, java.time.Duration validity);

	/** The in-process RFC 3161 timestamp authority of this desk. */
	TimestampAuthority timestampAuthority();

	/** How the seal keystore's key is unlocked, in words (for {@code store info} and the About dialog). */
	default String protection() {
		return "not known"; //$NON-NLS-1$
	}

	/** Whether the keystore's password lies in clear beside it: the demo's convenience, not for a real desk. */
	default boolean demoConvenience() {
		return false;
	}

	/**
	 * Gives the department a new seal key and certificate (valid three years from now), whatever the
	 * state of the one it has. The earlier certificate is kept (its key is not), so certificates
	 * sealed before still verify and {@link #retiredSeals} lists it.
	 *
	 * @throws SealException UNKNOWN_SEAL when the department has no seal
	 */
	Seal rotate(String departmentCode);

	/** The department's earlier seal certificates, oldest first (empty when never rotated). */
	List<X509Certificate> retiredSeals(String departmentCode);

	/** Where the department's seal key lives when it is in a PKCS#11 token; empty when it is in the keystore. */
	default Optional<SealToken> token(String departmentCode) {
		return Optional.empty();
	}

	/**
	 * Puts the department's seal key into a PKCS#11 token (a new key made there, or the existing key
	 * {@code alias}), certified by the root; from then on the desk seals with it, asking the token's
	 * PIN once a session. The PIN is used now and stored nowhere.
	 */
	default Seal moveToToken(String departmentCode, java.nio.file.Path module, long slot, String alias, char[] pin) {
		throw new SealException(SealException.Code.FAILED, "these seals cannot be moved into a token"); //$NON-NLS-1$
	}

	/** Whether the desk has seals yet; false before the first use creates them (listings need not create them). */
	default boolean exists() {
		return true;
	}
}
