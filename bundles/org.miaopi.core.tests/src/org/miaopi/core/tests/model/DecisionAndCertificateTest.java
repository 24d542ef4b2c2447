package org.miaopi.core.tests.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.miaopi.core.tests.model.Samples.COMPANY;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.lifecycle.Lifecycle;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;

class DecisionAndCertificateTest {

	private static final Instant NOW = Instant.parse("2025-06-16T02:00:00Z");
	private static final Sha256 DIGEST = Sha256.parse("12".repeat(32));

	private static Decision byOfficer(DecisionKind kind, List<String> reasons, String legalBasis) {
		return new Decision("SZ-1", kind, reasons, legalBasis, "o-1001", NOW, false, null, null, null, null);
	}

	@Test
	void everyDecisionKindLeadsToALegalStatusFromReview() {
		for (DecisionKind kind : DecisionKind.values()) {
			assertTrue(Lifecycle.isAllowed(DossierStatus.IN_REVIEW, kind.resultingStatus()), kind.name());
		}
		assertEquals(DossierStatus.APPROVED, DecisionKind.APPROVE.resultingStatus());
	}

	@Test
	void officerApprovalNeedsNoReason() {
		Decision d = byOfficer(DecisionKind.APPROVE, List.of(), null);
		assertFalse(d.automatic());
		assertEquals(List.of(), d.reasonCodes());
	}

	@Test
	void rejectionNeedsReasonsAndLegalBasis() {
		assertThrows(IllegalArgumentException.class, () -> byOfficer(DecisionKind.REJECT, List.of(), "《行政许可法》第三十八条"));
		assertThrows(IllegalArgumentException.class, () -> byOfficer(DecisionKind.REJECT, List.of("R-AGE"), null));
		assertEquals("R-AGE", byOfficer(DecisionKind.REJECT, List.of("R-AGE"), "《行政许可法》第三十八条").reasonCodes().get(0));
		assertThrows(IllegalArgumentException.class, () -> byOfficer(DecisionKind.REQUEST_SUPPLEMENT, List.of(), null));
		assertThrows(IllegalArgumentException.class, () -> byOfficer(DecisionKind.APPROVE, List.of(" "), null));
	}

	@Test
	void reasonCodesAreCopied() {
		List<String> reasons = new ArrayList<>(List.of("S-PHOTO"));
		Decision d = byOfficer(DecisionKind.REQUEST_SUPPLEMENT, reasons, null);
		reasons.add("S-OTHER");
		assertEquals(List.of("S-PHOTO"), d.reasonCodes());
	}

	@Test
	void automaticDecisionsAreTheSystemsAndReplayable() {
		Decision auto = new Decision("SZ-1", DecisionKind.APPROVE, List.of(), null, Officer.SYSTEM_ID, NOW, true, null,
				"graduate-residence", "3", DIGEST);
		assertTrue(auto.automatic());
		assertThrows(IllegalArgumentException.class, () -> new Decision("SZ-1", DecisionKind.APPROVE, List.of(), null,
				"o-1001", NOW, true, null, "graduate-residence", "3", DIGEST));
		assertThrows(IllegalArgumentException.class, () -> new Decision("SZ-1", DecisionKind.APPROVE, List.of(), null,
				Officer.SYSTEM_ID, NOW, false, null, null, null, null));
		assertThrows(IllegalArgumentException.class, () -> new Decision("SZ-1", DecisionKind.APPROVE, List.of(), null,
				Officer.SYSTEM_ID, NOW, true, null, "graduate-residence", null, DIGEST));
		assertThrows(IllegalArgumentException.class, () -> new Decision("SZ-1", DecisionKind.APPROVE, List.of(), null,
				Officer.SYSTEM_ID, NOW, true, null, "graduate-residence", "3", null));
	}

	private static CertificateRecord licence(LocalDate from, LocalDate to) {
		return new CertificateRecord("YP-2025-0001", "SZ-1", COMPANY, "drug-retail", NOW, from, to, "440306-SC",
				DIGEST, false, null);
	}

	@Test
	void certificateIsValidOnItsDaysInclusive() {
		CertificateRecord c = licence(LocalDate.of(2025, 6, 16), LocalDate.of(2030, 6, 15));
		assertFalse(c.isValidOn(LocalDate.of(2025, 6, 15)));
		assertTrue(c.isValidOn(LocalDate.of(2025, 6, 16)));
		assertTrue(c.isValidOn(LocalDate.of(2030, 6, 15)));
		assertFalse(c.isValidOn(LocalDate.of(2030, 6, 16)));
		assertTrue(licence(LocalDate.of(2025, 6, 16), null).isValidOn(LocalDate.of(2099, 1, 1)));
		assertThrows(IllegalArgumentException.class, () -> licence(LocalDate.of(2025, 6, 16), LocalDate.of(2025, 6, 15)));
	}

	@Test
	void revocationNeedsAReasonAndHappensOnce() {
		CertificateRecord c = licence(LocalDate.of(2025, 6, 16), null);
		CertificateRecord revoked = c.revoke("申请人以欺骗手段取得");
		assertTrue(revoked.revoked());
		assertFalse(revoked.isValidOn(LocalDate.of(2025, 7, 1)));
		assertFalse(c.revoked());
		assertThrows(IllegalStateException.class, () -> revoked.revoke("again"));
		assertThrows(IllegalArgumentException.class, () -> c.revoke(" "));
		assertThrows(IllegalArgumentException.class, () -> new CertificateRecord("N", "SZ-1", COMPANY, "m", NOW,
				LocalDate.of(2025, 6, 16), null, "D", DIGEST, true, null));
		assertThrows(IllegalArgumentException.class, () -> new CertificateRecord("N", "SZ-1", COMPANY, "m", NOW,
				LocalDate.of(2025, 6, 16), null, "D", DIGEST, false, "why"));
	}
}
