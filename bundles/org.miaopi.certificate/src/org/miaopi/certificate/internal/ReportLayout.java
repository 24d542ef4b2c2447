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
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.element.Text;
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
				clearOfTheSeal(doc);
				doc.add(table(r, font));
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

	private static Table table(ReportSealer.Report r, PdfFont font) {
		List<String> cols = r.columns();
		float size = fontSize(r);
		// fixed: each column keeps the width measured for it, and long text wraps inside it, never past the page's edge
		// (iText keeps a fixed layout only for a table whose own width is set; else it lays out by content again)
		float line = PAGE.getWidth() - 2 * MARGIN;
		Table t = new Table(UnitValue.createPointArray(widths(r, font, size, line))).setWidth(line).setFixedLayout();
		for (String c : cols) {
			t.addHeaderCell(new Cell().add(new Paragraph(c).setFontSize(size).simulateBold()).setBackgroundColor(HEAD)
					.setBorder(new SolidBorder(RULE, 0.5f)).setPadding(PAD));
		}
		for (List<String> row : r.rows()) {
			for (String v : row) {
				t.addCell(new Cell().add(value(v, size)).setBorder(new SolidBorder(RULE, 0.5f)).setPadding(PAD));
			}
		}
		return t;
	}

	/** A cell's text; its lines after the first in small print (a rule's code under its name). */
	private static Paragraph value(String v, float size) {
		int nl = v.indexOf('\n');
		if (nl < 0) {
			return new Paragraph(v).setFontSize(size);
		}
		return new Paragraph().add(new Text(v.substring(0, nl))).add(new Text(v.substring(nl)).setFontSize(size - 1.5f).setFontColor(GREY))
				.setFontSize(size);
	}

	static float fontSize(ReportSealer.Report r) {
		return r.columns().size() > 10 ? 7 : 8;
	}

	/**
	 * The columns' widths in points, measured with the report's font (the head and the first 200 rows).
	 * Each column is at least as wide as the widest piece of its text a line should not break inside (its
	 * head, a Chinese word such as 审批人员, a dossier number: {@link #words}), so Chinese heads and values
	 * wrap between words, never one character a line; the width left over goes to the columns whose text
	 * is longer than that, in proportion to what they lack (an evidence sentence wraps in its column).
	 */
	static float[] widths(ReportSealer.Report r, PdfFont font, float size, float available) {
		int n = r.columns().size();
		float[] least = new float[n];
		float[] want = new float[n];
		List<List<String>> rows = r.rows().subList(0, Math.min(200, r.rows().size()));
		for (int i = 0; i < n; i++) {
			// the head is set in simulated bold, a little wider than its glyphs
			least[i] = longestWord(font, size, r.columns().get(i)) * 1.05f;
			want[i] = Math.min(LONGEST_LINE, lineWidth(font, size, r.columns().get(i)) * 1.05f);
			for (List<String> row : rows) {
				least[i] = Math.max(least[i], longestWord(font, size, row.get(i)));
				want[i] = Math.max(want[i], Math.min(LONGEST_LINE, lineWidth(font, size, row.get(i))));
			}
			least[i] += 2 * PAD + 2;
			want[i] = Math.max(want[i] + 2 * PAD + 2, least[i]);
		}
		float sumLeast = sum(least);
		float sumWant = sum(want);
		float[] w = new float[n];
		for (int i = 0; i < n; i++) {
			if (sumLeast >= available) {
				w[i] = least[i] * available / sumLeast; // more columns than the page holds: each shrinks alike
			} else if (sumWant <= available) {
				w[i] = want[i] * available / sumWant;
			} else {
				w[i] = least[i] + (available - sumLeast) * (want[i] - least[i]) / (sumWant - sumLeast);
			}
		}
		return w;
	}

	/** The longest run a line should keep whole: a Latin word up to 24 letters, a Chinese word up to 6 characters. */
	private static final int LATIN_WORD = 24;
	private static final int CJK_WORD = 6;
	/** A column never asks for more than this much of the line (points): longer text wraps. */
	private static final float LONGEST_LINE = 260;
	private static final float PAD = 2;

	/**
	 * The pieces of {@code s} a line should not break inside: runs between spaces, Chinese punctuation and
	 * changes between Chinese and Latin script; a Chinese run of more than {@link #CJK_WORD} characters
	 * (a sentence, not a word) and a Latin run of more than {@link #LATIN_WORD} letters break anywhere.
	 */
	static List<String> words(String s) {
		List<String> out = new java.util.ArrayList<>();
		StringBuilder run = new StringBuilder();
		int kind = -1;
		for (int i = 0; i < s.length();) {
			int c = s.codePointAt(i);
			i += Character.charCount(c);
			int k = Character.isWhitespace(c) || isCjkPunctuation(c) ? 0 : isCjk(c) ? 2 : 1;
			if (k != kind && run.length() > 0) {
				piece(out, run.toString(), kind);
				run.setLength(0);
			}
			kind = k;
			if (k != 0) {
				run.appendCodePoint(c);
			} else if (!Character.isWhitespace(c)) {
				out.add(new String(Character.toChars(c)));
			}
		}
		if (run.length() > 0) {
			piece(out, run.toString(), kind);
		}
		return out;
	}

	private static void piece(List<String> out, String run, int kind) {
		int limit = kind == 2 ? CJK_WORD : LATIN_WORD;
		if (run.codePointCount(0, run.length()) <= limit) {
			out.add(run);
		} else {
			run.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
		}
	}

	static boolean isCjk(int c) {
		Character.UnicodeScript s = Character.UnicodeScript.of(c);
		return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
				|| s == Character.UnicodeScript.HANGUL;
	}

	private static boolean isCjkPunctuation(int c) {
		return c >= 0x3000 && c <= 0x303F || c >= 0xFF00 && c <= 0xFF0F || c >= 0xFF1A && c <= 0xFF20 || c == 0xFF08 || c == 0xFF09;
	}

	private static float longestWord(PdfFont font, float size, String text) {
		float most = 0;
		for (String line : text.split("\n")) {
			for (String word : words(line)) {
				most = Math.max(most, font.getWidth(word, size));
			}
		}
		return most;
	}

	private static float lineWidth(PdfFont font, float size, String text) {
		float most = 0;
		for (String line : text.split("\n")) {
			most = Math.max(most, font.getWidth(line, size));
		}
		return most;
	}

	private static float sum(float[] a) {
		float s = 0;
		for (float f : a) {
			s += f;
		}
		return s;
	}

	/** The table begins below the seal stamped beside the heading on page 1, never under it. */
	private static void clearOfTheSeal(Document doc) {
		float top = doc.getRenderer().getCurrentArea().getBBox().getTop();
		float clear = SEAL_RECT.getBottom() - 4;
		if (top > clear) {
			doc.add(new Div().setHeight(top - clear).setMargin(0));
		}
	}

	private static Cell plain(String text, float size) {
		return new Cell().add(new Paragraph(text).setFontSize(size)).setBorder(com.itextpdf.layout.borders.Border.NO_BORDER).setPadding(1);
	}
}
