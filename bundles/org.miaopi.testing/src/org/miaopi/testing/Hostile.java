package org.miaopi.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hostile files made on the spot: PDFs written object by object (so each can lie exactly where a
 * test wants it to), and pictures whose headers claim absurd sizes.
 */
public final class Hostile {

	private Hostile() {
	}

	/** A PDF of the given objects (numbered from 1; object 1 the catalog) with a correct xref table. */
	public static byte[] pdf(List<byte[]> objects) {
		return pdf(objects, "");
	}

	/** As {@link #pdf(List)}, with {@code trailerExtra} added to the trailer dictionary. */
	public static byte[] pdf(List<byte[]> objects, String trailerExtra) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, "%PDF-1.7\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(out.size());
			write(out, (i + 1) + " 0 obj\n");
			out.writeBytes(objects.get(i));
			write(out, "\nendobj\n");
		}
		int xref = out.size();
		StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		for (int off : offsets) {
			x.append(String.format("%010d 00000 n \n", off));
		}
		x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R ").append(trailerExtra.replace("XREF", Integer.toString(xref)))
				.append(" >>\nstartxref\n").append(xref).append("\n%%EOF\n");
		write(out, x.toString());
		return out.toByteArray();
	}

	public static byte[] text(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A stream object: dictionary entries, then the (already encoded) data. */
	public static byte[] stream(String dict, byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, "<< " + dict + " /Length " + data.length + " >>\nstream\n");
		out.writeBytes(data);
		write(out, "\nendstream");
		return out.toByteArray();
	}

	/** A plain one-page PDF with {@code content} as its page's content stream. */
	public static byte[] page(String content) {
		return pdf(List.of(text("<< /Type /Catalog /Pages 2 0 R >>"), text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
				text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
				stream("", text(content)), text("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")));
	}

	/** A plain PDF of {@code n} pages. */
	public static byte[] pages(int n) {
		List<byte[]> objects = new ArrayList<>();
		objects.add(text("<< /Type /Catalog /Pages 2 0 R >>"));
		StringBuilder kids = new StringBuilder();
		for (int i = 0; i < n; i++) {
			kids.append(i + 4).append(" 0 R ");
		}
		objects.add(text("<< /Type /Pages /Kids [" + kids + "] /Count " + n + " >>"));
		objects.add(stream("", text("BT /F1 24 Tf 72 720 Td (A page) Tj ET")));
		for (int i = 0; i < n; i++) {
			objects.add(text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"));
		}
		return pdf(objects);
	}

	/** A valid PDF cut off at {@code fraction} of its length. */
	public static byte[] truncated(double fraction) {
		byte[] whole = page("BT /F1 24 Tf 72 720 Td (Cut off) Tj ET");
		return Arrays.copyOf(whole, (int) (whole.length * fraction));
	}

	/** A page whose content stream inflates to {@code megabytes} MB of spaces (a few hundred KB on disk). */
	public static byte[] flateBomb(int megabytes) {
		byte[] data = deflate(megabytes, (byte) ' ');
		return pdf(List.of(text("<< /Type /Catalog /Pages 2 0 R >>"), text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
				text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
				stream("/Filter /FlateDecode", data)));
	}

	/** The same bomb deflated twice: a few KB on disk. */
	public static byte[] doubleFlateBomb(int megabytes) {
		byte[] once = deflate(megabytes, (byte) ' ');
		byte[] twice = deflate(once);
		return pdf(List.of(text("<< /Type /Catalog /Pages 2 0 R >>"), text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
				text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
				stream("/Filter [/FlateDecode /FlateDecode]", twice)));
	}

	/** A trailer whose /Prev points back at its own cross-reference table. */
	public static byte[] xrefLoop() {
		return pdf(List.of(text("<< /Type /Catalog /Pages 2 0 R >>"), text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
				text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")), "/Prev XREF");
	}

	/** A page tree whose only kid is the tree itself. */
	public static byte[] pageTreeLoop() {
		return pdf(List.of(text("<< /Type /Catalog /Pages 2 0 R >>"), text("<< /Type /Pages /Kids [2 0 R] /Count 1 >>")));
	}

	/** An array nested {@code depth} levels deep in the page dictionary. */
	public static byte[] deepArrays(int depth) {
		String nested = "[".repeat(depth) + "]".repeat(depth);
		return pdf(List.of(text("<< /Type /Catalog /Pages 2 0 R >>"), text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
				text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep " + nested + " >>")));
	}

	/** Forms each showing the next, {@code depth} deep. */
	public static byte[] deepForms(int depth) {
		List<byte[]> objects = new ArrayList<>();
		objects.add(text("<< /Type /Catalog /Pages 2 0 R >>"));
		objects.add(text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
		objects.add(text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>"));
		objects.add(stream("", text("/X Do")));
		for (int i = 0; i < depth; i++) {
			String next = i + 1 < depth ? "/Resources << /XObject << /X " + (i + 6) + " 0 R >> >>" : "";
			objects.add(stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100] " + next, text(i + 1 < depth ? "/X Do" : "0 0 m 10 10 l S")));
		}
		return pdf(objects);
	}

	/** A form that shows itself. */
	public static byte[] selfShowingForm() {
		return pdf(List.of(text("<< /Type /Catalog /Pages 2 0 R >>"), text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
				text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>"),
				stream("", text("/X Do")),
				stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /X 5 0 R >> >>", text("/X Do"))));
	}

	/** A page tree claiming {@code count} pages with one real page. */
	public static byte[] claimedPages(long count) {
		return pdf(List.of(text("<< /Type /Catalog /Pages 2 0 R >>"), text("<< /Type /Pages /Kids [3 0 R] /Count " + count + " >>"),
				text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")));
	}

	/** A page drawing a picture that claims {@code w x h} pixels (its data a few bytes). */
	public static byte[] hugeImagePdf(int w, int h) {
		return pdf(List.of(text("<< /Type /Catalog /Pages 2 0 R >>"), text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
				text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im 5 0 R >> >> >>"),
				stream("", text("q 500 0 0 700 50 50 cm /Im Do Q")),
				stream("/Type /XObject /Subtype /Image /Width " + w + " /Height " + h
						+ " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode", deflate(1, (byte) 0))));
	}

	/** A page of {@code operators} path operators: cheap to store, slow to draw. */
	public static byte[] slowPage(int operators) {
		StringBuilder s = new StringBuilder(operators * 16);
		for (int i = 0; i < operators; i++) {
			s.append(i % 500).append(' ').append(i % 700).append(" m 1 1 l S\n");
		}
		return pdf(List.of(text("<< /Type /Catalog /Pages 2 0 R >>"), text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
				text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
				stream("/Filter /FlateDecode", deflate(text(s.toString())))));
	}

	/** A PNG whose header claims {@code w x h} pixels, followed by a little compressed data. */
	public static byte[] pngBomb(int w, int h) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		byte[] ihdr = new byte[13];
		be32(ihdr, 0, w);
		be32(ihdr, 4, h);
		ihdr[8] = 8; // bit depth
		ihdr[9] = 2; // RGB
		chunk(out, "IHDR", ihdr);
		chunk(out, "IDAT", deflate(1, (byte) 0));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	/** A JPEG whose frame header claims {@code w x h} pixels. */
	public static byte[] jpegBomb(int w, int h) {
		return new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
				(byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) (h >> 8), (byte) h, (byte) (w >> 8), (byte) w, 1, 1, 0x11, 0,
				(byte) 0xFF, (byte) 0xD9 };
	}

	public static byte[] deflate(int megabytes, byte fill) {
		Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] chunk = new byte[1 << 20];
		Arrays.fill(chunk, fill);
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

	public static byte[] deflate(byte[] data) {
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

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] len = new byte[4];
		be32(len, 0, data.length);
		out.writeBytes(len);
		byte[] t = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(t);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		byte[] c = new byte[4];
		be32(c, 0, (int) crc.getValue());
		out.writeBytes(c);
	}

	private static void be32(byte[] b, int at, int v) {
		b[at] = (byte) (v >>> 24);
		b[at + 1] = (byte) (v >>> 16);
		b[at + 2] = (byte) (v >>> 8);
		b[at + 3] = (byte) v;
	}

	private static void write(ByteArrayOutputStream out, String s) {
		out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
	}
}
