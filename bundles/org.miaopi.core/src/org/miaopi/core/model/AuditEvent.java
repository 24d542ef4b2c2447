package org.miaopi.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.miaopi.core.content.Sha256;

/**
 * One entry of the audit ledger. Entries form a hash chain (see {@code org.miaopi.core.audit.AuditChain}):
 * {@code prevHash} is the previous entry's {@code hash}, and {@code hash} covers every other field.
 *
 * @param sequence  1 for the first entry, then consecutive
 * @param actor     an officer id, {@link Officer#SYSTEM_ID}, or another named service
 * @param dossierNo the dossier concerned, or null for events about no dossier (sign-in, plugin update)
 * @param type      e.g. a {@code Transition#eventType()} such as {@code dossier.approved}
 * @param details   sorted by key, so that they read and hash the same everywhere
 */
public record AuditEvent(long sequence, Instant time, String actor, String dossierNo, String type,
		Map<String, String> details, Sha256 prevHash, Sha256 hash) {

	public AuditEvent {
		if (sequence < 1) {
			throw new IllegalArgumentException("sequence starts at 1, got " + sequence);
		}
		Checks.present(time, "time");
		Checks.text(actor, "actor");
		Checks.optionalText(dossierNo, "dossierNo");
		Checks.text(type, "type");
		details = Collections.unmodifiableSortedMap(new TreeMap<>(Checks.orderedCopy(details, "details")));
		Checks.present(prevHash, "prevHash");
		Checks.present(hash, "hash");
	}
}
