package org.miaopi.ui.tests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/** Hostile materials for the viewer's tests, written by hand so each lies exactly where it should. */
final class HostileFiles {

	private HostileFiles() {
	}

	private static byte[] pdf(List<String> objects) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
		StringBuilder xref = new StringBuilder();
		for (int i = 0; i < objects.size(); i++) {
			xref.append(String.format("%010d 00000 n \n", out.size())); //$NON-NLS-1$
			out.writeBytes(((i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
		}
		int at = out.size();
		out.writeBytes(("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n" + xref + "trailer\n<< /Size "
				+ (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + at + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
		return out.toByteArray();
	}

	private static String stream(String dict, byte[] data) {
		return "<< " + dict + " /Length " + data.length + " >>\nstream\n" + new String(data, StandardCharsets.ISO_8859_1) + "\nendstream";
	}

	private static List<String> onePage(String pageExtra) {
		return List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + pageExtra + " >>");
	}

	static byte[] plainPage() {
		List<String> o = new ArrayList<>(onePage("/Contents 4 0 R"));
		o.add(stream("", "0 0 m 500 700 l S".getBytes(StandardCharsets.ISO_8859_1)));
		return pdf(o);
	}

	static byte[] flateBomb(int megabytes) {
		List<String> o = new ArrayList<>(onePage("/Contents 4 0 R"));
		o.add(stream("/Filter /FlateDecode", deflate(megabytes)));
		return pdf(o);
	}

	static byte[] slowPage(int operators) {
		StringBuilder s = new StringBuilder(operators * 16);
		for (int i = 0; i < operators; i++) {
			s.append(i % 500).append(' ').append(i % 700).append(" m 1 1 l S\n");
		}
		List<String> o = new ArrayList<>(onePage("/Contents 4 0 R"));
		o.add(stream("/Filter /FlateDecode", deflate(s.toString().getBytes(StandardCharsets.ISO_8859_1))));
		return pdf(o);
	}

	static byte[] claimedPages(long count) {
		return pdf(List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count " + count + " >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"));
	}

	static byte[] selfShowingForm() {
		List<String> o = new ArrayList<>(onePage("/Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >>"));
		o.add(stream("", "/X Do".getBytes(StandardCharsets.ISO_8859_1)));
		o.add(stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /X 5 0 R >> >>",
				"/X Do".getBytes(StandardCharsets.ISO_8859_1)));
		return pdf(o);
	}

	static byte[] pngBomb(int w, int h) {
		byte[] b = new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0, 0, 0, 0, 0, 0, 0 };
		for (int i = 0; i < 4; i++) {
			b[16 + i] = (byte) (w >>> (24 - 8 * i));
			b[20 + i] = (byte) (h >>> (24 - 8 * i));
		}
		return b;
	}

	private static byte[] deflate(int megabytes) {
		byte[] chunk = new byte[1 << 20];
		Arrays.fill(chunk, (byte) ' ');
		Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buf = new byte[1 << 16];
		for (int i = 0; i < megabytes; i++) {
			d.setInput(chunk);
			while (!d.needsInput()) {
				out.write(buf, 0, d.deflate(buf));
			}
		}
		d.finish();
		while (!d.finished()) {
			out.write(buf, 0, d.deflate(buf));
		}
		d.end();
		return out.toByteArray();
	}

	private static byte[] deflate(byte[] data) {
		Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
		d.setInput(data);
		d.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buf = new byte[1 << 16];
		while (!d.finished()) {
			out.write(buf, 0, d.deflate(buf));
		}
		d.end();
		return out.toByteArray();
	}
}
