package org.miaopi.materials.tests;

import org.miaopi.testing.Hostile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.miaopi.core.content.MaterialLimits;
import org.miaopi.core.content.MaterialRefusedException;
import org.miaopi.core.content.MaterialRefusedException.Reason;
import org.miaopi.core.content.MaterialVetting;
import org.miaopi.core.content.MimeTypes;
import org.miaopi.core.content.SubmittedFile;
import org.miaopi.materials.PdfPageCounter;

/** An applicant's file at intake, with PDF pages counted by the bounded reader. */
class IntakeTest {

	private static final PdfPageCounter COUNTER = new PdfPageCounter();

	private static MaterialVetting.Vetted vet(String name, String declared, byte[] bytes, MaterialLimits limits) {
		return MaterialVetting.vet(new SubmittedFile(name, declared, bytes), limits, COUNTER);
	}

	private static MaterialRefusedException refused(String name, String declared, byte[] bytes, MaterialLimits limits) {
		return assertTimeoutPreemptively(SafeRendererTest.HANG,
				() -> assertThrows(MaterialRefusedException.class, () -> vet(name, declared, bytes, limits)));
	}

	@Test
	void aPlainPdfPassesWithItsPageCount() {
		MaterialVetting.Vetted v = vet("diploma.pdf", MimeTypes.PDF, Hostile.pages(3), MaterialLimits.DEFAULT);
		assertEquals(MimeTypes.PDF, v.type());
		assertEquals(3, v.pages());
	}

	@Test
	void moreThanTheMattersPagesIsRefusedNamingTheLimit() {
		MaterialRefusedException e = refused("booklet.pdf", MimeTypes.PDF, Hostile.pages(51), MaterialLimits.DEFAULT);
		assertEquals(Reason.TOO_MANY_PAGES, e.reason());
		assertTrue(e.getMessage().contains("51 pages") && e.getMessage().contains("at most 50"), e.getMessage());
		assertEquals(Reason.TOO_MANY_PAGES, refused("x.pdf", null, Hostile.claimedPages(1_000_000_000L), MaterialLimits.DEFAULT).reason());
	}

	@Test
	void aMattersOwnLimitsAreTheOnesApplied() {
		MaterialLimits strict = new MaterialLimits(1L << 20, 2, 1_000_000);
		assertEquals(Reason.TOO_MANY_PAGES, refused("a.pdf", MimeTypes.PDF, Hostile.pages(3), strict).reason());
		MaterialRefusedException big = refused("scan.pdf", MimeTypes.PDF, java.util.Arrays.copyOf(Hostile.pages(1), 2 << 20), strict);
		assertEquals(Reason.TOO_LARGE, big.reason(), "a 2 MB file against a 1 MB limit");
		assertTrue(big.getMessage().contains("at most 1 MB"), big.getMessage());
		assertEquals(Reason.TOO_MANY_PIXELS, refused("photo.png", MimeTypes.PNG, Hostile.pngBomb(2000, 2000), strict).reason());
	}

	@Test
	void aPasswordProtectedPdfIsRefusedAsEncrypted() throws Exception {
		MaterialRefusedException e = refused("id.pdf", MimeTypes.PDF, SafeRendererTest.encrypted(), MaterialLimits.DEFAULT);
		assertEquals(Reason.ENCRYPTED, e.reason());
	}

	@Test
	void aPdfThatCannotBeReadIsRefusedAsUnreadable() {
		byte[] junk = "%PDF-1.7\n\u0000\u0001 not a pdf at all".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		assertEquals(Reason.UNREADABLE, refused("junk.pdf", MimeTypes.PDF, junk, MaterialLimits.DEFAULT).reason());
	}

	@Test
	void aNameOrDeclaredTypeThatLiesIsRefused() {
		byte[] png = Hostile.pngBomb(10, 10);
		assertEquals(Reason.TYPE_MISMATCH, refused("passport.pdf", null, png, MaterialLimits.DEFAULT).reason());
		assertEquals(Reason.TYPE_MISMATCH, refused("passport", MimeTypes.PDF, png, MaterialLimits.DEFAULT).reason());
		assertEquals(MimeTypes.PNG, vet("passport", null, png, MaterialLimits.DEFAULT).type(), "no hint: the bytes decide");
	}
}
