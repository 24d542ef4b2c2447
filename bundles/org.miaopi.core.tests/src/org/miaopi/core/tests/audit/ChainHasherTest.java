package org.miaopi.core.tests.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.ChainHasher;
import org.miaopi.core.model.AuditEvent;

/** The check's fast way gives the chain's own answer, and leaves what it cannot judge to the general way. */
class ChainHasherTest {

	private final ChainHasher hasher = new ChainHasher();

	@Test
	void agreesWithTheChainOnEventsOfEveryShape() {
		Map<String, String> unsorted = new LinkedHashMap<>();
		unsorted.put("to", "APPROVED");
		unsorted.put("reasons", "");
		unsorted.put("decision", "APPROVE");
		unsorted.put("justification", "学历信息以毕业证书原件为准");
		AuditEvent previous = null;
		Object[][] shapes = { { "o-1001", "SZ-2025-1", "dossier.approved", unsorted },
				{ "SYSTEM", null, "session.signed-in", Map.of() }, { "申请人", "深圳-1", "类型", Map.of("键", "值") },
				{ "intake", "SZ-2025-2", "dossier.imported", Map.of("a", "x\ty\nz", "B", "upper before lower") } };
		for (Object[] s : shapes) {
			@SuppressWarnings("unchecked")
			Map<String, String> details = (Map<String, String>) s[3];
			AuditEvent e = AuditChain.next(previous, Instant.parse("2026-12-03T08:00:00.123Z"), (String) s[0], (String) s[1],
					(String) s[2], details);
			String[] pairs = pairs(details);
			assertTrue(ChainHasher.accepts(e.sequence(), e.actor(), e.dossierNo(), e.type(), pairs, details.size(),
					e.prevHash().hex(), e.hash().hex()));
			assertTrue(hasher.matches(e.sequence(), e.time().toEpochMilli(), e.actor(), e.dossierNo(), e.type(), pairs,
					details.size(), e.prevHash().hex(), e.hash().hex()), "event " + e.sequence());
			assertFalse(hasher.matches(e.sequence(), e.time().toEpochMilli() + 1, e.actor(), e.dossierNo(), e.type(), pairs,
					details.size(), e.prevHash().hex(), e.hash().hex()), "a changed time is seen");
			assertFalse(hasher.matches(e.sequence(), e.time().toEpochMilli(), e.actor(), e.dossierNo(), e.type(), pairs,
					details.size(), e.prevHash().hex(), e.hash().hex().toUpperCase()), "an upper-case hash is left to the general way");
			previous = e;
		}
	}

	@Test
	void leavesToTheGeneralWayWhatAnEventWouldRefuse() {
		String hex = "ab".repeat(32);
		assertFalse(ChainHasher.accepts(1, " ", null, "t", new String[0], 0, hex, hex), "blank actor");
		assertFalse(ChainHasher.accepts(1, "a", " ", "t", new String[0], 0, hex, hex), "blank dossier number");
		assertFalse(ChainHasher.accepts(1, "a", null, "t", new String[0], 0, hex, hex + "0"), "hash too long");
		assertFalse(ChainHasher.accepts(1, "a", null, "t", new String[] { "k", "1", "k", "2" }, 2, hex, hex), "a key twice");
		assertFalse(ChainHasher.accepts(0, "a", null, "t", new String[0], 0, hex, hex), "sequence 0");
		assertTrue(ChainHasher.accepts(1, "a", null, "t", new String[0], 0, hex, hex));
	}

	private static String[] pairs(Map<String, String> details) {
		String[] pairs = new String[details.size() * 2];
		int i = 0;
		for (Map.Entry<String, String> d : details.entrySet()) {
			pairs[i++] = d.getKey();
			pairs[i++] = d.getValue();
		}
		return pairs;
	}
}
