package org.miaopi.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.AuditEvent;

/**
 * The tamper-evident audit ledger's hash chain. Each event's hash is the SHA-256 of a canonical
 * encoding of all its fields and of the previous event's hash, so changing, removing or
 * reordering any event breaks the chain at that point.
 *
 * <p>The encoding is unambiguous: a version tag, then every field as a 4-byte big-endian
 * length followed by its UTF-8 bytes (length -1 for null), details sorted by key and preceded
 * by their count. Without length prefixes, {@code ("ab","c")} and {@code ("a","bc")} would
 * hash alike.
 *
 * <p>What a chain cannot show by itself is the loss of its newest events: a truncated chain is
 * still a valid chain. Compare the head with an independently kept copy of the latest hash.
 */
public final class AuditChain {

	/** The previous hash of event 1. */
	public static final Sha256 GENESIS = Sha256.ZERO;

	private static final String VERSION = "miaopi-audit-v1";

	private AuditChain() {
	}

	/**
	 * The event that follows {@code previous} (or the first event when it is null), with its
	 * hash computed. The time is truncated to milliseconds so that it survives any store.
	 */
	public static AuditEvent next(AuditEvent previous, Instant time, String actor, String dossierNo, String type,
			Map<String, String> details) {
		long sequence = previous == null ? 1 : previous.sequence() + 1;
		Sha256 prevHash = previous == null ? GENESIS : previous.hash();
		Instant at = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
		// build once with a placeholder to let AuditEvent validate and sort the fields, then hash that
		AuditEvent unsealed = new AuditEvent(sequence, at, actor, dossierNo, type, details, prevHash, Sha256.ZERO);
		return new AuditEvent(sequence, at, actor, dossierNo, type, unsealed.details(), prevHash, hashOf(unsealed));
	}

	/** The hash an event ought to carry: over all its fields except {@code hash} itself. */
	public static Sha256 hashOf(AuditEvent event) {
		return ContentHashing.sha256(canonicalEncoding(event));
	}

	/** The bytes that are hashed; exposed so that other implementations (e.g. the hub) can be checked against it. */
	public static byte[] canonicalEncoding(AuditEvent event) {
		Map<String, String> details = new TreeMap<>(event.details());
		String[] pairs = new String[details.size() * 2];
		int i = 0;
		for (Map.Entry<String, String> d : details.entrySet()) {
			pairs[i++] = d.getKey();
			pairs[i++] = d.getValue();
		}
		return encode(new Encoder(), event.sequence(), event.time().toString(), event.actor(), event.dossierNo(),
				event.type(), pairs, details.size(), event.prevHash().hex()).bytes();
	}

	/** The one place the event encoding is written; {@code pairs} alternates keys and values, sorted by key. */
	static Encoder encode(Encoder out, long sequence, String time, String actor, String dossierNo, String type,
			String[] pairs, int count, String prevHex) {
		out.field(VERSION);
		out.field(Long.toString(sequence));
		out.field(time);
		out.field(actor);
		out.field(dossierNo);
		out.field(type);
		out.length(count);
		for (int i = 0; i < count * 2; i++) {
			out.field(pairs[i]);
		}
		out.field(prevHex);
		return out;
	}

	/** Checks a whole ledger, which must start at sequence 1. */
	public static Verification verify(List<AuditEvent> events) {
		return verify(null, events);
	}

	/**
	 * Checks {@code events} as the continuation of {@code anchor}, an event already trusted
	 * (or null to start from the beginning of the ledger): for incremental checks of a long ledger.
	 */
	public static Verification verify(AuditEvent anchor, List<AuditEvent> events) {
		long expectedSequence = anchor == null ? 1 : anchor.sequence() + 1;
		Sha256 expectedPrev = anchor == null ? GENESIS : anchor.hash();
		for (AuditEvent event : events) {
			if (event.sequence() != expectedSequence) {
				return new Verification.Broken(expectedSequence, Verification.Reason.SEQUENCE_GAP,
						"expected event " + expectedSequence + " but found " + event.sequence());
			}
			if (!event.prevHash().equals(expectedPrev)) {
				return new Verification.Broken(expectedSequence, Verification.Reason.LINK_BROKEN,
						"event " + expectedSequence + " does not point at the hash of the event before it");
			}
			if (!hashOf(event).equals(event.hash())) {
				return new Verification.Broken(expectedSequence, Verification.Reason.CONTENT_CHANGED,
						"event " + expectedSequence + " does not match its hash");
			}
			expectedPrev = event.hash();
			expectedSequence++;
		}
		return new Verification.Intact(events.size(), expectedPrev);
	}
}
