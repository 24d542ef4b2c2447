package org.miaopi.core.tests.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.miaopi.core.content.ImageHeaders;
import org.miaopi.core.content.MaterialLimits;
import org.miaopi.core.content.MaterialRefusedException;
import org.miaopi.core.content.MaterialRefusedException.Reason;
import org.miaopi.core.content.MaterialVetting;
import org.miaopi.core.content.MimeTypes;
import org.miaopi.core.content.SubmittedFile;

/** The intake rules themselves, with a page counter that only says what it is told. */
class MaterialVettingTest {

	private static final byte[] PDF = "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] PNG_HEADER = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	private static byte[] png(int w, int h) {
		byte[] b = Arrays.copyOf(PNG_HEADER, 33);
		b[16] = (byte) (w >>> 24);
		b[17] = (byte) (w >>> 16);
		b[18] = (byte) (w >>> 8);
		b[19] = (byte) w;
		b[20] = (byte) (h >>> 24);
		b[21] = (byte) (h >>> 16);
		b[22] = (byte) (h >>> 8);
		b[23] = (byte) h;
		return b;
	}

	private static byte[] jpeg(int w, int h) {
		return new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 4, 0, 0, (byte) 0xFF, (byte) 0xC2, 0, 11, 8,
				(byte) (h >> 8), (byte) h, (byte) (w >> 8), (byte) w, 1, 1, 0x11, 0 };
	}

	private static MaterialVetting.PageCounter pages(int n) {
		return (pdf, name, limits) -> n;
	}

	private static MaterialRefusedException refused(SubmittedFile f, MaterialLimits l, MaterialVetting.PageCounter c) {
		return assertThrows(MaterialRefusedException.class, () -> MaterialVetting.vet(f, l, c));
	}

	@Test
	void theSizeIsCheckedBeforeAnyByteIsParsed() {
		AtomicInteger parsed = new AtomicInteger();
		byte[] big = Arrays.copyOf(PDF, (20 << 20) + 1);
		MaterialRefusedException e = refused(new SubmittedFile("scan.pdf", MimeTypes.PDF, big), MaterialLimits.DEFAULT,
				(pdf, name, limits) -> parsed.incrementAndGet());
		assertEquals(Reason.TOO_LARGE, e.reason());
		assertEquals("scan.pdf: the file is 20.0 MB; this matter accepts at most 20 MB per file", e.getMessage());
		assertEquals(0, parsed.get());
	}

	@Test
	void pagesAreCountedAgainstTheMattersLimit() {
		MaterialLimits three = new MaterialLimits(1 << 20, 3, 1_000_000);
		assertEquals(3, MaterialVetting.vet(new SubmittedFile("a.pdf", MimeTypes.PDF, PDF), three, pages(3)).pages());
		MaterialRefusedException e = refused(new SubmittedFile("a.pdf", MimeTypes.PDF, PDF), three, pages(4));
		assertEquals(Reason.TOO_MANY_PAGES, e.reason());
		assertTrue(e.getMessage().endsWith("the PDF has 4 pages; this matter accepts at most 3"), e.getMessage());
		assertEquals(Reason.UNREADABLE, refused(new SubmittedFile("a.pdf", MimeTypes.PDF, PDF), three, pages(0)).reason());
	}

	@Test
	void theBytesDecideTheTypeAndAHintThatContradictsThemIsRefused() {
		byte[] png = png(100, 100);
		assertEquals(MimeTypes.PNG, MaterialVetting.vet(new SubmittedFile("photo.png", "image/png", png), MaterialLimits.DEFAULT, pages(1)).type());
		assertEquals(Reason.TYPE_MISMATCH, refused(new SubmittedFile("photo.pdf", null, png), MaterialLimits.DEFAULT, pages(1)).reason());
		MaterialRefusedException declared = refused(new SubmittedFile("photo", MimeTypes.PDF, png), MaterialLimits.DEFAULT, pages(1));
		assertEquals("photo: declared as application/pdf but the content is image/png", declared.getMessage());
		assertEquals(MimeTypes.JPEG, MaterialVetting.vet(new SubmittedFile("p.JPG", "image/jpg", jpeg(10, 10)), MaterialLimits.DEFAULT, pages(1)).type());
		assertEquals(Reason.UNKNOWN_TYPE, refused(new SubmittedFile("invoice.pdf", MimeTypes.PDF,
				"MZ\u0090\u0000 an executable".getBytes(StandardCharsets.ISO_8859_1)), MaterialLimits.DEFAULT, pages(1)).reason());
		assertEquals(Reason.EMPTY, refused(new SubmittedFile("a.pdf", MimeTypes.PDF, new byte[0]), MaterialLimits.DEFAULT, pages(1)).reason());
	}

	@Test
	void aPictureIsMeasuredByItsHeaderAgainstThePixelLimit() {
		MaterialRefusedException e = refused(new SubmittedFile("bomb.png", null, png(50_000, 50_000)), MaterialLimits.DEFAULT, pages(1));
		assertEquals(Reason.TOO_MANY_PIXELS, e.reason());
		assertTrue(e.getMessage().contains("50000 x 50000") && e.getMessage().contains("40 megapixels"), e.getMessage());
		assertEquals(Reason.TOO_MANY_PIXELS, refused(new SubmittedFile("b.jpg", null, jpeg(65_000, 65_000)), MaterialLimits.DEFAULT, pages(1)).reason());
		assertEquals(Reason.UNREADABLE, refused(new SubmittedFile("c.png", null, Arrays.copyOf(PNG_HEADER, 10)), MaterialLimits.DEFAULT, pages(1)).reason());
	}

	@Test
	void imageHeadersGiveTheDeclaredSizeOrNothing() {
		assertEquals(Optional.of(new ImageHeaders.Dimensions(640, 480)), ImageHeaders.of(png(640, 480)));
		assertEquals(Optional.of(new ImageHeaders.Dimensions(1024, 768)), ImageHeaders.of(jpeg(1024, 768)));
		assertFalse(ImageHeaders.of(PDF).isPresent());
		assertFalse(ImageHeaders.of(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2 }).isPresent());
	}

	@Test
	void limitsOutsideReasonAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> new MaterialLimits(MaterialLimits.CEILING_BYTES + 1, 10, 10));
		assertThrows(IllegalArgumentException.class, () -> new MaterialLimits(1, 0, 10));
		assertEquals("20 MB", MaterialLimits.size(MaterialLimits.DEFAULT.maxBytes()));
	}
}
