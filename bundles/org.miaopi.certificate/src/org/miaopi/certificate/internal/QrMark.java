package org.miaopi.certificate.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;

/**
 * The QR code as a form XObject: one unit per module, a quiet zone of four modules around it, and
 * each run of dark modules in a row drawn as one rectangle.
 * <p>
 * Encoded by ZXing at error correction level M (15 % of the code may be lost: a printed licence
 * gets folded and stained; at level L ZXing's own reader missed 3 of 600 perfect images of our
 * payloads, at M none) with mask pattern 2. An encoder normally tries all eight masks and keeps
 * the one with the lowest penalty (large blocks, finder-like runs); that trial was half of a
 * certificate's own drawing time. Every payload here is the same prefix, a number and a SHA-256
 * digest in hex, so the trial's answer hardly varies: over 500 random payloads at level M, mask 2
 * had the lowest penalty 491 times and was on average 0.0 % above the lowest (every other mask
 * was 30 % or more above). Tests decode the drawn code.
 */
final class QrMark {

	/** Modules of white around the code, as the QR specification asks. */
	static final int QUIET_ZONE = 4;
	static final int MASK = 2;
	private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.QR_MASK_PATTERN, MASK);
	private static final byte[] ONE_RE = "1 re\n".getBytes(StandardCharsets.ISO_8859_1); //$NON-NLS-1$

	private QrMark() {
	}

	/** The modules of {@code payload}'s code, 1 for dark, without the quiet zone. */
	static ByteMatrix modules(String payload) {
		try {
			return Encoder.encode(payload, ErrorCorrectionLevel.M, HINTS).getMatrix();
		} catch (WriterException e) {
			throw new IllegalArgumentException("cannot encode the QR payload: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	static PdfFormXObject of(String payload, Color ink, PdfDocument pdf) {
		ByteMatrix m = modules(payload);
		int width = m.getWidth();
		int height = m.getHeight();
		int side = width + 2 * QUIET_ZONE;
		PdfFormXObject x = new PdfFormXObject(new Rectangle(side, height + 2 * QUIET_ZONE));
		PdfCanvas c = new PdfCanvas(x, pdf).setFillColor(ink);
		// the same "x y w h re" operators PdfCanvas.rectangle writes, but as integers written into one
		// buffer: its double formatting (and a call per token) was most of the drawing time, and every
		// coordinate here is a whole module
		java.io.ByteArrayOutputStream ops = new java.io.ByteArrayOutputStream(16 * width * height / 4);
		byte[][] rows = m.getArray();
		for (int y = 0; y < height; y++) {
			byte[] row = rows[y];
			int baseline = QUIET_ZONE + height - y - 1; // PDF's y grows upwards, the matrix's rows downwards
			int x0 = 0;
			while (x0 < width) {
				if (row[x0] != 1) {
					x0++;
					continue;
				}
				int x1 = x0;
				while (x1 < width && row[x1] == 1) {
					x1++;
				}
				number(ops, QUIET_ZONE + x0);
				number(ops, baseline);
				number(ops, x1 - x0);
				ops.writeBytes(ONE_RE);
				x0 = x1;
			}
		}
		c.getContentStream().getOutputStream().writeBytes(ops.toByteArray());
		c.fill();
		return x;
	}

	/** {@code n} (0 ≤ n < 1000: a module coordinate) and a space, in ASCII. */
	private static void number(java.io.ByteArrayOutputStream out, int n) {
		if (n >= 100) {
			out.write('0' + n / 100);
		}
		if (n >= 10) {
			out.write('0' + n / 10 % 10);
		}
		out.write('0' + n % 10);
		out.write(' ');
	}
}
