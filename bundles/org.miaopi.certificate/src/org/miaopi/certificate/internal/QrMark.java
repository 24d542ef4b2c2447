package org.miaopi.certificate.internal;

import java.nio.charset.StandardCharsets;

import com.itextpdf.barcodes.exceptions.WriterException;
import com.itextpdf.barcodes.qrcode.ByteMatrix;
import com.itextpdf.barcodes.qrcode.QRCodeWriter;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfOutputStream;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;

/**
 * The QR code as a form XObject, module for module what iText's BarcodeQRCode draws (same encoder,
 * same matrix, one unit per module, same bounding box), but each run of dark modules in a row is
 * one rectangle instead of one per module: a third of the path operators to write and compress.
 */
final class QrMark {

	private static final byte[] RE = "re\n".getBytes(StandardCharsets.ISO_8859_1); //$NON-NLS-1$

	private QrMark() {
	}

	static PdfFormXObject of(String payload, Color ink, PdfDocument pdf) {
		ByteMatrix m;
		try {
			m = new QRCodeWriter().encode(payload, 1, 1, null);
		} catch (WriterException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
		int width = m.getWidth();
		int height = m.getHeight();
		byte[][] rows = m.getArray();
		PdfFormXObject x = new PdfFormXObject(new Rectangle(width, height));
		PdfCanvas c = new PdfCanvas(x, pdf).setFillColor(ink);
		// the same "x y w h re" operators PdfCanvas.rectangle writes, but as integers: its double
		// formatting was most of the drawing time, and every coordinate here is a whole module
		PdfOutputStream ops = c.getContentStream().getOutputStream();
		for (int y = 0; y < height; y++) {
			byte[] row = rows[y];
			int x0 = 0;
			while (x0 < width) {
				if (row[x0] != 0) { // 0 is a dark module, as in BarcodeQRCode
					x0++;
					continue;
				}
				int x1 = x0;
				while (x1 < width && row[x1] == 0) {
					x1++;
				}
				ops.writeInteger(x0).writeSpace().writeInteger(height - y - 1).writeSpace().writeInteger(x1 - x0).writeSpace().writeInteger(1).writeSpace()
						.writeBytes(RE);
				x0 = x1;
			}
		}
		c.fill();
		return x;
	}
}
