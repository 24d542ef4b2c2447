package org.miaopi.certificate.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A smaller TrueType font cut from the big CJK font: the glyphs of ASCII, common punctuation and
 * the 6,763 hanzi of GB 2312, renumbered from 1. iText subsets the font once per certificate and,
 * whatever the few glyphs used, reads the whole glyph index (loca) byte by byte: for a 30,000-glyph
 * font that read was most of the subsetting time. Text with a character outside the reduced set
 * falls back to the full font ({@link #covers}).
 * <p>
 * Tables: head, hhea, maxp, hmtx, loca (long), glyf (composites renumbered), a format 4 cmap,
 * OS/2 and name as they were, post version 3 (no glyph names), and the hinting tables as they were.
 */
final class ReducedFont {

	private final byte[] bytes;
	private final java.util.Set<Integer> codePoints;
	/** code point → glyph of this font, to cut a smaller one from it */
	private final Map<Integer, Integer> cmap;
	/** this font's tables and glyph offsets, read once on the first {@link #forText} (immutable, so a racing second read is harmless) */
	private volatile Source source;

	private ReducedFont(byte[] bytes, java.util.Set<Integer> codePoints, Map<Integer, Integer> cmap) {
		this.bytes = bytes;
		this.codePoints = codePoints;
		this.cmap = cmap;
	}

	/**
	 * A font of just the glyphs of {@code text}, cut from this one (which must cover it): iText then
	 * subsets a font of a hundred-odd glyphs instead of reading the glyph index of thousands, once
	 * per certificate. Cutting is a few array copies.
	 */
	ReducedFont forText(String text) {
		java.util.Set<Integer> wanted = new TreeSet<>();
		text.codePoints().filter(codePoints::contains).forEach(wanted::add);
		Source s = source;
		if (s == null) {
			s = Source.of(bytes, 0);
			source = s;
		}
		return cut(s, cmap, wanted);
	}

	byte[] bytes() {
		return bytes;
	}

	boolean covers(String text) {
		return text.codePoints().allMatch(cp -> cp == '\n' || codePoints.contains(cp));
	}

	/** The repertoire kept: printable ASCII, Latin-1, general and CJK punctuation, full-width forms, GB 2312 hanzi. */
	static TreeSet<Integer> repertoire() {
		TreeSet<Integer> cps = new TreeSet<>();
		for (int c = 0x20; c <= 0x7E; c++) {
			cps.add(c);
		}
		for (int[] range : new int[][] { { 0xA0, 0xFF }, { 0x2000, 0x206F }, { 0x3000, 0x303F }, { 0xFF00, 0xFFEF } }) {
			for (int c = range[0]; c <= range[1]; c++) {
				cps.add(c);
			}
		}
		CharsetEncoder gb = Charset.forName("GB2312").newEncoder(); //$NON-NLS-1$
		for (int c = 0x4E00; c <= 0x9FFF; c++) {
			if (gb.canEncode((char) c)) {
				cps.add(c);
			}
		}
		return cps;
	}

	/**
	 * @param file   the font file (a TrueType font or collection)
	 * @param offset where the chosen font's table directory starts (0, or the TTC's offset)
	 * @param cmap   code point → glyph of the full font
	 */
	static ReducedFont cut(byte[] file, int offset, Map<Integer, Integer> cmap, java.util.Set<Integer> wanted) {
		return cut(Source.of(file, offset), cmap, wanted);
	}

	/**
	 * A font file's table directory and glyph offsets (its whole loca), read once per source font
	 * rather than once per certificate cut from it.
	 */
	private record Source(byte[] file, Map<String, int[]> tables, int oldCount, int[] offsets) {

		static Source of(byte[] file, int offset) {
			ByteBuffer f = ByteBuffer.wrap(file);
			Map<String, int[]> tables = new HashMap<>();
			int n = f.getShort(offset + 4) & 0xFFFF;
			for (int i = 0; i < n; i++) {
				int r = offset + 12 + 16 * i;
				tables.put(new String(file, r, 4, java.nio.charset.StandardCharsets.ISO_8859_1), new int[] { f.getInt(r + 8), f.getInt(r + 12) });
			}
			boolean longLoca = f.getShort(tables.get("head")[0] + 50) != 0; //$NON-NLS-1$
			int oldCount = f.getShort(tables.get("maxp")[0] + 4) & 0xFFFF; //$NON-NLS-1$
			int[] loca = tables.get("loca"); //$NON-NLS-1$
			int[] offsets = new int[oldCount + 1];
			for (int g = 0; g <= oldCount; g++) {
				offsets[g] = longLoca ? f.getInt(loca[0] + 4 * g) : (f.getShort(loca[0] + 2 * g) & 0xFFFF) * 2;
			}
			return new Source(file, tables, oldCount, offsets);
		}
	}

	private static ReducedFont cut(Source src, Map<Integer, Integer> cmap, java.util.Set<Integer> wanted) {
		byte[] file = src.file();
		ByteBuffer f = ByteBuffer.wrap(file);
		Map<String, int[]> tables = src.tables();
		int[] head = tables.get("head"); //$NON-NLS-1$
		int[] maxp = tables.get("maxp"); //$NON-NLS-1$
		int oldCount = src.oldCount();
		int[] glyf = tables.get("glyf"); //$NON-NLS-1$
		int[] offsets = src.offsets();

		// the glyphs kept: .notdef, the wanted characters' glyphs and the components of composites
		TreeMap<Integer, Integer> codeToOld = new TreeMap<>();
		TreeSet<Integer> keep = new TreeSet<>(List.of(0));
		for (int cp : wanted) {
			Integer g = cmap.get(cp);
			if (g != null && g > 0 && g < oldCount) {
				codeToOld.put(cp, g);
				keep.add(g);
			}
		}
		List<Integer> queue = new ArrayList<>(keep);
		while (!queue.isEmpty()) {
			int g = queue.remove(queue.size() - 1);
			for (int[] component : components(f, glyf[0] + offsets[g], offsets[g + 1] - offsets[g])) {
				if (component[1] < oldCount && keep.add(component[1])) {
					queue.add(component[1]);
				}
			}
		}
		Map<Integer, Integer> oldToNew = new HashMap<>();
		List<Integer> order = new ArrayList<>(keep);
		for (int i = 0; i < order.size(); i++) {
			oldToNew.put(order.get(i), i);
		}
		int count = order.size();

		ByteArrayOutputStream newGlyf = new ByteArrayOutputStream();
		ByteBuffer newLoca = ByteBuffer.allocate(4 * (count + 1));
		for (int g : order) {
			newLoca.putInt(newGlyf.size());
			int start = glyf[0] + offsets[g];
			int len = offsets[g + 1] - offsets[g];
			byte[] data = java.util.Arrays.copyOfRange(file, start, start + len);
			ByteBuffer d = ByteBuffer.wrap(data);
			for (int[] component : components(f, start, len)) {
				d.putShort(component[0] - start, (short) (int) oldToNew.get(component[1]));
			}
			newGlyf.writeBytes(data);
			while (newGlyf.size() % 4 != 0) {
				newGlyf.write(0);
			}
		}
		newLoca.putInt(newGlyf.size());

		int[] hhea = tables.get("hhea"); //$NON-NLS-1$
		int metrics = f.getShort(hhea[0] + 34) & 0xFFFF;
		int[] hmtx = tables.get("hmtx"); //$NON-NLS-1$
		ByteBuffer newHmtx = ByteBuffer.allocate(4 * count);
		for (int g : order) {
			int advance = f.getShort(hmtx[0] + 4 * Math.min(g, metrics - 1)) & 0xFFFF;
			short lsb = g < metrics ? f.getShort(hmtx[0] + 4 * g + 2) : f.getShort(hmtx[0] + 4 * metrics + 2 * (g - metrics));
			newHmtx.putShort((short) advance).putShort(lsb);
		}

		TreeMap<String, byte[]> out = new TreeMap<>();
		byte[] newHead = slice(file, head);
		ByteBuffer.wrap(newHead).putInt(8, 0).putShort(50, (short) 1);
		out.put("head", newHead); //$NON-NLS-1$
		byte[] newHhea = slice(file, hhea);
		ByteBuffer.wrap(newHhea).putShort(34, (short) count);
		out.put("hhea", newHhea); //$NON-NLS-1$
		byte[] newMaxp = slice(file, maxp);
		ByteBuffer.wrap(newMaxp).putShort(4, (short) count);
		out.put("maxp", newMaxp); //$NON-NLS-1$
		out.put("hmtx", newHmtx.array()); //$NON-NLS-1$
		out.put("loca", newLoca.array()); //$NON-NLS-1$
		out.put("glyf", newGlyf.toByteArray()); //$NON-NLS-1$
		TreeMap<Integer, Integer> codeToNew = new TreeMap<>();
		codeToOld.forEach((cp, g) -> codeToNew.put(cp, oldToNew.get(g)));
		out.put("cmap", cmap4(codeToNew)); //$NON-NLS-1$
		byte[] post = java.util.Arrays.copyOf(slice(file, tables.get("post")), 32); //$NON-NLS-1$
		ByteBuffer.wrap(post).putInt(0, 0x00030000);
		out.put("post", post); //$NON-NLS-1$
		if (tables.containsKey("name")) { //$NON-NLS-1$
			out.put("name", names(slice(file, tables.get("name")))); //$NON-NLS-1$ //$NON-NLS-2$
		}
		for (String tag : new String[] { "OS/2", "cvt ", "fpgm", "prep", "gasp" }) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			if (tables.containsKey(tag)) {
				out.put(tag, slice(file, tables.get(tag)));
			}
		}
		byte[] font = assemble(out);
		long sum = checksum(font, 0, font.length);
		ByteBuffer.wrap(font).putInt(tableOffset(font, "head") + 8, (int) (0xB1B0AFBAL - sum)); //$NON-NLS-1$
		return new ReducedFont(font, java.util.Collections.unmodifiableSet(new java.util.HashSet<>(codeToOld.keySet())), codeToNew);
	}

	/**
	 * The name table with only the names that identify the font (IDs 0–6: copyright, family, style,
	 * unique name, full name, version, PostScript name). The licence texts and their translations
	 * were two thirds of every per-certificate cut, and iText read them all each time; a PDF
	 * embeds no name table anyway.
	 */
	static byte[] names(byte[] name) {
		ByteBuffer in = ByteBuffer.wrap(name);
		int count = in.getShort(2) & 0xFFFF;
		int storage = in.getShort(4) & 0xFFFF;
		List<int[]> kept = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int r = 6 + 12 * i;
			if (r + 12 > name.length) {
				break;
			}
			int id = in.getShort(r + 6) & 0xFFFF;
			int length = in.getShort(r + 8) & 0xFFFF;
			int offset = in.getShort(r + 10) & 0xFFFF;
			if (id <= 6 && storage + offset + length <= name.length) {
				kept.add(new int[] { r, length, offset });
			}
		}
		ByteArrayOutputStream strings = new ByteArrayOutputStream();
		ByteBuffer out = ByteBuffer.allocate(6 + 12 * kept.size());
		out.putShort((short) 0).putShort((short) kept.size()).putShort((short) (6 + 12 * kept.size()));
		for (int[] k : kept) {
			out.putShort(in.getShort(k[0])).putShort(in.getShort(k[0] + 2)).putShort(in.getShort(k[0] + 4)).putShort(in.getShort(k[0] + 6));
			out.putShort((short) k[1]).putShort((short) strings.size());
			strings.write(name, storage + k[2], k[1]);
		}
		ByteArrayOutputStream table = new ByteArrayOutputStream();
		table.writeBytes(out.array());
		table.writeBytes(strings.toByteArray());
		return table.toByteArray();
	}

	/** {position of the glyph index in the file, old glyph index} of each component of a composite glyph. */
	private static List<int[]> components(ByteBuffer f, int start, int len) {
		List<int[]> result = new ArrayList<>();
		if (len < 10 || f.getShort(start) >= 0) {
			return result;
		}
		int p = start + 10;
		while (true) {
			int flags = f.getShort(p) & 0xFFFF;
			result.add(new int[] { p + 2, f.getShort(p + 2) & 0xFFFF });
			p += 4 + ((flags & 0x1) != 0 ? 4 : 2);
			if ((flags & 0x8) != 0) {
				p += 2;
			} else if ((flags & 0x40) != 0) {
				p += 4;
			} else if ((flags & 0x80) != 0) {
				p += 8;
			}
			if ((flags & 0x20) == 0) {
				return result;
			}
		}
	}

	/** A (3,1) format 4 cmap: one segment per run of consecutive code points, glyphs through the id array. */
	private static byte[] cmap4(TreeMap<Integer, Integer> map) {
		List<int[]> runs = new ArrayList<>();
		for (int cp : map.keySet()) {
			if (cp > 0xFFFF) {
				continue;
			}
			if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == cp - 1) {
				runs.get(runs.size() - 1)[1] = cp;
			} else {
				runs.add(new int[] { cp, cp });
			}
		}
		runs.add(new int[] { 0xFFFF, 0xFFFF });
		int segs = runs.size();
		int glyphIds = map.size();
		int length = 16 + 8 * segs + 2 * glyphIds + 2;
		ByteBuffer b = ByteBuffer.allocate(12 + length);
		b.putShort((short) 0).putShort((short) 1).putShort((short) 3).putShort((short) 1).putInt(12);
		int log = 31 - Integer.numberOfLeadingZeros(segs);
		b.putShort((short) 4).putShort((short) length).putShort((short) 0).putShort((short) (segs * 2))
				.putShort((short) (2 << log)).putShort((short) log).putShort((short) (segs * 2 - (2 << log)));
		for (int[] r : runs) {
			b.putShort((short) r[1]);
		}
		b.putShort((short) 0);
		for (int[] r : runs) {
			b.putShort((short) r[0]);
		}
		for (int i = 0; i < segs; i++) {
			b.putShort((short) (i == segs - 1 ? 1 : 0));
		}
		int idArray = 0;
		for (int i = 0; i < segs; i++) {
			if (i == segs - 1) {
				b.putShort((short) 0);
			} else {
				// bytes from this idRangeOffset entry to the run's first entry in glyphIdArray
				b.putShort((short) (2 * (segs - i) + 2 * idArray));
				idArray += runs.get(i)[1] - runs.get(i)[0] + 1;
			}
		}
		for (int i = 0; i < segs - 1; i++) {
			for (int cp = runs.get(i)[0]; cp <= runs.get(i)[1]; cp++) {
				b.putShort((short) (int) map.get(cp));
			}
		}
		b.putShort((short) 0);
		return b.array();
	}

	private static byte[] assemble(TreeMap<String, byte[]> tables) {
		int n = tables.size();
		int log = 31 - Integer.numberOfLeadingZeros(n);
		int size = 12 + 16 * n;
		for (byte[] t : tables.values()) {
			size += (t.length + 3) & ~3;
		}
		ByteBuffer b = ByteBuffer.allocate(size);
		b.putInt(0x00010000).putShort((short) n).putShort((short) (16 << log)).putShort((short) log).putShort((short) (16 * n - (16 << log)));
		int offset = 12 + 16 * n;
		for (Map.Entry<String, byte[]> t : tables.entrySet()) {
			b.put(t.getKey().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
			b.putInt((int) checksum(t.getValue(), 0, t.getValue().length)).putInt(offset).putInt(t.getValue().length);
			offset += (t.getValue().length + 3) & ~3;
		}
		for (byte[] t : tables.values()) {
			b.put(t);
			while (b.position() % 4 != 0) {
				b.put((byte) 0);
			}
		}
		return b.array();
	}

	private static int tableOffset(byte[] font, String tag) {
		ByteBuffer b = ByteBuffer.wrap(font);
		for (int i = 0; i < (b.getShort(4) & 0xFFFF); i++) {
			if (new String(font, 12 + 16 * i, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals(tag)) {
				return b.getInt(12 + 16 * i + 8);
			}
		}
		throw new IllegalStateException("no " + tag); //$NON-NLS-1$
	}

	/** The TrueType checksum: the sum of big-endian 32-bit words, the last one padded with zeros. */
	private static long checksum(byte[] d, int from, int len) {
		ByteBuffer b = ByteBuffer.wrap(d); // big-endian: one getInt per word instead of four byte reads
		long sum = 0; // below 2^63 for any array: at most 2^29 words of less than 2^32
		int i = 0;
		for (; i + 4 <= len; i += 4) {
			sum += b.getInt(from + i) & 0xFFFFFFFFL;
		}
		if (i < len) {
			long v = 0;
			for (int k = 0; k < 4; k++) {
				v = (v << 8) | (i + k < len ? d[from + i + k] & 0xFF : 0);
			}
			sum += v;
		}
		return sum & 0xFFFFFFFFL;
	}

	private static byte[] slice(byte[] file, int[] table) {
		return java.util.Arrays.copyOfRange(file, table[0], table[0] + table[1]);
	}
}
