package org.miaopi.materials.tests;

import org.miaopi.testing.Hostile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.miaopi.materials.CannotDisplay;
import org.miaopi.materials.CannotDisplay.Reason;
import org.miaopi.materials.RenderBudget;
import org.miaopi.materials.SafeRenderer;

/**
 * Hostile materials made on the spot: each is refused with its reason, well within the hang guard
 * (which only catches a renderer that would never return; the renderer's own time budget is 5 s).
 */
class SafeRendererTest {

	/** Not a benchmark: a renderer that ignores its budget would hang here, and the test says so. */
	static final Duration HANG = Duration.ofSeconds(20);
	private static final BooleanSupplier WANTED = () -> false;

	static CannotDisplay refused(byte[] bytes, RenderBudget budget) {
		return assertTimeoutPreemptively(HANG, () -> assertThrows(CannotDisplay.class,
				() -> new SafeRenderer(budget).render(bytes, 0, 500, WANTED)));
	}

	static CannotDisplay refused(byte[] bytes) {
		return refused(bytes, RenderBudget.DEFAULT);
	}

	@Test
	void aPlainPageIsDrawnToTheWidthAskedFor() throws Exception {
		SafeRenderer.Picture p = new SafeRenderer(RenderBudget.DEFAULT).render(
				Hostile.page("BT /F1 24 Tf 72 720 Td (Hello) Tj ET"), 0, 500, WANTED);
		assertEquals(500, p.width());
		assertEquals(1, p.count());
		assertEquals(p.width() * p.height(), p.rgb().length);
	}

	@Test
	void bytesOfNoAcceptedFormatAreNotSupported() {
		assertEquals(Reason.NOT_SUPPORTED, refused(new byte[] { 'M', 'Z', 0, 0, 1, 2, 3, 4 }).reason());
		assertEquals(Reason.NOT_SUPPORTED, refused(new byte[0]).reason());
	}

	@Test
	void aTruncatedPdfIsDamagedOrDrawnButNeverHangs() {
		for (double f : new double[] { 0.1, 0.3, 0.5, 0.9 }) {
			byte[] cut = Hostile.truncated(f);
			assertTimeoutPreemptively(HANG, () -> {
				try {
					new SafeRenderer(RenderBudget.DEFAULT).render(cut, 0, 500, WANTED);
				} catch (CannotDisplay e) {
					assertTrue(e.reason() == Reason.DAMAGED || e.reason() == Reason.NO_PAGES, f + ": " + e.getMessage());
				}
			});
		}
	}

	@Test
	void aDecompressionBombIsRefusedBeforeItIsInflatedIntoMemory() {
		CannotDisplay e = refused(Hostile.flateBomb(400));
		assertEquals(Reason.TOO_MUCH_DATA, e.reason());
		assertEquals(RenderBudget.DEFAULT.memoryBytes(), e.limit());
		assertEquals(Reason.TOO_MUCH_DATA, refused(Hostile.doubleFlateBomb(1024)).reason());
	}

	@Test
	void memoryStaysBoundedWhileABombIsWeighed() {
		byte[] bomb = Hostile.doubleFlateBomb(1024); // 1 GB of content: the test JVM's whole heap
		long before = Allocation.total();
		assertEquals(Reason.TOO_MUCH_DATA, refused(bomb).reason());
		long allocated = Allocation.total() - before;
		assertTrue(allocated < RenderBudget.DEFAULT.memoryBytes(),
				"weighing a 1 GB bomb allocated " + (allocated >> 20) + " MB; the budget is 96 MB");
	}

	@Test
	void aPictureBeyondTheMemoryBudgetIsRefusedRatherThanDecoded() {
		// 3000 x 3000 RGB is 36 MB decoded: fine by default, refused under an 8 MB budget
		byte[] scan = Hostile.hugeImagePdf(3000, 3000);
		long before = Allocation.total();
		CannotDisplay e = refused(scan, RenderBudget.DEFAULT.withMemory(8L << 20));
		long allocated = Allocation.total() - before;
		assertEquals(Reason.TOO_MANY_PIXELS, e.reason());
		assertTrue(allocated < 8L << 20, "refusing allocated " + (allocated >> 20) + " MB");
		assertEquals(Reason.TOO_MANY_PIXELS, refused(Hostile.hugeImagePdf(100_000, 100_000)).reason());
	}

	@Test
	void imageBombsAreRefusedFromTheirHeadersAlone() {
		CannotDisplay png = refused(Hostile.pngBomb(50_000, 50_000));
		assertEquals(Reason.TOO_MANY_PIXELS, png.reason());
		assertEquals(RenderBudget.DEFAULT.maxImagePixels(), png.limit());
		assertEquals(Reason.TOO_MANY_PIXELS, refused(Hostile.jpegBomb(65_000, 65_000)).reason());
	}

	@Test
	void loopsInTheFileEndInAnAnswer() {
		assertTimeoutPreemptively(HANG, () -> {
			for (byte[] loop : new byte[][] { Hostile.xrefLoop(), Hostile.pageTreeLoop() }) {
				try {
					new SafeRenderer(RenderBudget.DEFAULT).render(loop, 0, 500, WANTED);
				} catch (CannotDisplay e) {
					assertTrue(e.reason() != Reason.CANCELLED && e.reason() != Reason.TOO_SLOW, e.getMessage());
				}
			}
		});
	}

	@Test
	void aFormThatShowsItselfOrNestsTooDeeplyIsTooComplex() {
		assertEquals(Reason.TOO_COMPLEX, refused(Hostile.selfShowingForm()).reason());
		assertEquals(Reason.TOO_COMPLEX, refused(Hostile.deepForms(200)).reason());
		assertEquals(Reason.TOO_COMPLEX, refused(Hostile.deepArrays(100_000)).reason());
	}

	@Test
	void realisticNestingIsDrawn() throws Exception {
		SafeRenderer.Picture p = new SafeRenderer(RenderBudget.DEFAULT).render(Hostile.deepForms(5), 0, 300, WANTED);
		assertEquals(300, p.width());
	}

	@Test
	void aHugePageCountIsRefusedNamingTheLimit() {
		CannotDisplay e = refused(Hostile.claimedPages(1_000_000_000L));
		assertEquals(Reason.TOO_MANY_PAGES, e.reason());
		assertEquals(50, e.limit());
		assertEquals(Reason.TOO_MANY_PAGES, refused(Hostile.pages(51)).reason());
	}

	@Test
	void aPasswordProtectedPdfIsEncrypted() throws Exception {
		assertEquals(Reason.ENCRYPTED, refused(encrypted()).reason());
	}

	@Test
	void aFileTooLargeForTheBudgetIsRefusedUnread() {
		byte[] big = new byte[(int) RenderBudget.DEFAULT.maxBytes() + 1];
		System.arraycopy("%PDF-1.7".getBytes(), 0, big, 0, 8);
		CannotDisplay e = refused(big);
		assertEquals(Reason.TOO_LARGE, e.reason());
		assertEquals(20L << 20, e.limit());
	}

	@Test
	void aPageTooSlowToDrawStopsAtTheTimeBudget() {
		byte[] slow = Hostile.slowPage(2_000_000);
		CannotDisplay e = refused(slow, RenderBudget.DEFAULT.withTime(Duration.ofMillis(300)));
		assertEquals(Reason.TOO_SLOW, e.reason());
		assertEquals(300, e.limit());
	}

	@Test
	void drawingStopsOnceTheCallerNoLongerWantsIt() {
		byte[] slow = Hostile.slowPage(2_000_000);
		long start = System.nanoTime();
		CannotDisplay e = assertTimeoutPreemptively(HANG, () -> assertThrows(CannotDisplay.class,
				() -> new SafeRenderer(RenderBudget.DEFAULT).render(slow, 0, 500, () -> System.nanoTime() - start > 200_000_000L)));
		assertEquals(Reason.CANCELLED, e.reason());
	}

	static byte[] encrypted() throws Exception {
		try (PDDocument doc = new PDDocument()) {
			doc.addPage(new PDPage());
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
			policy.setEncryptionKeyLength(128);
			doc.protect(policy);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
	}
}
