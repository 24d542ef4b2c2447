package org.miaopi.core.audit;

/**
 * Checks an officer's decision signature: the signature over the canonical record, the signer's
 * certificate (issued by the desk's trust root, valid and not revoked when the decision was made)
 * and that it names the deciding officer. Implementations are safe to call from several threads
 * at once (the ledger check uses every core) and may cache what they learnt about a certificate.
 */
public interface SignatureVerifier {

	/** The answer, in plain words. {@code signer} is the certificate's officer id (null when unreadable). */
	record Check(boolean valid, String signer, String why) {
	}

	Check verify(String algorithm, byte[] canonical, byte[] signature, byte[] certificate, String officerId,
			long decidedMs);

	/** One signature to check, as {@link #verify} takes it. */
	record Item(String algorithm, byte[] canonical, byte[] signature, byte[] certificate, String officerId, long decidedMs) {
	}

	/**
	 * Checks many signatures: the answers in the same order, each what {@link #verify} gives for
	 * that item. Implementations may check them together, which is faster than one by one.
	 */
	default java.util.List<Check> verifyAll(java.util.List<Item> items) {
		return items.stream().map(i -> verify(i.algorithm(), i.canonical(), i.signature(), i.certificate(), i.officerId(),
				i.decidedMs())).toList();
	}
}
