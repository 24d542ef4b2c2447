package org.miaopi.certificate.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import org.miaopi.certificate.CertificateContent;
import org.miaopi.certificate.CertificateRequest;

import com.itextpdf.barcodes.BarcodeQRCode;
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
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;
import com.itextpdf.pdfa.PdfADocument;

/**
 * The A4 layout of a certificate, written as PDF/A-2b (fonts embedded, sRGB output intent, XMP):
 * title, matter, number, a table of holder/matter/department/validity/issue date, the QR code
 * with the verification payload, and an empty place on the right where the seal is stamped by
 * the signature's appearance.
 */
public final class CertificateLayout {

	/** Where the seal's signature field goes on page 1 (the seal overlaps the issuer line, as a stamp does). */
	public static final Rectangle SEAL_RECT = new Rectangle(368, 136, 150, 150);
	/** Info dictionary key carrying the certificate number, read back by the verifier. */
	public static final String NUMBER_KEY = "MiaopiCertificateNumber"; //$NON-NLS-1$

	private static final DeviceRgb INK = new DeviceRgb(0x22, 0x22, 0x22);
	private static final DeviceRgb GREY = new DeviceRgb(0x66, 0x66, 0x66);
	private static final DeviceRgb FRAME = new DeviceRgb(0x9B, 0x1B, 0x1B);
	private static final DeviceRgb RULE = new DeviceRgb(0xCC, 0xB8, 0x8A);
	private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	private CertificateLayout() {
	}

	public static byte[] render(CertificateContent content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		CertificateRequest r = content.request();
		PdfOutputIntent intent = new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				new ByteArrayInputStream(SRGB));
		try (PdfDocument pdf = new PdfADocument(new PdfWriter(out, new WriterProperties().setCompressionLevel(CompressionConstants.BEST_SPEED)),
				PdfAConformance.PDF_A_2B, intent); Document doc = new Document(pdf, PageSize.A4)) {
			PdfFont regular = CjkFonts.create(pdf);
			pdf.getCatalog().setLang(new PdfString("zh-CN")); //$NON-NLS-1$
			PdfDocumentInfo info = pdf.getDocumentInfo();
			info.setTitle(r.matterZh() + " " + content.number()); //$NON-NLS-1$
			info.setAuthor(content.departmentName());
			info.setSubject("电子证照 Electronic licence"); //$NON-NLS-1$
			info.setCreator("Miaopi"); //$NON-NLS-1$
			info.setMoreInfo(NUMBER_KEY, content.number());
			doc.setFont(regular).setFontColor(INK).setMargins(66, 72, 72, 72);
			PdfPage page = pdf.addNewPage();
			frame(new PdfCanvas(page));

			doc.add(new Paragraph("电 子 证 照").simulateBold().setFontSize(34).setFontColor(FRAME) //$NON-NLS-1$
					.setTextAlignment(TextAlignment.CENTER).setMarginBottom(0));
			doc.add(new Paragraph("ELECTRONIC LICENCE").setFontSize(10).setFontColor(GREY).setCharacterSpacing(3) //$NON-NLS-1$
					.setTextAlignment(TextAlignment.CENTER).setMarginTop(0).setMarginBottom(12));
			doc.add(new Paragraph(r.matterZh()).simulateBold().setFontSize(20).setTextAlignment(TextAlignment.CENTER).setMarginBottom(0));
			if (r.matterEn() != null && !r.matterEn().isBlank()) {
				doc.add(new Paragraph(r.matterEn()).setFontSize(10.5f).setFontColor(GREY).setTextAlignment(TextAlignment.CENTER).setMarginTop(0));
			}
			doc.add(new Paragraph().add(new Text("证照编号 No.  ").setFontColor(GREY)).add(new Text(content.number()).simulateBold()) //$NON-NLS-1$
					.setFontSize(11).setTextAlignment(TextAlignment.CENTER).setMarginTop(4).setMarginBottom(10));

			Table t = new Table(UnitValue.createPercentArray(new float[] { 32, 68 })).useAllAvailableWidth();
			row(t, "持 证 人", "Holder", r.holderName(), true); //$NON-NLS-1$ //$NON-NLS-2$
			row(t, "证件号码", "ID / USCC", r.holderId(), false); //$NON-NLS-1$ //$NON-NLS-2$
			row(t, "许可事项", "Matter", r.matterZh(), false); //$NON-NLS-1$ //$NON-NLS-2$
			row(t, "发证机关", "Issuing department", content.departmentName(), false); //$NON-NLS-1$ //$NON-NLS-2$
			row(t, "有效期限", "Validity", zh(r.validFrom()) + " 至 " + zh(r.validUntil()), false); //$NON-NLS-1$ //$NON-NLS-2$
			row(t, "发证日期", "Issue date", zh(r.issueDate()), false); //$NON-NLS-1$ //$NON-NLS-2$
			doc.add(t);

			// the QR code: number and content digest, what a phone app checks against the register
			BarcodeQRCode qr = new BarcodeQRCode(content.qrPayload());
			PdfFormXObject qrImage = qr.createFormXObject(INK, pdf);
			doc.add(new Image(qrImage).scaleToFit(104, 104).setFixedPosition(1, 80, 164));
			doc.add(new Paragraph("扫码核验 Scan to verify").setFontSize(8).setFontColor(GREY) //$NON-NLS-1$
					.setFixedPosition(1, 72, 146, 120).setTextAlignment(TextAlignment.CENTER));

			// the issuer line under the seal
			doc.add(new Paragraph(content.departmentName()).setFontSize(12).setFixedPosition(1, 300, 222, 224)
					.setTextAlignment(TextAlignment.RIGHT));
			doc.add(new Paragraph(zh(r.issueDate())).setFontSize(12).setFixedPosition(1, 300, 202, 224).setTextAlignment(TextAlignment.RIGHT));

			doc.add(new Paragraph("本证照由秒批系统签发并加盖电子印章，可使用 ./miaopi verify 核验。演示数据，不具法律效力。\n" //$NON-NLS-1$
					+ "Issued and sealed by Miaopi; verify with ./miaopi verify. Demonstration data, no legal effect.") //$NON-NLS-1$
					.setFontSize(7.5f).setFontColor(GREY).setFixedPosition(1, 72, 56, 451).setTextAlignment(TextAlignment.CENTER)
					.setMultipliedLeading(1.3f));
		}
		return out.toByteArray();
	}

	private static void row(Table t, String zh, String en, String value, boolean bold) {
		Cell label = new Cell().add(new Paragraph(zh).setFontSize(12).setMargin(0))
				.add(new Paragraph(en).setFontSize(7.5f).setFontColor(GREY).setMargin(0));
		Paragraph p = new Paragraph(value).setFontSize(13).setMargin(0);
		if (bold) {
			p.simulateBold();
		}
		Cell v = new Cell().add(p)
				.setVerticalAlignment(VerticalAlignment.MIDDLE);
		for (Cell c : new Cell[] { label, v }) {
			c.setBorder(Border.NO_BORDER).setBorderBottom(new SolidBorder(RULE, 0.6f)).setPaddingTop(7).setPaddingBottom(7);
			t.addCell(c);
		}
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
