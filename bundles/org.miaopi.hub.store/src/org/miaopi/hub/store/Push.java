package org.miaopi.hub.store;

import java.util.List;

/** The push protocol's terms as the hub's store takes them (docs/hub.md, "Sync protocol"). */
public final class Push {

	private Push() {
	}

	/**
	 * One outbox row of a desk, read and checked by the hub's endpoint: its audit event's chain
	 * hashes, and what it does to the dossier's progress.
	 *
	 * @param stage the desk's status of the dossier after this change, or null when it changes none
	 * @param outcome APPROVED, REJECTED or WITHDRAWN when the change decides the dossier, else null
	 * @param reasons the decision's reason codes (or null)
	 * @param certificateNo the certificate this change issued (or null)
	 * @param decision what the hub found of the decision record this change wrote, or null when it wrote none
	 * @param issued the certificate record a {@code certificate.issued} row carries, or null
	 */
	public record Event(long sequence, String kind, String dossierNo, String payload, long createdMs, long auditSeq,
			String prevHash, String hash, long eventMs, String stage, String outcome, List<String> reasons,
			String certificateNo, DecisionCheck decision, Issued issued) {

		/** A change that issued no certificate. */
		public Event(long sequence, String kind, String dossierNo, String payload, long createdMs, long auditSeq,
				String prevHash, String hash, long eventMs, String stage, String outcome, List<String> reasons,
				String certificateNo, DecisionCheck decision) {
			this(sequence, kind, dossierNo, payload, createdMs, auditSeq, prevHash, hash, eventMs, stage, outcome, reasons,
					certificateNo, decision, null);
		}

		/** A change that wrote no decision record. */
		public Event(long sequence, String kind, String dossierNo, String payload, long createdMs, long auditSeq,
				String prevHash, String hash, long eventMs, String stage, String outcome, List<String> reasons,
				String certificateNo) {
			this(sequence, kind, dossierNo, payload, createdMs, auditSeq, prevHash, hash, eventMs, stage, outcome, reasons,
					certificateNo, null, null);
		}

		/** Whether this change moves the dossier, so that the hub's authority on it applies. */
		public boolean movesDossier() {
			return dossierNo != null && (stage != null || certificateNo != null);
		}
	}

	/**
	 * A pushed decision as the hub's endpoint checked it, before the store looks at who the hub
	 * knows (docs/hub.md, "Officers' signatures at the hub").
	 *
	 * @param problem why the decision cannot stand (its record is not what the chain covers, its
	 *            signature does not hold, an officer's decision is unsigned …), null when it can
	 * @param officer the deciding officer ({@code system} for 秒批)
	 * @param automatic a 秒批 decision: no officer's signature, its policy, version and inputs digest instead
	 * @param fingerprint the SHA-256 (hex) of the signer's certificate, null for 秒批 or an unreadable one
	 * @param certificate the signer's certificate (DER) as sent, or null
	 */
	public record DecisionCheck(String problem, String officer, boolean automatic, String fingerprint, byte[] certificate,
			long decidedMs) {
	}

	/**
	 * A certificate a desk issued, as its outbox row carries it (docs/hub.md, "Certificates at the
	 * hub"); the sealed PDF is the file {@code documentSha256}.
	 *
	 * @param validFrom ISO date; {@code validTo} ISO date or null (no end)
	 */
	public record Issued(String number, String matter, String holderKind, String holderId, String holderName, long issuedMs,
			String validFrom, String validTo, String department, String documentSha256) {
	}

	/** Outbox rows {@code from}..{@code to} of one desk; {@code ledgerHead} is the last event's hash. */
	public record Batch(String desk, String department, long from, long to, List<Event> events, String ledgerHead) {
	}

	/** The hub's signed word that it holds the desk's ledger up to {@code sequence} with {@code headHash}. */
	public record Checkpoint(String desk, long sequence, String headHash, byte[] signature, byte[] certificate, long signedMs) {
	}

	/** A change refused for its dossier only: what the hub holds instead. */
	public record Refused(long sequence, String dossierNo, String reason, String hubState) {
	}

	/** A pushed row as the hub keeps it; {@code refused} is null when it was applied. */
	public record Stored(String desk, long sequence, String kind, String dossierNo, long auditSeq, String hash, String refused) {
	}

	public enum Status {
		/** Applied now: the mark moved to the batch's end. */
		APPLIED,
		/** Applied before (its end is at or below the mark): nothing done. */
		ALREADY_APPLIED,
		/** Does not start right after the mark: the desk re-sends from {@code highWater + 1}. */
		OUT_OF_STEP,
		/** Its first event does not continue the ledger head the hub holds for the desk. */
		CHAIN_BROKEN,
		/** Names a dossier of another department. */
		FORBIDDEN
	}

	/** @param reason why, in plain words, when not applied */
	public record Result(Status status, long highWater, Checkpoint checkpoint, List<Refused> refused, String reason) {
	}

	/** Signs checkpoints with the hub's key. */
	public interface Witness {
		byte[] sign(byte[] text);

		/** The certificate (DER) that verifies {@link #sign}. */
		byte[] certificate();
	}

	/** Working days between two instants (epoch milliseconds), by the city's calendar. */
	@FunctionalInterface
	public interface WorkingDays {
		int between(long fromMs, long toMs);
	}

	/** The text a checkpoint's signature covers: {@code desk|sequence|headHash} in UTF-8. */
	public static byte[] signedText(String desk, long sequence, String headHash) {
		return (desk + "|" + sequence + "|" + headHash).getBytes(java.nio.charset.StandardCharsets.UTF_8); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
