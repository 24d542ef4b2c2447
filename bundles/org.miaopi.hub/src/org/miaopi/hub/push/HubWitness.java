package org.miaopi.hub.push;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.time.LocalDate;
import java.time.Instant;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.hub.store.Push;
import org.miaopi.seal.Seal;
import org.miaopi.seal.SealService;

/**
 * The hub's ledger witness: signs {@code desk|sequence|headHash} with its own seal ("HUB", certified
 * by the Miaopi root like a department's), so a desk can later show that its ledger still matches
 * what the hub saw. Also counts a dossier's working days for its progress.
 */
public final class HubWitness implements Push.Witness, Push.WorkingDays {

	/** The seal's code in the hub's keystore. */
	public static final String SEAL = "HUB"; //$NON-NLS-1$

	private final SealService seals;
	private final WorkingDayCalendar calendar = WorkingDayCalendar.china();

	/** The Miaopi CA's current CRL, which the hub publishes to its desks ({@code GET /v1/crl}). */
	public java.security.cert.X509CRL crl() {
		return seals.crl();
	}

	public HubWitness(SealService seals) {
		this.seals = seals;
	}

	private Seal seal() {
		return seals.ensureSeal(SEAL, "秒批枢纽"); //$NON-NLS-1$
	}

	@Override
	public byte[] sign(byte[] text) {
		Seal seal = seal();
		try {
			String alg = "EC".equals(seal.certificate().getPublicKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			Signature s = seal.provider() == null ? Signature.getInstance(alg) : Signature.getInstance(alg, seal.provider());
			s.initSign(seal.key());
			s.update(text);
			return s.sign();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("the hub cannot sign a ledger checkpoint with its seal", e); //$NON-NLS-1$
		}
	}

	@Override
	public byte[] certificate() {
		try {
			return seal().certificate().getEncoded();
		} catch (CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Working days from submission to the change, by the calendar of China (weekends only outside its years). */
	@Override
	public int between(long fromMs, long toMs) {
		LocalDate from = LocalDate.ofInstant(Instant.ofEpochMilli(fromMs), ChinaTime.ZONE);
		LocalDate to = LocalDate.ofInstant(Instant.ofEpochMilli(toMs), ChinaTime.ZONE);
		try {
			return Math.max(0, calendar.workingDaysBetween(from, to));
		} catch (RuntimeException outsideTheCalendar) {
			return Math.max(0, WorkingDayCalendar.weekendsOnly().workingDaysBetween(from, to));
		}
	}
}
