package org.miaopi.certificate.internal;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.canvas.PdfCanvasConstants.TextRenderingMode;

/**
 * Single lines of text at fixed positions on a certificate page: left, centred or right aligned,
 * "bold" simulated as iText's layout does (fill and stroke, stroke width 1/30 of the size, since
 * the CJK font has one weight), and long values shrunk to fit their box instead of wrapping.
 */
final class PageText {

	private static final float SMALLEST = 7;
	private final PdfCanvas canvas;
	private final PdfFont font;

	PageText(PdfCanvas canvas, PdfFont font) {
		this.canvas = canvas;
		this.font = font;
	}

	/** The size at which {@code text} fits {@code width}, at most {@code size}. */
	float fit(String text, float size, float width) {
		float w = font.getWidth(text, size);
		return w <= width ? size : Math.max(SMALLEST, size * width / w);
	}

	void left(String text, float size, Color color, boolean bold, float x, float baseline) {
		show(text, size, color, bold, 0, x, baseline);
	}

	void centre(String text, float size, Color color, boolean bold, float centre, float baseline) {
		show(text, size, color, bold, 0, centre - font.getWidth(text, size) / 2, baseline);
	}

	void right(String text, float size, Color color, float right, float baseline) {
		show(text, size, color, false, 0, right - font.getWidth(text, size), baseline);
	}

	/** Letter-spaced and centred (the spacing follows every glyph, the last one's too, as in layout). */
	void spaced(String text, float size, Color color, float spacing, float centre, float baseline) {
		float width = font.getWidth(text, size) + spacing * text.codePointCount(0, text.length());
		show(text, size, color, false, spacing, centre - width / 2, baseline);
	}

	/** "证照编号 No." in grey, then the number in bold ink, centred together. */
	void numberLine(String label, String number, float size, float centre, float baseline) {
		float lw = font.getWidth(label, size);
		float x = centre - (lw + font.getWidth(number, size)) / 2;
		show(label, size, CertificateLayout.GREY, false, 0, x, baseline);
		show(number, size, CertificateLayout.INK, true, 0, x + lw, baseline);
	}

	private void show(String text, float size, Color color, boolean bold, float spacing, float x, float baseline) {
		canvas.saveState().beginText().setFontAndSize(font, size).setFillColor(color);
		if (bold) {
			canvas.setStrokeColor(color).setLineWidth(size / 30).setTextRenderingMode(TextRenderingMode.FILL_STROKE);
		}
		if (spacing != 0) {
			canvas.setCharacterSpacing(spacing);
		}
		canvas.moveText(x, baseline).showText(text).endText().restoreState();
	}
}
