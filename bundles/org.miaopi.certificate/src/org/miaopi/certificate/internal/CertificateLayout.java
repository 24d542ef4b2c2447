package org.miaopi.certificate.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

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
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
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
 * The page is drawn in two layers. What is the same on every certificate of one matter and one
 * issuing department (frame, titles, labels, rules, the matter, the department, the notes) is
 * drawn once into a {@link #template(CertificateContent) template}, a complete one-page PDF/A
 * document with its own subset font, kept in memory. Each certificate is that template opened
 * for an incremental update and {@link #fill(PdfDocument, CertificateContent) filled} with its
 * own layer: number, holder, ID, dates and QR code, in a second small font of only those glyphs.
 * Issuance fills the template in the signer's own revision, so a certificate is parsed and
 * written once. Text is drawn at fixed positions on the canvas ({@link PageText}), not through
 * iText's layout engine: the form never changes, and the layout engine was the largest cost.
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
	private static final String NUMBER_LABEL = "证照编号 No.  "; //$NON-NLS-1$
	private static final String[][] LABELS = { { "持 证 人", "Holder" }, { "证件号码", "ID / USCC" }, { "许可事项", "Matter" }, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			{ "发证机关", "Issuing department" }, { "有效期限", "Validity" }, { "发证日期", "Issue date" } }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	private static final String NOTE_ZH = "本证照由秒批系统签发并加盖电子印章，可使用 ./miaopi verify 核验。演示数据，不具法律效力。"; //$NON-NLS-1$
	private static final String NOTE_EN = "Issued and sealed by Miaopi; verify with ./miaopi verify. Demonstration data, no legal effect."; //$NON-NLS-1$
	private static final String QR_CAPTION = "扫码核验 Scan to verify"; //$NON-NLS-1$

	/** Every fixed text of the template, to choose its font before drawing (see {@link CjkFonts#create(PdfDocument, String)}). */
	private static final String STATIC_TEXT = "电 子 证 照ELECTRONIC LICENCE" + String.join("", flat(LABELS)) + QR_CAPTION + NOTE_ZH + NOTE_EN; //$NON-NLS-1$ //$NON-NLS-2$

	/** Templates by matter and department: few per desk, a few hundred KB each at most. */
	private static final Map<String, byte[]> TEMPLATES = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
			return size() > 64;
		}
	});

	static {
		ITextSetup.install();
	}

	private CertificateLayout() {
	}

	/** An unsealed certificate: the template filled in an incremental update (what issuance seals, for tests and the bench). */
	public static byte[] render(CertificateContent content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(template(content))), new PdfWriter(out, new WriterProperties().setCompressionLevel(CompressionConstants.BEST_SPEED)),
				new StampingProperties().useAppendMode())) {
			fill(pdf, content);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/**
	 * The page of every certificate of this content's matter and department, without the
	 * certificate's own layer: drawn on first use, then kept.
	 */
	public static byte[] template(CertificateContent content) {
		CertificateRequest r = content.request();
		String key = r.matterZh() + '\n' + r.matterEn() + '\n' + content.departmentName();
		byte[] t = TEMPLATES.get(key);
		if (t == null) {
			t = drawTemplate(r.matterZh(), r.matterEn(), content.departmentName());
			TEMPLATES.put(key, t);
		}
		return t;
	}

	private static byte[] drawTemplate(String matterZh, String matterEn, String departmentName) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		PdfOutputIntent intent = new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				new ByteArrayInputStream(SRGB));
		try (PdfDocument pdf = new PdfADocument(new PdfWriter(out, new WriterProperties().setCompressionLevel(CompressionConstants.BEST_SPEED)),
				PdfAConformance.PDF_A_2B, intent)) {
			String en = matterEn == null ? "" : matterEn; //$NON-NLS-1$
			PdfFont font = CjkFonts.create(pdf, STATIC_TEXT + matterZh + en + departmentName);
			pdf.getCatalog().setLang(new PdfString("zh-CN")); //$NON-NLS-1$
			PdfDocumentInfo info = pdf.getDocumentInfo();
			info.setTitle(matterZh);
			info.setAuthor(departmentName);
			info.setSubject("电子证照 Electronic licence"); //$NON-NLS-1$
			info.setCreator("Miaopi"); //$NON-NLS-1$
			PdfCanvas canvas = new PdfCanvas(pdf.addNewPage(PageSize.A4));
			frame(canvas);
			PageText t = new PageText(canvas, font);
			t.centre("电 子 证 照", 34, FRAME, true, CENTRE, 738); //$NON-NLS-1$
			t.spaced("ELECTRONIC LICENCE", 10, GREY, 3, CENTRE, 712); //$NON-NLS-1$
			t.centre(matterZh, t.fit(matterZh, 20, RIGHT - LEFT), INK, true, CENTRE, 680);
			if (!en.isBlank()) {
				t.centre(en, 10.5f, GREY, false, CENTRE, 662);
			}
			for (int i = 0; i < LABELS.length; i++) {
				float top = TABLE_TOP - i * ROW;
				t.left(LABELS[i][0], 12, INK, false, LEFT + 2, top - 18);
				t.left(LABELS[i][1], 7.5f, GREY, false, LEFT + 2, top - 29);
				canvas.saveState().setStrokeColor(RULE).setLineWidth(0.6f).moveTo(LEFT, top - ROW).lineTo(RIGHT, top - ROW).stroke().restoreState();
			}
			value(t, 2, matterZh, false);
			value(t, 3, departmentName, false);
			t.centre(QR_CAPTION, 8, GREY, false, 132, 150);
			// the issuer line under the seal
			t.right(departmentName, t.fit(departmentName, 12, 224), INK, RIGHT + 1, 227);
			t.centre(NOTE_ZH, 7.5f, GREY, false, CENTRE, 70);
			t.centre(NOTE_EN, 7.5f, GREY, false, CENTRE, 60);
		}
		return out.toByteArray();
	}

	/**
	 * Draws the certificate's own layer onto page 1 of a document opened from its
	 * {@link #template(CertificateContent) template}: number, holder, ID, validity, issue date and
	 * the QR code, and the number in the document information.
	 */
	public static void fill(PdfDocument pdf, CertificateContent content) {
		CertificateRequest r = content.request();
		String validity = zh(r.validFrom()) + " 至 " + zh(r.validUntil()); //$NON-NLS-1$
		String issued = zh(r.issueDate());
		PdfFont font = CjkFonts.create(pdf, NUMBER_LABEL + content.number() + r.holderName() + r.holderId() + validity + issued);
		PdfDocumentInfo info = pdf.getDocumentInfo();
		info.setTitle(r.matterZh() + " " + content.number()); //$NON-NLS-1$
		info.setMoreInfo(NUMBER_KEY, content.number());
		PdfPage page = pdf.getFirstPage();
		PdfCanvas canvas = new PdfCanvas(page.newContentStreamAfter(), page.getResources(), pdf);
		PageText t = new PageText(canvas, font);
		t.numberLine(NUMBER_LABEL, content.number(), 11, CENTRE, 638);
		value(t, 0, r.holderName(), true);
		value(t, 1, r.holderId(), false);
		value(t, 4, validity, false);
		value(t, 5, issued, false);
		t.right(issued, 12, INK, RIGHT + 1, 207);
		// the QR code: number and content digest, what a phone app checks against the register
		PdfFormXObject qr = QrMark.of(content.qrPayload(), INK, pdf);
		float scale = 104 / Math.max(qr.getWidth(), qr.getHeight());
		canvas.addXObjectFittedIntoRectangle(qr, new Rectangle(80, 164, qr.getWidth() * scale, qr.getHeight() * scale));
	}

	private static void value(PageText t, int row, String text, boolean bold) {
		t.left(text, t.fit(text, 13, RIGHT - VALUE_X - 2), INK, bold, VALUE_X, TABLE_TOP - row * ROW - 26);
	}

	private static String[] flat(String[][] rows) {
		return java.util.Arrays.stream(rows).flatMap(java.util.Arrays::stream).toArray(String[]::new);
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
