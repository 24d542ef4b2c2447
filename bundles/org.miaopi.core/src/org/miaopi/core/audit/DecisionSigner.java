package org.miaopi.core.audit;

/**
 * An officer's signing key, unlocked at sign-in and held by the session (the workbench's context,
 * the CLI's actor) until sign-out. The store signs each of the officer's decisions with it at the
 * moment it records them, over {@link LedgerRecords#decision}. Implemented where the keys are (the
 * seal bundle): the core knows no cryptography library.
 */
public interface DecisionSigner {

	/** The officer whose key this is; the store refuses to sign another officer's decision with it. */
	String officerId();

	/** The signature algorithm, as stored beside each signature (e.g. {@code Ed25519}). */
	String algorithm();

	/** The signer's X.509 certificate (DER), stored once and referenced by each signature. */
	byte[] certificate();

	/** A detached signature over exactly {@code canonical}. */
	byte[] sign(byte[] canonical);
}
