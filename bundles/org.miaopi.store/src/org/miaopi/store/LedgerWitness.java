package org.miaopi.store;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.miaopi.core.audit.Verification;
import org.miaopi.core.audit.Verification.Reason;
import org.miaopi.core.sync.LedgerCheckpoint;

/**
 * Checks the ledger against the hub's latest checkpoint (docs/hub.md, "Ledger witness"): the event
 * the checkpoint names must still carry the head hash the hub signed, and the hub's signature over
 * {@code desk|sequence|headHash} must verify with the certificate it came with. A ledger rewritten
 * with its whole chain recomputed passes the chain check but not this one.
 */
final class LedgerWitness {

	private LedgerWitness() {
	}

	/** The bytes the hub signs for a checkpoint. */
	static byte[] signedText(String desk, long sequence, String headHash) {
		return (desk + "|" + sequence + "|" + headHash).getBytes(StandardCharsets.UTF_8);
	}

	/** @return the problem found, or empty when there is no checkpoint or it holds */
	static Optional<Verification.Broken> check(Connection c) throws SQLException {
		Optional<DeskOutbox.Kept> kept = DeskOutbox.kept(c);
		if (kept.isEmpty()) {
			return Optional.empty();
		}
		LedgerCheckpoint cp = kept.get().checkpoint();
		Long event = kept.get().auditSeq();
		String when = Instant.ofEpochMilli(cp.signedAtMillis()).toString();
		if (event == null) {
			return broken(1, "no event of this ledger has the head hash " + cp.headHash() + " that the hub signed on " + when
					+ " at outbox sequence " + cp.sequence());
		}
		String hash = null;
		try (PreparedStatement ps = c.prepareStatement("SELECT HASH FROM AUDIT_EVENT WHERE SEQ = ?")) {
			ps.setLong(1, event);
			try (ResultSet r = ps.executeQuery()) {
				if (r.next()) {
					hash = r.getString(1).strip();
				}
			}
		}
		if (hash == null) {
			return broken(event, "event " + event + ", which the hub witnessed on " + when + ", is gone");
		}
		if (!hash.equals(cp.headHash())) {
			return broken(event, "event " + event + " no longer has the hash the hub signed on " + when + " (checkpoint at outbox"
					+ " sequence " + cp.sequence() + "): the ledger up to it was rewritten after the hub witnessed it");
		}
		if (!verifies(cp)) {
			return broken(event, "the hub's signature on its checkpoint at outbox sequence " + cp.sequence()
					+ " does not verify with the hub certificate kept with it");
		}
		return Optional.empty();
	}

	static boolean verifies(LedgerCheckpoint cp) {
		try {
			X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(cp.hubCertificate()));
			String alg = "EC".equals(cert.getPublicKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
			Signature s = Signature.getInstance(alg);
			s.initVerify(cert.getPublicKey());
			s.update(signedText(cp.desk(), cp.sequence(), cp.headHash()));
			return s.verify(cp.signature());
		} catch (GeneralSecurityException | RuntimeException e) {
			return false;
		}
	}

	private static Optional<Verification.Broken> broken(long sequence, String message) {
		return Optional.of(new Verification.Broken(sequence, Reason.CHECKPOINT_MISMATCH, message));
	}
}
