package org.miaopi.certificate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.itextpdf.barcodes.qrcode.ByteMatrix;
import com.itextpdf.barcodes.qrcode.QRCodeWriter;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;

/** The QR mark's rectangles cover exactly the dark modules of iText's QR encoding of the payload. */
class QrMarkTest {

	@Test
	void rectanglesCoverEveryDarkModuleOnceAndNoLightOne() throws Exception {
		String payload = "MIAOPI-CERT:1;no=MKT-2026-00000042;sha256=" + "0123456789abcdef".repeat(4); //$NON-NLS-1$ //$NON-NLS-2$
		ByteMatrix m = new QRCodeWriter().encode(payload, 1, 1, null);
		int w = m.getWidth();
		int h = m.getHeight();
		try (PdfDocument pdf = new PdfDocument(new PdfWriter(new ByteArrayOutputStream()))) {
			PdfFormXObject x = QrMark.of(payload, CertificateLayout.INK, pdf);
			assertEquals(w, (int) x.getWidth());
			String ops = new String(x.getPdfObject().getBytes(), StandardCharsets.ISO_8859_1);
			int[][] cover = new int[h][w];
			Matcher r = Pattern.compile("(?m)^(\\d+) (\\d+) (\\d+) (\\d+) re$").matcher(ops); //$NON-NLS-1$
			int rects = 0;
			while (r.find()) {
				int x0 = Integer.parseInt(r.group(1));
				int row = h - 1 - Integer.parseInt(r.group(2)); // PDF's y grows upwards, the matrix's rows downwards
				assertEquals(1, Integer.parseInt(r.group(4)));
				for (int dx = 0; dx < Integer.parseInt(r.group(3)); dx++) {
					cover[row][x0 + dx]++;
				}
				rects++;
			}
			assertTrue(rects > w, "one rectangle per run of dark modules, got " + rects + " in\n" + ops); //$NON-NLS-1$ //$NON-NLS-2$
			for (int y = 0; y < h; y++) {
				for (int c = 0; c < w; c++) {
					assertEquals(m.get(c, y) == 0 ? 1 : 0, cover[y][c], "module " + c + "," + y); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
			assertTrue(ops.strip().endsWith("f"), ops); //$NON-NLS-1$
		}
	}
}
