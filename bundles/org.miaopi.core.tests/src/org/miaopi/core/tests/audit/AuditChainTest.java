package org.miaopi.core.tests.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.audit.Verification.Broken;
import org.miaopi.core.audit.Verification.Reason;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.AuditEvent;

class AuditChainTest {

	private static final Instant T0 = Instant.parse("2025-03-03T01:30:00Z");

	private static List<AuditEvent> ledger(int size) {
		List<AuditEvent> events = new ArrayList<>();
		AuditEvent previous = null;
		for (int i = 0; i < size; i++) {
			previous = AuditChain.next(previous, T0.plusSeconds(i), i % 2 == 0 ? "o-1001" : "SYSTEM",
					i == 3 ? null : "SZ-2025-" + (100 + i), "dossier.step" + i, Map.of("n", Integer.toString(i)));
			events.add(previous);
		}
		return events;
	}

	private static Broken broken(Verification v) {
		return assertInstanceOf(Broken.class, v);
	}

	/** Event {@code index} rebuilt with one field changed and its stored hash kept, as a forger would. */
	private static List<AuditEvent> tamper(List<AuditEvent> events, int index, UnaryOperator<AuditEvent> change) {
		List<AuditEvent> copy = new ArrayList<>(events);
		copy.set(index, change.apply(events.get(index)));
		return copy;
	}

	private static AuditEvent with(AuditEvent e, long seq, Instant time, String actor, String dossierNo, String type,
			Map<String, String> details) {
		return new AuditEvent(seq, time, actor, dossierNo, type, details, e.prevHash(), e.hash());
	}

	@Test
	void builtChainVerifies() {
		List<AuditEvent> events = ledger(6);
		assertEquals(1, events.get(0).sequence());
		assertEquals(AuditChain.GENESIS, events.get(0).prevHash());
		for (int i = 1; i < events.size(); i++) {
			assertEquals(events.get(i - 1).hash(), events.get(i).prevHash());
			assertEquals(i + 1, events.get(i).sequence());
		}
		Verification v = AuditChain.verify(events);
		assertTrue(v.isIntact());
		assertEquals(new Verification.Intact(6, events.get(5).hash()), v);
		assertEquals(new Verification.Intact(0, AuditChain.GENESIS), AuditChain.verify(List.of()));
	}

	@Test
	void changingAnyFieldIsDetectedAtThatEvent() {
		List<AuditEvent> events = ledger(5);
		AuditEvent e = events.get(2);
		List<UnaryOperator<AuditEvent>> forgeries = List.of(
				x -> with(x, x.sequence(), x.time().plusMillis(1), x.actor(), x.dossierNo(), x.type(), x.details()),
				x -> with(x, x.sequence(), x.time(), "o-9999", x.dossierNo(), x.type(), x.details()),
				x -> with(x, x.sequence(), x.time(), x.actor(), "SZ-2025-999", x.type(), x.details()),
				x -> with(x, x.sequence(), x.time(), x.actor(), null, x.type(), x.details()),
				x -> with(x, x.sequence(), x.time(), x.actor(), x.dossierNo(), "dossier.approved", x.details()),
				x -> with(x, x.sequence(), x.time(), x.actor(), x.dossierNo(), x.type(), Map.of("n", "X")),
				x -> with(x, x.sequence(), x.time(), x.actor(), x.dossierNo(), x.type(), Map.of("n", "2", "m", "")),
				x -> with(x, x.sequence(), x.time(), x.actor(), x.dossierNo(), x.type(), Map.of()));
		for (UnaryOperator<AuditEvent> forgery : forgeries) {
			AuditEvent forged = forgery.apply(e);
			assertNotEquals(e, forged);
			Broken b = broken(AuditChain.verify(tamper(events, 2, forgery)));
			assertEquals(3, b.sequence(), forged.toString());
			assertEquals(Reason.CONTENT_CHANGED, b.reason());
		}
	}

	@Test
	void changingTheStoredHashOrLinkIsDetected() {
		List<AuditEvent> events = ledger(5);
		Sha256 other = Sha256.parse("ab".repeat(32));
		Broken hash = broken(AuditChain.verify(tamper(events, 1,
				x -> new AuditEvent(x.sequence(), x.time(), x.actor(), x.dossierNo(), x.type(), x.details(),
						x.prevHash(), other))));
		// event 2's own hash no longer matches, and the first thing found is its content check
		assertEquals(2, hash.sequence());
		Broken link = broken(AuditChain.verify(tamper(events, 1,
				x -> new AuditEvent(x.sequence(), x.time(), x.actor(), x.dossierNo(), x.type(), x.details(),
						other, x.hash()))));
		assertEquals(2, link.sequence());
		assertEquals(Reason.LINK_BROKEN, link.reason());
	}

	@Test
	void rehashedForgeryBreaksTheLinkOfTheNextEvent() {
		List<AuditEvent> events = ledger(5);
		AuditEvent e = events.get(2);
		AuditEvent forged = AuditChain.next(events.get(1), e.time(), "o-9999", e.dossierNo(), e.type(), e.details());
		Broken b = broken(AuditChain.verify(tamper(events, 2, x -> forged)));
		assertEquals(4, b.sequence());
		assertEquals(Reason.LINK_BROKEN, b.reason());
	}

	@Test
	void deletionIsDetected() {
		List<AuditEvent> events = new ArrayList<>(ledger(5));
		events.remove(2);
		Broken b = broken(AuditChain.verify(events));
		assertEquals(3, b.sequence());
		assertEquals(Reason.SEQUENCE_GAP, b.reason());
		assertTrue(b.message().contains("expected event 3 but found 4"), b.message());

		List<AuditEvent> headless = new ArrayList<>(ledger(3));
		headless.remove(0);
		assertEquals(1, broken(AuditChain.verify(headless)).sequence());
	}

	@Test
	void deletionWithRenumberingIsStillDetected() {
		List<AuditEvent> events = new ArrayList<>(ledger(5));
		events.remove(2);
		AuditEvent e = events.get(2);
		events.set(2, new AuditEvent(3, e.time(), e.actor(), e.dossierNo(), e.type(), e.details(), e.prevHash(), e.hash()));
		assertFalse(AuditChain.verify(events).isIntact());
		assertEquals(3, broken(AuditChain.verify(events)).sequence());
	}

	@Test
	void reorderingIsDetected() {
		List<AuditEvent> events = new ArrayList<>(ledger(5));
		Collections.swap(events, 1, 3);
		Broken b = broken(AuditChain.verify(events));
		assertEquals(2, b.sequence());
	}

	@Test
	void truncationOfTheNewestEventsNeedsTheKeptHeadHash() {
		List<AuditEvent> events = ledger(5);
		Verification truncated = AuditChain.verify(events.subList(0, 4));
		// the chain alone cannot tell; the head hash differs from the one kept for the full ledger
		assertTrue(truncated.isIntact());
		assertNotEquals(AuditChain.verify(events), truncated);
	}

	@Test
	void continuationFromATrustedAnchor() {
		List<AuditEvent> events = ledger(6);
		assertTrue(AuditChain.verify(events.get(2), events.subList(3, 6)).isIntact());
		// the first missing sequence number after the anchor is reported
		assertEquals(4, broken(AuditChain.verify(events.get(2), events.subList(4, 6))).sequence());
		assertEquals(3, broken(AuditChain.verify(events.get(1), events.subList(3, 6))).sequence());
		// a forged chain grafted onto a trusted anchor does not link
		AuditEvent graft = AuditChain.next(events.get(1), T0, "o-9999", null, "dossier.step2", Map.of());
		List<AuditEvent> grafted = new ArrayList<>(List.of(graft));
		grafted.addAll(events.subList(3, 6));
		assertEquals(4, broken(AuditChain.verify(events.get(1), grafted)).sequence());
	}

	@Test
	void encodingSeparatesFieldsAndNull() {
		AuditEvent a = AuditChain.next(null, T0, "ab", "c", "t", Map.of());
		AuditEvent b = AuditChain.next(null, T0, "a", "bc", "t", Map.of());
		assertNotEquals(a.hash(), b.hash());
		AuditEvent nullDossier = AuditChain.next(null, T0, "o", null, "t", Map.of());
		Map<String, String> emptyDetail = new HashMap<>();
		emptyDetail.put("k", "");
		AuditEvent emptyValue = AuditChain.next(null, T0, "o", null, "t", emptyDetail);
		assertNotEquals(nullDossier.hash(), emptyValue.hash());
		assertNotEquals(AuditChain.next(null, T0, "o", null, "t", Map.of("k", "v=1")).hash(),
				AuditChain.next(null, T0, "o", null, "t", Map.of("k=v", "1")).hash());
	}

	@Test
	void detailOrderDoesNotMatterButContentDoes() {
		Map<String, String> one = new LinkedHashMap<>();
		one.put("b", "2");
		one.put("a", "1");
		Map<String, String> two = new LinkedHashMap<>();
		two.put("a", "1");
		two.put("b", "2");
		assertEquals(AuditChain.next(null, T0, "o", "d", "t", one).hash(),
				AuditChain.next(null, T0, "o", "d", "t", two).hash());
	}

	@Test
	void timeIsKeptToTheMillisecondSoItSurvivesStorage() {
		AuditEvent e = AuditChain.next(null, Instant.parse("2025-03-03T01:30:00.123456789Z"), "o", null, "t", Map.of());
		assertEquals(Instant.parse("2025-03-03T01:30:00.123Z"), e.time());
		assertEquals(AuditChain.hashOf(e), e.hash());
	}

	@Test
	void canonicalEncodingIsStable() {
		// Pinned so that a change of encoding, which would invalidate every stored ledger, is noticed.
		AuditEvent e = AuditChain.next(null, Instant.parse("2025-01-02T03:04:05Z"), "o-1", "SZ-1", "dossier.approved",
				Map.of("决定", "准予"));
		byte[] encoding = AuditChain.canonicalEncoding(e);
		assertArrayEquals(new byte[] {0, 0, 0, 15}, Arrays.copyOf(encoding, 4));
		assertEquals("miaopi-audit-v1", new String(encoding, 4, 15, StandardCharsets.UTF_8));
		assertEquals(Sha256.of(sha(encoding)), e.hash());
		assertEquals(4 + 15 + 4 + 1 + 4 + 20 + 4 + 3 + 4 + 4 + 4 + 16 + 4 + 4 + 6 + 4 + 6 + 4 + 64, encoding.length);
	}

	private static byte[] sha(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		} catch (NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
	}
}
