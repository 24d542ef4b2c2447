package org.miaopi.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The control: a plain PDF (no XMP metadata, no output intent, DeviceRGB paint) fails, and the
 * report names the rules, so a certificate that passes has really been checked.
 */
class ValidatorControlTest {

	@Test
	void plainPdfFailsWithTheRulesNamed() throws Exception {
		Path file = PdfA2b.write(Path.of(System.getProperty("miaopi.conformance.dir", "target/conformance"), "plain.pdf").toAbsolutePath(),
				plainPdf());
		PdfA2b.Report report = PdfA2b.validate(file);
		System.out.println("veraPDF on the control " + file + ": " + report.summary());
		assertFalse(report.compliant(), report::summary);
		// exactly what the file lacks (it is otherwise well formed): metadata, and an output intent for its DeviceRGB
		assertEquals(List.of("6.2.4.3-2", "6.6.2.1-1"), report.failures().stream().map(f -> f.clause() + "-" + f.test()).toList(),
				report::summary);
		String summary = report.summary();
		assertTrue(summary.contains("shall contain the Metadata key"), () -> "the rule's text is not listed: " + summary);
	}

	/** A one-page PDF 1.7 with a red square, written by hand with a correct cross-reference table. */
	static byte[] plainPdf() {
		String content = "1 0 0 rg 100 100 200 200 re f";
		String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>",
				"<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream" };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<Integer> offsets = new ArrayList<>();
		write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
		for (int i = 0; i < objects.length; i++) {
			offsets.add(out.size());
			write(out, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
		}
		int xref = out.size();
		StringBuilder x = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
		offsets.forEach(o -> x.append(String.format("%010d 00000 n \n", o)));
		String id = "<0123456789ABCDEF0123456789ABCDEF>";
		x.append("trailer\n<< /Size " + (objects.length + 1) + " /Root 1 0 R /ID [" + id + " " + id + "] >>\nstartxref\n" + xref + "\n%%EOF\n");
		write(out, x.toString());
		return out.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, String s) {
		out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
	}
}
