package org.miaopi.core.service;

import java.util.List;
import java.util.Optional;

import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.Officer;

/**
 * The register of issued certificates (电子证照), kept by the store for the certificate service.
 * Each change is one transaction together with its audit event.
 */
public interface CertificateLog {

	/**
	 * Registers a newly issued certificate: stores the record, moves its dossier APPROVED →
	 * CERTIFICATE_ISSUED and appends the {@code certificate.issued} audit event.
	 *
	 * @throws AccessDeniedException unless {@code actor} may act on the dossier (its department's
	 *                               officer, or the system)
	 * @throws org.miaopi.core.lifecycle.IllegalTransitionException if the dossier is not APPROVED
	 * @throws IllegalArgumentException if the record is revoked, its number is taken, or it does
	 *                                  not match its dossier (department, matter, holder)
	 */
	void issued(Officer actor, CertificateRecord record);

	/**
	 * Marks the certificate revoked with the reason and appends the {@code certificate.revoked}
	 * audit event; the dossier's status does not change.
	 *
	 * @throws IllegalArgumentException if there is no such certificate or it is already revoked
	 */
	void revoked(Officer actor, String certificateNumber, String reason);

	/**
	 * The outcome of a theme (一件事), so that a member's certificate is not even laid out before
	 * the theme is APPROVED (the store refuses to record it anyway); empty when not known here.
	 */
	default Optional<org.miaopi.core.matter.ThemeOutcome> themeOutcome(String themeNo) {
		return Optional.empty();
	}

	/**
	 * 秒批 dossiers waiting for their certificate: approved by the 秒批 policy with no officer, not
	 * members of a theme (those are issued together when their theme is approved), in number order.
	 * The system issues them; nobody else may list them.
	 *
	 * @throws AccessDeniedException unless {@code actor} is the system
	 */
	default List<org.miaopi.core.model.Dossier> approvedWithoutOfficer(Officer actor, int limit) {
		return List.of();
	}

	/** The register entry, for verification; public information, so no access check. */
	Optional<CertificateRecord> certificate(String number);
}
