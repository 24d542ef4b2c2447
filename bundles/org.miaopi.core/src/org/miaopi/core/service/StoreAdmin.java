package org.miaopi.core.service;

import java.util.List;

import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;

/**
 * Bulk loading and inspection of the desk's store, for the demo generator, a future sync and
 * {@code ./miaopi store info}. Loading is batched for speed; it bypasses the officer access
 * rules but not the audit ledger: each imported dossier gets a {@code dossier.imported} event.
 */
public interface StoreAdmin {

	StoreInfo info();

	/**
	 * The schema and whether the store is encrypted, without {@link #info()}'s counting of every table: that
	 * reads a desk's millions of rows, seconds the status line (at each sign-in) and the About dialog cannot wait for.
	 */
	default StoreInfo.Schema schema() {
		StoreInfo all = info();
		return new StoreInfo.Schema(all.schemaVersion(), all.encrypted(), all.bootMode());
	}

	/** Empties every table (the schema and its version stay). */
	void clear();

	void putDepartments(List<Department> departments);

	/** @param passwordHashes officer id to a salted password hash, for sign-in; may be empty */
	void putOfficers(List<Officer> officers, java.util.Map<String, String> passwordHashes);

	/**
	 * Stores the bytes once under their SHA-256 (content addressing) and returns the hash. The bytes
	 * must be of {@code mimeType} by their content and no larger than
	 * {@link org.miaopi.core.content.MaterialLimits#CEILING_BYTES}; a matter's own limits are checked
	 * before, by {@link org.miaopi.core.content.MaterialVetting}.
	 *
	 * @throws org.miaopi.core.content.MaterialRefusedException for content of another or no accepted type, or too large
	 */
	Sha256 putContent(byte[] content, String mimeType);

	/** {@link #putContent} for many files in one transaction; returns their hashes in order. */
	List<Sha256> putContents(List<byte[]> contents, String mimeType);

	void putSharedRecords(List<SharedRecord> records);

	/** Replaces the comparison results of one dossier. */
	void putComparisons(String dossierNo, List<ComparisonResult> results);

	/**
	 * Replaces the comparison results of many dossiers; stores override this to do it in one
	 * transaction (the demo stores tens of thousands).
	 */
	default void putComparisons(java.util.Map<String, List<ComparisonResult>> byDossier) {
		byDossier.forEach(this::putComparisons);
	}

	void putCertificates(List<CertificateRecord> certificates);

	/**
	 * Takes in theme (一件事) applications, each with its list of matters and an audit event of type
	 * {@code theme.received}, before (or without) their members: a theme waits for every listed
	 * matter. Taking the same application in again is harmless; a different list for a number
	 * already taken in is refused.
	 *
	 * @throws IllegalArgumentException naming the theme when its list differs from the stored one
	 */
	void putThemeApplications(List<org.miaopi.core.model.ThemeApplication> themes, String actor);

	/**
	 * Inserts dossiers as they are, each with one audit event of type {@code dossier.imported}. A
	 * theme member must name a theme taken in by {@link #putThemeApplications} and one of the
	 * matters it lists, once; otherwise the whole batch is refused.
	 *
	 * @throws IllegalArgumentException naming the member and its theme when it does not fit
	 */
	void putDossiers(List<Dossier> dossiers, String actor);

	/**
	 * Records decisions taken elsewhere (the hub, or the demo's history), each with an audit event
	 * of type {@code decision.imported}; the dossiers' statuses are not changed.
	 */
	void putDecisions(List<org.miaopi.core.model.Decision> decisions, String actor);

	/**
	 * Checks the audit ledger's hash chain from its first event to its head: every event present,
	 * in order, unchanged and linked to the one before.
	 *
	 * @param progress told the number of events checked so far, now and then
	 */
	org.miaopi.core.audit.Verification verifyLedger(java.util.function.LongConsumer progress);

	/**
	 * {@link #verifyLedger(java.util.function.LongConsumer)}, and the records the ledger covers: each
	 * decision row and each dossier's declared data against the digest its event recorded, and every
	 * officer's signature with {@code signatures} (null: counted, not checked).
	 */
	default org.miaopi.core.audit.Verification verifyLedger(org.miaopi.core.audit.SignatureVerifier signatures,
			java.util.function.LongConsumer progress) {
		return verifyLedger(progress);
	}

	/** The desk's users, by id; empty for a store that keeps none. */
	default List<Officer> officers() {
		return List.of();
	}

	/** The departments, by code; empty for a store that keeps none. */
	default List<Department> departments() {
		return List.of();
	}

	/** An officer's salted password hash (see {@link PasswordHashes}), for sign-in; empty if none. */
	default java.util.Optional<String> passwordHash(String officerId) {
		return java.util.Optional.empty();
	}

	/**
	 * The whole audit ledger, oldest first, for checking it with {@code AuditChain.verify}; empty for
	 * a store that keeps none.
	 */
	default List<org.miaopi.core.model.AuditEvent> ledger() {
		return List.of();
	}

	/**
	 * Whether this desk is in demo mode: automated runs may sign in without a password
	 * ({@link SignInService#signInOnDemoStore}). Only the demo generator turns it on; a real desk
	 * has it off. A store that keeps no such setting is never in demo mode.
	 */
	default boolean demoMode() {
		return false;
	}

	/** Turns demo mode on or off (the demo generator; {@code ./miaopi store demo-mode off}). */
	default void setDemoMode(boolean on) {
		throw new UnsupportedOperationException("this store has no demo mode");
	}
}
