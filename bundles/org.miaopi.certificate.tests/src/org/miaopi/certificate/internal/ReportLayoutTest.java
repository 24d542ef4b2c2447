package org.miaopi.certificate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.miaopi.core.service.ReportSealer;

import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import com.itextpdf.kernel.pdf.canvas.parser.filter.TextRegionEventFilter;
import com.itextpdf.kernel.pdf.canvas.parser.listener.FilteredTextEventListener;
import com.itextpdf.kernel.pdf.canvas.parser.listener.LocationTextExtractionStrategy;

/**
 * A Chinese report's table: its heads and short values wrap between words, never a character a line,
 * however many columns hold long Latin text; the table starts below the seal's place on page 1.
 */
class ReportLayoutTest {

	private static final List<String> HEADS = List.of("审批人员", "环节已用", "承诺期限", "提前办结", "依据", "事实", "对象", "规则",
			"理由代码", "不符仍批", "办件", "决定时间");

	/** Twelve columns; all but the first two hold long codes without spaces, which take the width by length. */
	private static ReportSealer.Report report() {
		List<List<String>> rows = new ArrayList<>();
		for (int r = 0; r < 12; r++) {
			List<String> row = new ArrayList<>(List.of("林监察", "黄牌"));
			for (int c = 2; c < HEADS.size(); c++) {
				row.add("STAGE_OVERDUE|SZ20260814000002" + r + "|issue,STAGE_OVERDUE|SZ2026081400000" + c);
			}
			rows.add(row);
		}
		return new ReportSealer.Report("SR-1", "监察报告：预警与红黄牌", List.<String[]>of(new String[] { "统计期间", "2026-11-01 – 2026-12-04" }),
				HEADS, rows, "无", "第 {page} 页，共 {pages} 页", "监察报告专用章");
	}

	@Test
	void everyColumnIsAtLeastAsWideAsItsWidestChineseWord() throws Exception {
		ReportSealer.Report r = report();
		try (PdfDocument pdf = new PdfDocument(new com.itextpdf.kernel.pdf.PdfWriter(new java.io.ByteArrayOutputStream()))) {
			PdfFont font = CjkFonts.create(pdf);
			float size = ReportLayout.fontSize(r);
			float[] w = ReportLayout.widths(r, font, size, 770);
			float total = 0;
			for (int i = 0; i < w.length; i++) {
				total += w[i];
				assertTrue(w[i] >= font.getWidth(HEADS.get(i), size), HEADS.get(i) + ": " + w[i]);
			}
			assertTrue(w[0] >= font.getWidth("林监察", size) && w[1] >= font.getWidth("黄牌", size));
			assertEquals(770, total, 0.5, "the table fills the line");
		}
		// a Chinese word or short phrase stays whole; a sentence breaks anywhere; a dossier number stays whole
		List<String> words = ReportLayout.words("申报信息与共享数据不一致，已核对原件，予以通过 SZ202612040000018");
		assertEquals(List.of("，", "已核对原件", "，", "予以通过", "SZ202612040000018"), words.subList(12, words.size()));
		assertEquals("申", words.get(0));
	}

	@Test
	void theHeadsReadWholeAndTheTableStartsBelowTheSeal() throws Exception {
		byte[] bytes = ReportLayout.render(report(), "深圳市监察局");
		try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(bytes)))) {
			String page = PdfTextExtractor.getTextFromPage(pdf.getPage(1), new LocationTextExtractionStrategy());
			for (String head : HEADS) {
				assertTrue(page.contains(head), head + " is broken across lines:\n" + page);
			}
			String underSeal = PdfTextExtractor.getTextFromPage(pdf.getPage(1), new FilteredTextEventListener(
					new LocationTextExtractionStrategy(), new TextRegionEventFilter(ReportLayout.SEAL_RECT)));
			assertEquals("", underSeal.strip(), "text where the seal is stamped");
		}
	}
}
