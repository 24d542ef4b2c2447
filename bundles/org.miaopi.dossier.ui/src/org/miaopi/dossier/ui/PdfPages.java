package org.miaopi.dossier.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/**
 * PDF pages as SWT image data, rendered by Apache PDFBox (no AWT window is involved): for the desk's
 * own certificates. Applicants' materials are drawn by {@link org.miaopi.materials.SafeRenderer}.
 */
public final class PdfPages {

	private static final String LOG_FACTORY = "org.apache.commons.logging.LogFactory"; //$NON-NLS-1$

	/** A rendered page and the document's page count. */
	public record Page(ImageData image, int index, int count) {
	}

	static {
		// PDFBox logs through commons-logging, whose slf4j bridge cannot load slf4j's SPI in this
		// runtime; unless the launcher chose otherwise, let it log through java.util.logging.
		if (System.getProperty(LOG_FACTORY) == null) {
			System.setProperty(LOG_FACTORY, "org.apache.commons.logging.impl.LogFactoryImpl"); //$NON-NLS-1$
		}
	}

	private PdfPages() {
	}

	/** Renders page {@code index} (0-based) at {@code dpi}. */
	public static Page render(byte[] pdf, int index, float dpi) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			int count = doc.getNumberOfPages();
			if (count == 0) {
				throw new IOException("the PDF has no pages"); //$NON-NLS-1$
			}
			int i = Math.max(0, Math.min(index, count - 1));
			BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(i, dpi, ImageType.RGB);
			return new Page(toImageData(image), i, count);
		}
	}

	static ImageData toImageData(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
		int[] row = new int[w];
		for (int y = 0; y < h; y++) {
			image.getRGB(0, y, w, 1, row, 0, w);
			data.setPixels(0, y, w, row, 0);
		}
		return data;
	}
}
