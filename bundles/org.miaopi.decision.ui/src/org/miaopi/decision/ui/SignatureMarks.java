package org.miaopi.decision.ui;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.miaopi.core.audit.SignatureVerifier;
import org.miaopi.core.audit.SignedDecision;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;

/**
 * "signed by … ✓" (or ✗ and why) for each decision of a dossier, by the sequence of the audit event
 * that recorded it: the signature is checked here, on the desk, not taken on the store's word.
 */
final class SignatureMarks {

	private SignatureMarks() {
	}

	/** Marks by event sequence; decisions of 秒批 (no officer, nothing to sign) get none. */
	static Map<Long, String> of(DossierService service, SignatureVerifier verifier, Officer viewer, String dossierNo) {
		Map<Long, String> marks = new HashMap<>();
		for (SignedDecision d : service.signedDecisions(viewer, dossierNo)) {
			if (!d.decision().automatic()) {
				marks.put(d.event(), mark(verifier, d));
			}
		}
		return marks;
	}

	static String mark(SignatureVerifier verifier, SignedDecision d) {
		if (!d.signed()) {
			return Messages.Signature_unsigned;
		}
		if (verifier == null) {
			return NLS.bind(Messages.Signature_unchecked, d.decision().officerId());
		}
		SignatureVerifier.Check c = verifier.verify(d.algorithm(), d.canonical(), d.signature(), d.certificate(),
				d.decision().officerId(), d.decision().time().toEpochMilli());
		return c.valid() ? NLS.bind(Messages.Signature_valid, c.signer()) : NLS.bind(Messages.Signature_invalid, c.why());
	}

	/** The details column with the mark in front, when there is one. */
	static String prefix(String mark, String details) {
		return mark == null ? details : mark + " \u00b7 " + details; //$NON-NLS-1$
	}
}
