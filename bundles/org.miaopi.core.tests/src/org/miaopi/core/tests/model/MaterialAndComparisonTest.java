package org.miaopi.core.tests.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.MimeTypes;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.SharedRecordRef;
import org.miaopi.core.model.SharedSource;

class MaterialAndComparisonTest {

	private static final Sha256 HASH = ContentHashing.sha256("%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
	private static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");
	private static final SharedRecordRef HUKOU =
			new SharedRecordRef(SharedSource.HOUSEHOLD_REGISTRATION, "11010519491231002X", AS_OF);

	@Test
	void fileMaterial() {
		Material m = Material.file("m1", "M01", HASH, "户口簿.pdf", MimeTypes.PDF, 8);
		assertTrue(m.hasFile());
		assertNull(m.replacedBy());
		assertThrows(IllegalArgumentException.class, () -> Material.file("m1", "M01", HASH, "a.pdf", MimeTypes.PDF, -1));
		assertThrows(IllegalArgumentException.class, () -> Material.file("m1", "M01", HASH, null, MimeTypes.PDF, 1));
		assertThrows(NullPointerException.class, () -> Material.file("m1", "M01", null, "a.pdf", MimeTypes.PDF, 1));
	}

	@Test
	void materialReplacedBySharedData() {
		Material m = Material.replaced("m2", "M01", HUKOU);
		assertFalse(m.hasFile());
		assertEquals(HUKOU, m.replacedBy());
		// a file that shared data also covers keeps both
		assertTrue(new Material("m3", "M01", HASH, "a.pdf", MimeTypes.PDF, 8, HUKOU).hasFile());
	}

	@Test
	void materialIsAFileOrAReplacementNeverNeither() {
		assertThrows(IllegalArgumentException.class, () -> new Material("m", "M01", null, null, null, 0, null));
		assertThrows(IllegalArgumentException.class, () -> new Material("m", "M01", null, "a.pdf", null, 0, HUKOU));
		assertThrows(IllegalArgumentException.class, () -> new Material("m", "M01", null, null, null, 5, HUKOU));
	}

	@Test
	void comparisonOutcomesCarryWhatTheOfficerNeeds() {
		ComparisonResult match = new ComparisonResult("R1", "name", "王芳", "王芳", ComparisonOutcome.MATCH,
				SharedSource.HOUSEHOLD_REGISTRATION, AS_OF, null);
		assertFalse(match.needsAttention());
		ComparisonResult missing = new ComparisonResult("R2", "degree", "本科", null, ComparisonOutcome.MISSING,
				SharedSource.EDUCATION, null, "no record in 学历");
		assertTrue(missing.needsAttention());
		assertTrue(new ComparisonResult("R3", "date", "2024-13-01", null, ComparisonOutcome.INVALID, null, null, null)
				.needsAttention());
	}

	@Test
	void inconsistentComparisonsAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> new ComparisonResult("R", "name", "王芳", "王芳",
				ComparisonOutcome.MISSING, SharedSource.HOUSEHOLD_REGISTRATION, AS_OF, null));
		assertThrows(IllegalArgumentException.class, () -> new ComparisonResult("R", "name", "王芳", "王方",
				ComparisonOutcome.MISMATCH, null, AS_OF, null));
		assertThrows(IllegalArgumentException.class, () -> new ComparisonResult("R", "name", "王芳", "王芳",
				ComparisonOutcome.STALE, SharedSource.HOUSEHOLD_REGISTRATION, null, null));
		assertThrows(IllegalArgumentException.class, () -> new ComparisonResult("R", "name", null, "王芳",
				ComparisonOutcome.MATCH, SharedSource.HOUSEHOLD_REGISTRATION, AS_OF, null));
		assertThrows(NullPointerException.class, () -> new ComparisonResult("R", "name", "a", "a", null,
				SharedSource.HOUSEHOLD_REGISTRATION, AS_OF, null));
	}
}
