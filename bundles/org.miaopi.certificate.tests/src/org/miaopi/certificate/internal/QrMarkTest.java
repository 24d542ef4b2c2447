package org.miaopi.certificate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.certificate.CertificateContent;
import org.miaopi.certificate.CertificateRequest;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;

/** The QR mark draws exactly the encoder's dark modules, and what is drawn scans back to the payload. */
class QrMarkTest {

	private static final int Q = QrMark.QUIET_ZONE;

	@Test
	void rectanglesCoverEveryDarkModuleOnceAndNoLightOne() throws Exception {
		String payload = payload(new Random(42));
		ByteMatrix m = QrMark.modules(payload);
		int[][] cover = drawn(payload);
		assertEquals(m.getWidth() + 2 * Q, cover.length);
		for (int y = 0; y < cover.length; y++) {
			for (int x = 0; x < cover.length; x++) {
				boolean inCode = x >= Q && y >= Q && x < Q + m.getWidth() && y < Q + m.getHeight();
				int dark = inCode && m.get(x - Q, y - Q) == 1 ? 1 : 0;
				assertEquals(dark, cover[y][x], "module " + x + "," + y); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
	}

	/** The fixed mask must not cost readability: fifty random payloads, drawn, each read back by ZXing's reader. */
	@Test
	void drawnCodesDecodeToTheirPayloads() throws Exception {
		Random random = new Random(7);
		for (int i = 0; i < 50; i++) {
			String payload = payload(random);
			int[][] cover = drawn(payload);
			int scale = 4;
			BufferedImage image = new BufferedImage(cover.length * scale, cover.length * scale, BufferedImage.TYPE_INT_RGB);
			for (int y = 0; y < image.getHeight(); y++) {
				for (int x = 0; x < image.getWidth(); x++) {
					image.setRGB(x, y, cover[y / scale][x / scale] > 0 ? 0x000000 : 0xFFFFFF);
				}
			}
			assertEquals(payload, decode(image), "payload " + i); //$NON-NLS-1$
		}
	}

	/** The code on a rendered certificate page scans, as a phone would read the printed licence. */
	@Test
	void theCodeOnARenderedCertificateScans(@TempDir Path dir) throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftoppm")), "pdftoppm (poppler-utils) is not installed"); //$NON-NLS-1$ //$NON-NLS-2$
		LocalDate day = LocalDate.of(2026, 11, 23);
		CertificateContent content = new CertificateContent("MKT-2026-00000042", new CertificateRequest("深圳市秒批示范餐饮管理有限公司", //$NON-NLS-1$ //$NON-NLS-2$
				"91440300MA5G8XYZ1K", "食品经营许可证", "Food Business Licence", "MKT", day, day.plusYears(5).minusDays(1), day), "秒批示范区市场监督管理局"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		Path pdf = dir.resolve("certificate.pdf"); //$NON-NLS-1$
		Files.write(pdf, CertificateLayout.render(content));
		Process p = new ProcessBuilder("/usr/bin/pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", pdf.toString(), dir.resolve("page").toString()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
				.redirectErrorStream(true).start();
		assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		assertEquals(content.qrPayload(), decode(ImageIO.read(dir.resolve("page.png").toFile()))); //$NON-NLS-1$
	}

	private static String payload(Random random) {
		byte[] digest = new byte[32];
		random.nextBytes(digest);
		return "MIAOPI-CERT:1;no=MKT-2026-" + String.format("%08d", random.nextInt(100_000_000)) + ";sha256=" + HexFormat.of().formatHex(digest); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** How often each module (row, column from the top left, quiet zone included) is covered by a drawn rectangle. */
	private static int[][] drawn(String payload) throws Exception {
		try (PdfDocument pdf = new PdfDocument(new PdfWriter(new ByteArrayOutputStream()))) {
			PdfFormXObject x = QrMark.of(payload, CertificateLayout.INK, pdf);
			int side = (int) x.getWidth();
			assertEquals(side, (int) x.getHeight());
			String ops = new String(x.getPdfObject().getBytes(), StandardCharsets.ISO_8859_1);
			assertTrue(ops.strip().endsWith("f"), ops); //$NON-NLS-1$
			int[][] cover = new int[side][side];
			Matcher r = Pattern.compile("(?m)^(\\d+) (\\d+) (\\d+) (\\d+) re$").matcher(ops); //$NON-NLS-1$
			int rects = 0;
			while (r.find()) {
				int x0 = Integer.parseInt(r.group(1));
				int row = side - 1 - Integer.parseInt(r.group(2)); // PDF's y grows upwards, rows downwards
				assertEquals(1, Integer.parseInt(r.group(4)));
				for (int dx = 0; dx < Integer.parseInt(r.group(3)); dx++) {
					cover[row][x0 + dx]++;
				}
				rects++;
			}
			assertTrue(rects > side / 2, "one rectangle per run of dark modules, got " + rects + " in\n" + ops); //$NON-NLS-1$ //$NON-NLS-2$
			return cover;
		}
	}

	private static String decode(BufferedImage image) throws Exception {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
	}
}
