package org.miaopi.store;

import java.util.Base64;

import jakarta.persistence.EntityManager;

import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.store.jpa.DecisionRow;
import org.miaopi.store.jpa.Rows;
import org.miaopi.store.jpa.SignerCertificateRow;

/** Signs an officer's decision row as it is written, and keeps the signer's certificate once. */
final class Signatures {

	private Signatures() {
	}

	static void sign(EntityManager em, DecisionRow row, byte[] canonical, DecisionSigner signer) {
		byte[] signature = signer.sign(canonical);
		byte[] certificate = signer.certificate();
		String fingerprint = ContentHashing.sha256(certificate).hex();
		if (em.find(SignerCertificateRow.class, fingerprint) == null) {
			em.persist(SignerCertificateRow.of(fingerprint, certificate));
		}
		Rows.signed(row, signer.algorithm(), Base64.getEncoder().encodeToString(signature), fingerprint);
	}
}
