package org.miaopi.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.QueryAccess;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.store.jpa.CertificateRow;
import org.miaopi.store.jpa.DossierRow;
import org.miaopi.store.jpa.Rows;

/** {@link org.miaopi.core.service.CertificateLog} on the desk's store. */
final class CertificateRegister {

	static final String REVOKED_EVENT = "certificate.revoked";
	/** The lifecycle's APPROVED → CERTIFICATE_ISSUED event; its outbox row carries the certificate record. */
	static final String ISSUED_EVENT = "certificate.issued";

	private final DeskStore store;

	CertificateRegister(DeskStore store) {
		this.store = store;
	}

	void issued(Officer actor, CertificateRecord record) {
		if (record.revoked()) {
			throw new IllegalArgumentException("certificate " + record.number() + " is revoked; register it when issued");
		}
		store.appendToLedger("registering certificate " + record.number(), (em, head) -> {
			if (em.find(CertificateRow.class, record.number()) != null) {
				throw new IllegalArgumentException("certificate number " + record.number() + " is already registered");
			}
			DossierRow row = em.find(DossierRow.class, record.dossierNo());
			if (row == null) {
				throw new StoreException(Problem.NOT_FOUND, "no dossier " + record.dossierNo() + " in this store");
			}
			Dossier d = Rows.dossier(row, Reads.materials(em, List.of(record.dossierNo()))
					.getOrDefault(record.dossierNo(), List.of()));
			QueryAccess.requireMayAct(actor, d.departmentCode(), d.number());
			requireMatches(record, d);
			requireThemeApproved(em, d);
			Map<String, String> details = new LinkedHashMap<>();
			details.put("certificate", record.number());
			details.put("document", record.documentSha256().hex());
			Steps.Step step = Steps.check(actor, d,
					new TransitionRequest(d.number(), DossierStatus.CERTIFICATE_ISSUED, null, null, details), Steps.officers(em));
			em.persist(Rows.row(record));
			AuditEvent event = Steps.write(em, row, step, actor, head, Instant.now(), null);
			SearchKeys.statusChanged(em, List.of(row));
			return event;
		});
	}

	/**
	 * A theme's certificates are issued together (一次出件) once every member is approved: a member's
	 * certificate waits while the theme is PENDING, and a REJECTED theme issues none.
	 */
	private static void requireThemeApproved(jakarta.persistence.EntityManager em, Dossier d) {
		if (!d.isPartOfTheme()) {
			return;
		}
		String outcome;
		try (java.sql.PreparedStatement ps = em.unwrap(java.sql.Connection.class)
				.prepareStatement("SELECT OUTCOME FROM THEME WHERE THEME_NO = ?")) {
			ps.setString(1, d.themeDossierNo());
			try (java.sql.ResultSet r = ps.executeQuery()) {
				outcome = r.next() ? r.getString(1) : org.miaopi.core.matter.ThemeOutcome.PENDING.name();
			}
		} catch (java.sql.SQLException e) {
			throw new IllegalStateException("cannot read the outcome of theme " + d.themeDossierNo(), e);
		}
		if (!org.miaopi.core.matter.ThemeOutcome.APPROVED.name().equals(outcome)) {
			throw new IllegalArgumentException("dossier " + d.number() + " belongs to theme " + d.themeDossierNo() + ", which is "
					+ outcome + ": a theme's certificates are issued together once every member is approved (一次出件)");
		}
	}

	/** The certificate must describe its own dossier: a mix-up here would put a licence in the wrong hands. */
	private static void requireMatches(CertificateRecord c, Dossier d) {
		String wrong = !c.departmentCode().equals(d.departmentCode()) ? "department " + c.departmentCode()
				: !c.matterCode().equals(d.matterCode()) ? "matter " + c.matterCode()
						: !c.holder().subjectId().equals(d.applicant().subjectId()) ? "holder " + c.holder().subjectId()
								: null;
		if (wrong != null) {
			throw new IllegalArgumentException("certificate " + c.number() + " names " + wrong
					+ ", which does not match dossier " + d.number() + " (" + d.departmentCode() + ", "
					+ d.matterCode() + ", " + d.applicant().subjectId() + ")");
		}
	}

	void revoked(Officer actor, String number, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("revoking certificate " + number + " needs a reason");
		}
		store.appendToLedger("revoking certificate " + number, (em, head) -> {
			CertificateRow row = em.find(CertificateRow.class, number);
			if (row == null) {
				throw new IllegalArgumentException("no certificate " + number + " in this store");
			}
			CertificateRecord c = Rows.certificate(row);
			QueryAccess.requireMayAct(actor, c.departmentCode(), c.dossierNo());
			if (c.revoked()) {
				throw new IllegalArgumentException("certificate " + number + " is already revoked: " + c.revocationReason());
			}
			Rows.revoke(row, c.revoke(reason.strip()).revocationReason());
			Map<String, String> details = new LinkedHashMap<>();
			details.put("certificate", number);
			details.put("reason", reason.strip());
			AuditEvent event = AuditChain.next(head, Instant.now(), actor.id(), c.dossierNo(), REVOKED_EVENT, details);
			em.persist(Rows.row(event));
			return event;
		});
	}

	Optional<CertificateRecord> certificate(String number) {
		return store.read(em -> Optional.ofNullable(em.find(CertificateRow.class, number)).map(Rows::certificate));
	}
}
