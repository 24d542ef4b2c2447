package org.miaopi.certificate.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.miaopi.core.service.ReportSealer;

import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;
import com.itextpdf.pdfa.PdfADocument;

/**
 * A report as PDF/A-2b (fonts embedded, sRGB output intent, XMP), A4 landscape: the title, the heading
 * lines (period, scope, who exported it and when), the table with its header repeated on each page, or
 * the words saying it is empty, and each page's foot. The seal is stamped at {@link #SEAL_RECT} on page 1,
 * beside the heading, by the signature's appearance. Unlike a certificate, a report's length is not
 * known in advance, so iText's layout engine lays it out.
 */
public final class ReportLayout {

	/** Info dictionary key carrying the report's id, read back by the verifier. */
	public static final String REPORT_KEY = "MiaopiReport"; //$NON-NLS-1$
	/** Where the seal goes on page 1: right of the heading lines. */
	public static final Rectangle SEAL_RECT = new Rectangle(660, 405, 120, 120);

	private static final PageSize PAGE = PageSize.A4.rotate();
	private static final float MARGIN = 36;
	private static final DeviceRgb INK = new DeviceRgb(0x22, 0x22, 0x22);
	private static final DeviceRgb GREY = new DeviceRgb(0x66, 0x66, 0x66);
	private static final DeviceRgb HEAD = new DeviceRgb(0xF1, 0xEA, 0xDA);
	private static final DeviceRgb RULE = new DeviceRgb(0xCC, 0xB8, 0x8A);
	private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	static {
		ITextSetup.install();
	}

	private ReportLayout() {
	}

	/** The unsealed report; {@code departmentName} is the sealing department, named as the document's author. */
	public static byte[] render(ReportSealer.Report r, String departmentName) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		PdfOutputIntent intent = new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				new ByteArrayInputStream(SRGB));
		try (PdfDocument pdf = new PdfADocument(new PdfWriter(out, new WriterProperties()), PdfAConformance.PDF_A_2B, intent)) {
			pdf.getCatalog().setLang(new PdfString("zh-CN")); //$NON-NLS-1$
			PdfDocumentInfo info = pdf.getDocumentInfo();
			info.setTitle(r.title());
			info.setAuthor(departmentName);
			info.setSubject(r.title() + " " + r.id()); //$NON-NLS-1$
			info.setCreator("Miaopi"); //$NON-NLS-1$
			info.setMoreInfo(REPORT_KEY, r.id());
			PdfFont font = CjkFonts.create(pdf); // the full font: rows hold any name an applicant or officer has
			Document doc = new Document(pdf, PAGE, false);
			doc.setFont(font).setFontColor(INK).setMargins(MARGIN, MARGIN, MARGIN + 14, MARGIN);
			doc.add(new Paragraph(r.title()).setFontSize(18).simulateBold().setMarginBottom(6));
			Table heading = new Table(UnitValue.createPointArray(new float[] { 110, 440 })).setMarginBottom(14);
			for (String[] line : r.heading()) {
				heading.addCell(plain(line[0], 9.5f).setFontColor(GREY));
				heading.addCell(plain(line[1], 9.5f));
			}
			doc.add(heading);
			if (r.rows().isEmpty()) {
				doc.add(new Paragraph(r.empty()).setFontSize(12).simulateBold().setMarginTop(60).setTextAlignment(TextAlignment.LEFT));
			} else {
				doc.add(table(r));
			}
			doc.flush();
			int pages = pdf.getNumberOfPages();
			for (int p = 1; p <= pages; p++) {
				String foot = r.footer().replace("{page}", Integer.toString(p)).replace("{pages}", Integer.toString(pages)); //$NON-NLS-1$ //$NON-NLS-2$
				doc.showTextAligned(new Paragraph(foot).setFontSize(7.5f).setFontColor(GREY), PAGE.getWidth() / 2, MARGIN - 8, p,
						TextAlignment.CENTER, VerticalAlignment.BOTTOM, 0);
			}
			doc.close();
		}
		return out.toByteArray();
	}

	private static Table table(ReportSealer.Report r) {
		List<String> cols = r.columns();
		float size = cols.size() > 10 ? 7 : 8;
		// fixed: the columns keep their share and long words wrap inside them, never past the page's edge
		Table t = new Table(UnitValue.createPercentArray(widths(r))).useAllAvailableWidth().setFixedLayout();
		for (String c : cols) {
			t.addHeaderCell(new Cell().add(new Paragraph(c).setFontSize(size).simulateBold()).setBackgroundColor(HEAD)
					.setBorder(new SolidBorder(RULE, 0.5f)).setPadding(2));
		}
		for (List<String> row : r.rows()) {
			for (String v : row) {
				t.addCell(new Cell().add(new Paragraph(v).setFontSize(size)).setBorder(new SolidBorder(RULE, 0.5f)).setPadding(2));
			}
		}
		return t;
	}

	/**
	 * Columns share the width by the length of what they hold (the first 200 rows; a Chinese character
	 * is two Latin ones wide), at least a short code's width and at most a sentence's.
	 */
	private static float[] widths(ReportSealer.Report r) {
		int n = r.columns().size();
		float[] w = new float[n];
		for (int i = 0; i < n; i++) {
			float longest = width(r.columns().get(i));
			for (List<String> row : r.rows().subList(0, Math.min(200, r.rows().size()))) {
				longest = Math.max(longest, width(row.get(i)));
			}
			w[i] = Math.max(7, Math.min(60, longest));
		}
		return w;
	}

	private static float width(String s) {
		return (float) s.codePoints().mapToDouble(c -> c < 0x2E80 ? 1 : 2).sum();
	}

	private static Cell plain(String text, float size) {
		return new Cell().add(new Paragraph(text).setFontSize(size)).setBorder(com.itextpdf.layout.borders.Border.NO_BORDER).setPadding(1);
	}
}
