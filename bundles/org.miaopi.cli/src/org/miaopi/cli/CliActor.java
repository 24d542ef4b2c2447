package org.miaopi.cli;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;

import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.model.Officer;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.seal.OfficerSigner;
import org.miaopi.seal.SealService;
import org.miaopi.seal.internal.Pki;

/**
 * Who a headless job acts as when it decides like an officer, with the signer it holds for that
 * officer's decisions (the workbench's session holds the one unlocked at sign-in).
 */
public record CliActor(Officer officer, DecisionSigner signer) {

	/**
	 * A benchmark's officer: a fresh Ed25519 key, kept in memory only, certified by the desk's root
	 * from 30 days ago (a bench ledger's decisions are dated in the past) to tomorrow, so its
	 * decisions are signed and verify like anyone's.
	 */
	public static CliActor benchOfficer(SealService seals, Officer officer) {
		KeyPair keys = Pki.newKeyPair(KeyAlgorithm.ED25519);
		Instant now = Instant.now();
		var chain = seals.certifyOfficerKey(officer.id(), keys.getPublic(), now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(1)));
		return new CliActor(officer, new OfficerSigner(officer.id(), keys.getPrivate(), chain[0]));
	}
}
