package org.miaopi.materials;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType3CharProc;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.util.Matrix;
import org.miaopi.core.content.ImageHeaders;
import org.miaopi.core.content.MimeTypes;
import org.miaopi.materials.CannotDisplay.Reason;

/**
 * Draws one page of an applicant's file (PDF, PNG or JPEG) to a width, within a {@link RenderBudget}:
 * the file's size, its page count, the pictures' declared pixels and the data its page expands to are
 * checked before anything is decoded; decoded data are held within the memory budget; the work runs
 * on a thread of its own, stops at the time budget or when the caller gives up, and a picture is
 * drawn no larger than the budget's pixels. No display is needed: the viewer only shows the result.
 */
public final class SafeRenderer {

	/** A drawn page: {@code rgb} holds {@code width * height} pixels 0xRRGGBB, row by row. */
	public record Picture(int width, int height, int[] rgb, int index, int count) {
	}

	private static final float MIN_SCALE = 0.25f;
	/** Forms and Type 3 glyphs within one another: real documents nest a few levels. */
	static final int MAX_NESTING = 16;
	private static final String LOG_FACTORY = "org.apache.commons.logging.LogFactory"; //$NON-NLS-1$

	static {
		// PDFBox logs through commons-logging, whose slf4j bridge cannot load slf4j's SPI in this
		// runtime; unless the launcher chose otherwise, let it log through java.util.logging.
		if (System.getProperty(LOG_FACTORY) == null) {
			System.setProperty(LOG_FACTORY, "org.apache.commons.logging.impl.LogFactoryImpl"); //$NON-NLS-1$
		}
	}

	private final RenderBudget budget;

	public SafeRenderer(RenderBudget budget) {
		this.budget = budget;
	}

	/**
	 * Page {@code index} (0-based, kept within the document) drawn {@code widthPx} wide.
	 *
	 * @param cancelled asked now and then; once true the work stops with {@link Reason#CANCELLED}
	 * @throws CannotDisplay with the reason the material cannot be shown
	 */
	public Picture render(byte[] bytes, int index, int widthPx, BooleanSupplier cancelled) throws CannotDisplay {
		if (bytes.length > budget.maxBytes()) {
			throw new CannotDisplay(Reason.TOO_LARGE, budget.maxBytes(), bytes.length + " bytes");
		}
		Optional<String> type = MimeTypes.sniff(bytes);
		if (type.isEmpty()) {
			throw new CannotDisplay(Reason.NOT_SUPPORTED, null);
		}
		int width = Math.max(16, widthPx);
		if (MimeTypes.PDF.equals(type.get())) {
			return Guard.call(budget, cancelled, g -> pdf(g, bytes, index, width));
		}
		ImageHeaders.Dimensions d = ImageHeaders.of(bytes).orElseThrow(() -> new CannotDisplay(Reason.DAMAGED, "no header"));
		if (d.width() <= 0 || d.height() <= 0) {
			throw new CannotDisplay(Reason.DAMAGED, "no size");
		}
		if (d.pixels() > budget.maxImagePixels()) {
			throw new CannotDisplay(Reason.TOO_MANY_PIXELS, budget.maxImagePixels(), d.width() + " x " + d.height());
		}
		return Guard.call(budget, cancelled, g -> picture(bytes, width));
	}

	/** Opens a PDF with its decoded streams held in memory within the budget (nothing written to disk). */
	static PDDocument open(byte[] bytes, RenderBudget budget) throws IOException {
		return Loader.loadPDF(bytes, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(budget.memoryBytes()).streamCache);
	}

	private Picture pdf(Guard guard, byte[] bytes, int index, int widthPx) throws IOException, CannotDisplay {
		try (PDDocument doc = open(bytes, budget)) {
			guard.check();
			int count = doc.getNumberOfPages();
			if (count <= 0) {
				throw new CannotDisplay(Reason.NO_PAGES, null);
			}
			if (count > budget.maxPages()) {
				throw new CannotDisplay(Reason.TOO_MANY_PAGES, budget.maxPages(), count + " pages");
			}
			int i = Math.max(0, Math.min(index, count - 1));
			PDPage page = doc.getPage(i);
			PdfPreflight weigh = new PdfPreflight(guard);
			weigh.weigh(page.getCOSObject());
			if (page.getResources() != null) {
				weigh.weigh(page.getResources().getCOSObject());
			}
			PDRectangle box = page.getCropBox();
			boolean sideways = page.getRotation() % 180 != 0;
			float w = Math.max(1f, sideways ? box.getHeight() : box.getWidth());
			float h = Math.max(1f, sideways ? box.getWidth() : box.getHeight());
			float scale = Math.max(MIN_SCALE, Math.min(budget.maxScale(), widthPx / w));
			double pixels = (double) w * scale * h * scale;
			if (pixels > budget.maxOutputPixels()) {
				scale *= (float) Math.sqrt(budget.maxOutputPixels() / pixels); // an absurd page size is drawn smaller
			}
			PDFRenderer renderer = new GuardedRenderer(doc, guard);
			renderer.setSubsamplingAllowed(true);
			BufferedImage image = renderer.renderImage(i, scale, ImageType.RGB);
			return picture(image, i, count);
		}
	}

	private Picture picture(byte[] bytes, int widthPx) throws IOException, CannotDisplay {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
		if (image == null) {
			throw new CannotDisplay(Reason.DAMAGED, "not decodable");
		}
		if (image.getWidth() > widthPx) {
			int h = Math.max(1, (int) ((long) image.getHeight() * widthPx / image.getWidth()));
			BufferedImage small = new BufferedImage(widthPx, h, BufferedImage.TYPE_INT_RGB);
			var g = small.createGraphics();
			try {
				g.drawImage(image.getScaledInstance(widthPx, h, Image.SCALE_SMOOTH), 0, 0, null);
			} finally {
				g.dispose();
			}
			image = small;
		}
		return picture(image, 0, 1);
	}

	private static Picture picture(BufferedImage image, int index, int count) {
		int w = image.getWidth();
		int h = image.getHeight();
		int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
		for (int i = 0; i < rgb.length; i++) {
			rgb[i] &= 0xFFFFFF;
		}
		return new Picture(w, h, rgb, index, count);
	}

	/** PDFBox's renderer, asking the guard before every content operator (a page of a million operators stops in time). */
	private static final class GuardedRenderer extends PDFRenderer {
		private final Guard guard;

		GuardedRenderer(PDDocument doc, Guard guard) {
			super(doc);
			this.guard = guard;
		}

		@Override
		protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
			return new PageDrawer(parameters) {
				/** Forms and Type 3 glyphs being drawn inside one another. */
				private int nesting;

				@Override
				protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
					guard.check();
					super.processOperator(operator, operands);
				}

				@Override
				public void showForm(PDFormXObject form) throws IOException {
					enter();
					try {
						super.showForm(form);
					} finally {
						nesting--;
					}
				}

				@Override
				protected void processType3Stream(PDType3CharProc charProc, Matrix textRenderingMatrix) throws IOException {
					enter();
					try {
						super.processType3Stream(charProc, textRenderingMatrix);
					} finally {
						nesting--;
					}
				}

				/** A glyph that draws itself (or a form that shows itself) nests without end: refused at once. */
				private void enter() {
					if (++nesting > MAX_NESTING) {
						throw new Guard.Stop(new CannotDisplay(Reason.TOO_COMPLEX, MAX_NESTING, "nesting"));
					}
				}
			};
		}
	}
}
