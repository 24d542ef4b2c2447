package org.miaopi.materials.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.miaopi.materials.CannotDisplay;
import org.miaopi.materials.CannotDisplay.Reason;
import org.miaopi.materials.RenderBudget;
import org.miaopi.materials.SafeRenderer;

/**
 * Malformed PDFs from qpdf's and pdf.js's test suites (corpus/README.md says where each comes
 * from): each is drawn or refused with a reason a user can be told, never cancelled or left
 * hanging. Where the outcome is certain it is named; PDFBox repairs what it can, and a repaired
 * page may be drawn.
 */
class CorpusTest {

	/** The files whose outcome is known, with it (null: drawn). */
	private static final Map<String, Reason> EXPECTED = Map.ofEntries(
			Map.entry("qpdf-issue-147.pdf", Reason.NOT_SUPPORTED), // no PDF header at the start
			Map.entry("qpdf-issue-148.pdf", Reason.NOT_SUPPORTED),
			Map.entry("qpdf-issue-150.pdf", Reason.NOT_SUPPORTED),
			Map.entry("qpdf-enc-R6-user-password.pdf", Reason.ENCRYPTED),
			Map.entry("pdfjs-ContentStreamCycleType3insideType3.pdf", Reason.TOO_COMPLEX),
			Map.entry("pdfjs-REDHAT-1531897-0.pdf", Reason.DAMAGED),
			Map.entry("pdfjs-poppler-85140-0.pdf", Reason.NO_PAGES));

	static Stream<Arguments> corpus() {
		return Stream.of("qpdf-append-xref-loop.pdf", "qpdf-bad-xref.pdf", "qpdf-broken-lzw.pdf",
				"qpdf-enc-R6-user-password.pdf", "qpdf-issue-147.pdf", "qpdf-issue-148.pdf", "qpdf-issue-150.pdf",
				"qpdf-pages-loop.pdf", "pdfjs-ContentStreamCycleType3insideType3.pdf", "pdfjs-GHOSTSCRIPT-698804-1-fuzzed.pdf",
				"pdfjs-PDFBOX-4352-0.pdf", "pdfjs-Pages-tree-refs.pdf", "pdfjs-REDHAT-1531897-0.pdf",
				"pdfjs-operator_list_cycle.pdf", "pdfjs-poppler-85140-0.pdf", "pdfjs-poppler-937-0-fuzzed.pdf",
				"pdfjs-xref_command_missing.pdf").map(Arguments::of);
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void eachFileIsDrawnOrRefusedWithAReason(String name) throws IOException {
		byte[] bytes = read(name);
		Reason outcome = assertTimeoutPreemptively(SafeRendererTest.HANG, () -> {
			try {
				SafeRenderer.Picture p = new SafeRenderer(RenderBudget.DEFAULT).render(bytes, 0, 400, () -> false);
				assertEquals(p.width() * p.height(), p.rgb().length);
				return null;
			} catch (CannotDisplay e) {
				return e.reason();
			}
		});
		assertNotEquals(Reason.CANCELLED, outcome, name);
		assertNotEquals(Reason.TOO_SLOW, outcome, name + " must be answered before the time budget runs out");
		if (EXPECTED.containsKey(name)) {
			assertEquals(EXPECTED.get(name), outcome, name);
		}
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void everyFileIsListedWithItsOrigin(String name) throws IOException {
		assertTrue(new String(read("README.md"), java.nio.charset.StandardCharsets.UTF_8).contains(name), name);
	}

	static byte[] read(String name) throws IOException {
		try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/" + name)) {
			assertNotNull(in, name + " is in the corpus");
			return in.readAllBytes();
		}
	}
}
