package org.miaopi.seal;

import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.canvas.PdfCanvasConstants;

/**
 * The red seal image (印章), drawn as vector graphics: an outer ring, a five-pointed star in the
 * middle, the department's name set on the upper arc and the seal's use under the star. Vector
 * rather than a bitmap, so it prints sharp and cannot be lifted as a picture.
 */
public final class SealAppearance {

	/** The seal red (朱红), close to the official 印泥 colour. */
	public static final DeviceRgb SEAL_RED = new DeviceRgb(0xD4, 0x1F, 0x1F);

	private SealAppearance() {
	}

	/**
	 * Draws the seal centred at (cx, cy).
	 *
	 * @param name   the department's name set on the arc, e.g. 秒批示范区市场监督管理局
	 * @param bottom the line under the star, e.g. 电子证照专用章
	 * @param font   a font with the glyphs of both texts
	 */
	public static void draw(PdfCanvas canvas, float cx, float cy, float diameter, String name, String bottom, PdfFont font) {
		float r = diameter / 2;
		canvas.saveState();
		canvas.setStrokeColor(SEAL_RED).setFillColor(SEAL_RED);
		canvas.setLineWidth(r * 0.06f).circle(cx, cy, r * 0.95f).stroke();
		star(canvas, cx, cy, r * 0.27f);
		canvas.fill();
		// seal lettering is heavy: fill and stroke the glyphs (the font has no bold face)
		canvas.setTextRenderingMode(PdfCanvasConstants.TextRenderingMode.FILL_STROKE).setLineWidth(r * 0.008f);
		arcText(canvas, cx, cy, r * 0.68f, name, font, r * (name.length() > 12 ? 0.17f : name.length() > 9 ? 0.19f : 0.22f));
		if (bottom != null && !bottom.isEmpty()) {
			float size = r * 0.13f;
			float width = font.getWidth(bottom, size);
			canvas.beginText().setFontAndSize(font, size).moveText(cx - width / 2, cy - r * 0.52f).showText(bottom).endText();
		}
		canvas.restoreState();
	}

	private static void star(PdfCanvas canvas, float cx, float cy, float outer) {
		float inner = outer * 0.382f;
		for (int i = 0; i < 10; i++) {
			double a = Math.PI / 2 + i * Math.PI / 5;
			float rr = i % 2 == 0 ? outer : inner;
			float x = cx + (float) (rr * Math.cos(a));
			float y = cy + (float) (rr * Math.sin(a));
			if (i == 0) {
				canvas.moveTo(x, y);
			} else {
				canvas.lineTo(x, y);
			}
		}
		canvas.closePath();
	}

	/** One glyph at a time along the upper arc, each turned so its top points away from the centre. */
	private static void arcText(PdfCanvas canvas, float cx, float cy, float radius, String text, PdfFont font, float maxSize) {
		int[] cps = text.codePoints().toArray();
		int n = cps.length;
		if (n == 0) {
			return;
		}
		// the name spreads over up to 215 degrees, centred on the top, first glyph on the left; the
		// bottom stays free for the line under the star
		double span = Math.toRadians(Math.min(215, 20.0 * n));
		double step = n == 1 ? 0 : span / (n - 1);
		double start = Math.PI / 2 + span / 2;
		// long names get smaller glyphs, so neighbours keep a gap on the arc
		float size = n == 1 ? maxSize : Math.min(maxSize, (float) (radius * step * 0.8));
		for (int i = 0; i < n; i++) {
			String glyph = new String(cps, i, 1);
			double theta = start - i * step;
			double phi = theta - Math.PI / 2;
			float cos = (float) Math.cos(phi);
			float sin = (float) Math.sin(phi);
			float w = font.getWidth(glyph, size);
			float px = cx + (float) (radius * Math.cos(theta));
			float py = cy + (float) (radius * Math.sin(theta));
			// move from the glyph's centre to its origin: half a width back along the baseline and
			// about 0.38 em down (CJK glyphs sit a little above the baseline)
			float ox = px - cos * w / 2 + sin * size * 0.38f;
			float oy = py - sin * w / 2 - cos * size * 0.38f;
			canvas.beginText().setFontAndSize(font, size).setTextMatrix(cos, sin, -sin, cos, ox, oy).showText(glyph).endText();
		}
	}
}
