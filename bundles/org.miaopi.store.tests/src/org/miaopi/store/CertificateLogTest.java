package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.lifecycle.IllegalTransitionException;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.service.AccessDeniedException;

/** The certificate register: issuing moves the dossier and audits; revoking audits; both refuse bad input. */
class CertificateLogTest extends SeededStoreTest {

	@BeforeEach
	void putTheDossiers() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.APPROVED),
				Fixtures.dossier("D2", "PSB", DossierStatus.IN_REVIEW)), "test");
	}

	private CertificateRecord certificate(String number, String dossierNo) {
		Dossier d = store.find(Fixtures.OFFICER, dossierNo).orElseThrow();
		return new CertificateRecord(number, dossierNo, d.applicant(), d.matterCode(),
				Instant.parse("2026-11-23T03:00:00Z"), Fixtures.TODAY, null, d.departmentCode(),
				ContentHashing.sha256(number.getBytes()), false, null);
	}

	private List<String> types(String dossierNo) {
		return store.history(Fixtures.OFFICER, dossierNo).stream().map(AuditEvent::type).toList();
	}

	@Test
	void issuingRegistersMovesTheDossierAndAudits() {
		CertificateRecord c = certificate("C-1", "D1");
		store.issued(Fixtures.OFFICER, c);
		assertEquals(c, store.certificate("C-1").orElseThrow());
		assertEquals(List.of(c), store.certificates(Fixtures.OFFICER, "D1"));
		assertEquals(DossierStatus.CERTIFICATE_ISSUED, store.find(Fixtures.OFFICER, "D1").orElseThrow().status());
		AuditEvent e = store.history(Fixtures.OFFICER, "D1").get(1);
		assertEquals("certificate.issued", e.type());
		assertEquals("C-1", e.details().get("certificate"));
		assertEquals(Fixtures.OFFICER.id(), e.actor());
		assertTrue(store.certificate("C-404").isEmpty());
	}

	@Test
	void issuingIsRefusedForAWrongStateRoleOrRecord() {
		assertThrows(IllegalTransitionException.class, () -> store.issued(Fixtures.OFFICER, certificate("C-2", "D2")));
		assertThrows(AccessDeniedException.class, () -> store.issued(Fixtures.SUPERVISOR, certificate("C-1", "D1")));
		assertThrows(AccessDeniedException.class, () -> store.issued(Fixtures.OTHER, certificate("C-1", "D1")));
		CertificateRecord wrongHolder = certificate("C-1", "D2");
		CertificateRecord mixedUp = new CertificateRecord("C-1", "D1", wrongHolder.holder(), wrongHolder.matterCode(),
				wrongHolder.issuedAt(), wrongHolder.validFrom(), null, "PSB", wrongHolder.documentSha256(), false, null);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> store.issued(Fixtures.OFFICER, mixedUp));
		assertTrue(e.getMessage().contains("does not match dossier D1"), e.getMessage());
		// nothing of the refused attempts was kept
		assertTrue(store.certificate("C-1").isEmpty());
		assertEquals(List.of("dossier.imported"), types("D1"));

		store.issued(Fixtures.OFFICER, certificate("C-1", "D1"));
		assertThrows(IllegalArgumentException.class, () -> store.issued(Fixtures.OFFICER, certificate("C-1", "D1")));
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(store.ledger()));
	}

	@Test
	void revokingKeepsTheReasonAndAudits() {
		store.issued(Fixtures.OFFICER, certificate("C-1", "D1"));
		assertThrows(AccessDeniedException.class, () -> store.revoked(Fixtures.SUPERVISOR, "C-1", "伪造材料"));
		assertThrows(IllegalArgumentException.class, () -> store.revoked(Fixtures.OFFICER, "C-1", " "));
		assertFalse(store.certificate("C-1").orElseThrow().revoked());

		store.revoked(Fixtures.OFFICER2, "C-1", "申请人提供虚假材料");
		CertificateRecord r = store.certificate("C-1").orElseThrow();
		assertTrue(r.revoked());
		assertEquals("申请人提供虚假材料", r.revocationReason());
		assertFalse(r.isValidOn(Fixtures.TODAY));
		AuditEvent last = store.history(Fixtures.OFFICER, "D1").get(2);
		assertEquals("certificate.revoked", last.type());
		assertEquals("申请人提供虚假材料", last.details().get("reason"));
		assertEquals(Fixtures.OFFICER2.id(), last.actor());
		assertEquals(DossierStatus.CERTIFICATE_ISSUED, store.find(Fixtures.OFFICER, "D1").orElseThrow().status());

		IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
				() -> store.revoked(Fixtures.OFFICER, "C-1", "再次"));
		assertTrue(again.getMessage().contains("already revoked"), again.getMessage());
		assertThrows(IllegalArgumentException.class, () -> store.revoked(Fixtures.OFFICER, "C-404", "无"));
		assertEquals(4, store.ledger().size(), "two imports, the issue and one revocation");
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(store.ledger()));
	}
}
