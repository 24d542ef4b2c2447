package org.miaopi.certificate.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import org.miaopi.certificate.CertificateContent;
import org.miaopi.certificate.CertificateRequest;

import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.CompressionConstants;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.pdfa.PdfADocument;

/**
 * The A4 layout of a certificate, written as PDF/A-2b (fonts embedded, sRGB output intent, XMP):
 * title, matter, number, a table of holder/matter/department/validity/issue date, the QR code
 * with the verification payload, and an empty place on the right where the seal is stamped by
 * the signature's appearance.
 * <p>
 * The page is drawn straight onto the canvas at fixed positions ({@link PageText}) rather than
 * through iText's layout engine: the form never changes, and the layout engine (paragraphs,
 * table widths, renderer trees) was the largest single cost of an issuance.
 */
public final class CertificateLayout {

	/** Where the seal's signature field goes on page 1 (the seal overlaps the issuer line, as a stamp does). */
	public static final Rectangle SEAL_RECT = new Rectangle(368, 136, 150, 150);
	/** Info dictionary key carrying the certificate number, read back by the verifier. */
	public static final String NUMBER_KEY = "MiaopiCertificateNumber"; //$NON-NLS-1$

	static final DeviceRgb INK = new DeviceRgb(0x22, 0x22, 0x22);
	static final DeviceRgb GREY = new DeviceRgb(0x66, 0x66, 0x66);
	static final DeviceRgb FRAME = new DeviceRgb(0x9B, 0x1B, 0x1B);
	static final DeviceRgb RULE = new DeviceRgb(0xCC, 0xB8, 0x8A);
	private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	private static final float LEFT = 72;
	private static final float RIGHT = 523;
	private static final float CENTRE = (LEFT + RIGHT) / 2;
	private static final float VALUE_X = LEFT + 146;
	private static final float ROW = 42;
	private static final float TABLE_TOP = 624;

	/** Every fixed text of the page, to choose the font before drawing (see {@link CjkFonts#create(PdfDocument, String)}). */
	private static final String STATIC_TEXT = "电 子 证 照ELECTRONIC LICENCE证照编号 No.持 证 人Holder证件号码ID / USCC许可事项Matter发证机关Issuing department" //$NON-NLS-1$
			+ "有效期限Validity 至 发证日期Issue date扫码核验 Scan to verify本证照由秒批系统签发并加盖电子印章，可使用 ./miaopi verify 核验。演示数据，不具法律效力。" //$NON-NLS-1$
			+ "Issued and sealed by Miaopi; verify with ./miaopi verify. Demonstration data, no legal effect."; //$NON-NLS-1$

	static {
		ITextSetup.install();
	}

	private CertificateLayout() {
	}

	public static byte[] render(CertificateContent content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		CertificateRequest r = content.request();
		PdfOutputIntent intent = new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				new ByteArrayInputStream(SRGB));
		try (PdfDocument pdf = new PdfADocument(new PdfWriter(out, new WriterProperties().setCompressionLevel(CompressionConstants.BEST_SPEED)),
				PdfAConformance.PDF_A_2B, intent)) {
			PdfFont font = CjkFonts.create(pdf, STATIC_TEXT + content.number() + r.holderName() + r.holderId() + r.matterZh() + r.matterEn()
					+ content.departmentName() + zh(r.validFrom()) + zh(r.validUntil()) + zh(r.issueDate()));
			pdf.getCatalog().setLang(new PdfString("zh-CN")); //$NON-NLS-1$
			PdfDocumentInfo info = pdf.getDocumentInfo();
			info.setTitle(r.matterZh() + " " + content.number()); //$NON-NLS-1$
			info.setAuthor(content.departmentName());
			info.setSubject("电子证照 Electronic licence"); //$NON-NLS-1$
			info.setCreator("Miaopi"); //$NON-NLS-1$
			info.setMoreInfo(NUMBER_KEY, content.number());
			PdfCanvas canvas = new PdfCanvas(pdf.addNewPage(PageSize.A4));
			frame(canvas);
			PageText t = new PageText(canvas, font);

			t.centre("电 子 证 照", 34, FRAME, true, CENTRE, 738); //$NON-NLS-1$
			t.spaced("ELECTRONIC LICENCE", 10, GREY, 3, CENTRE, 712); //$NON-NLS-1$
			t.centre(r.matterZh(), t.fit(r.matterZh(), 20, RIGHT - LEFT), INK, true, CENTRE, 680);
			if (r.matterEn() != null && !r.matterEn().isBlank()) {
				t.centre(r.matterEn(), 10.5f, GREY, false, CENTRE, 662);
			}
			t.numberLine("证照编号 No.  ", content.number(), 11, CENTRE, 638); //$NON-NLS-1$

			String[][] rows = { { "持 证 人", "Holder", r.holderName() }, { "证件号码", "ID / USCC", r.holderId() }, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					{ "许可事项", "Matter", r.matterZh() }, { "发证机关", "Issuing department", content.departmentName() }, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					{ "有效期限", "Validity", zh(r.validFrom()) + " 至 " + zh(r.validUntil()) }, { "发证日期", "Issue date", zh(r.issueDate()) } }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			for (int i = 0; i < rows.length; i++) {
				float top = TABLE_TOP - i * ROW;
				t.left(rows[i][0], 12, INK, false, LEFT + 2, top - 18);
				t.left(rows[i][1], 7.5f, GREY, false, LEFT + 2, top - 29);
				t.left(rows[i][2], t.fit(rows[i][2], 13, RIGHT - VALUE_X - 2), INK, i == 0, VALUE_X, top - 26);
				canvas.saveState().setStrokeColor(RULE).setLineWidth(0.6f).moveTo(LEFT, top - ROW).lineTo(RIGHT, top - ROW).stroke().restoreState();
			}

			// the QR code: number and content digest, what a phone app checks against the register
			PdfFormXObject qr = QrMark.of(content.qrPayload(), INK, pdf);
			float scale = 104 / Math.max(qr.getWidth(), qr.getHeight());
			canvas.addXObjectFittedIntoRectangle(qr, new Rectangle(80, 164, qr.getWidth() * scale, qr.getHeight() * scale));
			t.centre("扫码核验 Scan to verify", 8, GREY, false, 132, 150); //$NON-NLS-1$

			// the issuer line under the seal
			t.right(content.departmentName(), t.fit(content.departmentName(), 12, 224), INK, RIGHT + 1, 227);
			t.right(zh(r.issueDate()), 12, INK, RIGHT + 1, 207);

			t.centre("本证照由秒批系统签发并加盖电子印章，可使用 ./miaopi verify 核验。演示数据，不具法律效力。", 7.5f, GREY, false, CENTRE, 70); //$NON-NLS-1$
			t.centre("Issued and sealed by Miaopi; verify with ./miaopi verify. Demonstration data, no legal effect.", 7.5f, GREY, false, //$NON-NLS-1$
					CENTRE, 60);
		}
		return out.toByteArray();
	}

	private static void frame(PdfCanvas c) {
		Rectangle a4 = PageSize.A4;
		c.saveState().setStrokeColor(FRAME).setLineWidth(2.2f).rectangle(28, 28, a4.getWidth() - 56, a4.getHeight() - 56).stroke();
		c.setLineWidth(0.6f).rectangle(35, 35, a4.getWidth() - 70, a4.getHeight() - 70).stroke().restoreState();
	}

	static String zh(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
