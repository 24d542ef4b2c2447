package org.miaopi.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal valid one-page PDF 1.4 files (Helvetica, ASCII text) with a correct cross-reference
 * table, so that any viewer opens them; small enough for 100,000 dossiers.
 */
public final class Pdfs {

	private Pdfs() {
	}

	public static byte[] page(List<String> lines) {
		StringBuilder content = new StringBuilder("BT /F1 12 Tf 72 770 Td 16 TL\n");
		for (String line : lines) {
			content.append('(').append(escape(line)).append(") Tj T*\n");
		}
		content.append("ET\n");
		List<String> objects = List.of(
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
						+ " /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + content.length() + " >>\nstream\n" + content + "endstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, "%PDF-1.4\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(out.size());
			write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
		}
		int xref = out.size();
		StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		for (int off : offsets) {
			x.append(String.format("%010d 00000 n \n", off));
		}
		x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
				.append(xref).append("\n%%EOF\n");
		write(out, x.toString());
		return out.toByteArray();
	}

	private static String escape(String s) {
		StringBuilder b = new StringBuilder();
		for (char c : s.toCharArray()) {
			if (c == '(' || c == ')' || c == '\\') {
				b.append('\\').append(c);
			} else if (c >= 32 && c < 127) {
				b.append(c);
			} else {
				b.append('?'); // Helvetica has no CJK glyphs; the demo text is ASCII
			}
		}
		return b.toString();
	}

	private static void write(ByteArrayOutputStream out, String s) {
		out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
	}
}
