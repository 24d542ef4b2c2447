package org.miaopi.materials;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.miaopi.materials.CannotDisplay.Reason;

/**
 * Before a page is drawn, everything it reaches (content, forms, fonts, pictures) is weighed without
 * being kept: Flate data are inflated into a counter, not into memory, and pictures are measured by
 * their declared size. A page whose data would expand beyond the memory budget (a decompression
 * bomb), whose pictures exceed the pixel budget, or whose objects nest or multiply beyond reason is
 * refused before PDFBox allocates anything for it.
 */
final class PdfPreflight {

	/** Forms within forms: real documents nest a few levels. */
	static final int MAX_DEPTH = 64;
	/** Objects one page may reach. */
	static final int MAX_OBJECTS = 100_000;

	private final Guard guard;
	private final RenderBudget budget;
	private long decoded;
	private final byte[] scratch = new byte[64 << 10];

	PdfPreflight(Guard guard) {
		this.guard = guard;
		this.budget = guard.budget();
	}

	/** Walks what {@code page} reaches (not its parents), iteratively, so depth costs no stack. */
	void weigh(COSDictionary page) throws IOException, CannotDisplay {
		Map<COSBase, Boolean> seen = new IdentityHashMap<>();
		Deque<Object[]> todo = new ArrayDeque<>();
		todo.push(new Object[] { page, 0 });
		while (!todo.isEmpty()) {
			guard.check();
			Object[] next = todo.pop();
			COSBase o = (COSBase) next[0];
			int depth = (Integer) next[1];
			if (o instanceof COSObject ref) {
				o = ref.getObject();
			}
			if (o == null || seen.put(o, Boolean.TRUE) != null) {
				continue;
			}
			if (seen.size() > MAX_OBJECTS || depth > MAX_DEPTH) {
				throw new CannotDisplay(Reason.TOO_COMPLEX, MAX_DEPTH, "depth " + depth + ", objects " + seen.size());
			}
			if (o instanceof COSStream s) {
				weighStream(s);
			}
			if (o instanceof COSDictionary d) {
				for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
					if (!COSName.PARENT.equals(e.getKey()) && !COSName.P.equals(e.getKey())) {
						todo.push(new Object[] { e.getValue(), depth + 1 });
					}
				}
			} else if (o instanceof COSArray a) {
				for (int i = 0; i < a.size(); i++) {
					todo.push(new Object[] { a.get(i), depth + 1 });
				}
			}
		}
	}

	private void weighStream(COSStream s) throws IOException, CannotDisplay {
		if (COSName.IMAGE.equals(s.getCOSName(COSName.SUBTYPE))) {
			long w = Math.max(0, s.getLong(COSName.W, s.getLong(COSName.WIDTH)));
			long h = Math.max(0, s.getLong(COSName.H, s.getLong(COSName.HEIGHT)));
			if (w * h > budget.maxImagePixels()) {
				throw new CannotDisplay(Reason.TOO_MANY_PIXELS, budget.maxImagePixels(), w + " x " + h);
			}
		}
		int flates = leadingFlates(s.getFilters());
		long size;
		try (InputStream raw = s.createRawInputStream()) {
			size = flates == 0 ? count(raw, budget.memoryBytes() - decoded) : inflated(raw, flates);
		}
		decoded += size;
		if (decoded > budget.memoryBytes()) {
			throw new CannotDisplay(Reason.TOO_MUCH_DATA, budget.memoryBytes(), "decoded " + decoded);
		}
	}

	private static int leadingFlates(COSBase filters) {
		if (filters instanceof COSName n) {
			return isFlate(n) ? 1 : 0;
		}
		int n = 0;
		if (filters instanceof COSArray a) {
			while (n < a.size() && a.getObject(n) instanceof COSName f && isFlate(f)) {
				n++;
			}
		}
		return n;
	}

	private static boolean isFlate(COSName n) {
		return COSName.FLATE_DECODE.equals(n) || COSName.FLATE_DECODE_ABBREVIATION.equals(n);
	}

	/** Bytes read from {@code in}, stopping once past {@code cap}. */
	private long count(InputStream in, long cap) throws IOException {
		long n = 0;
		int r;
		while (n <= cap && (r = in.read(scratch)) >= 0) {
			n += r;
			guard.check();
		}
		return n;
	}

	/** The size after {@code levels} rounds of Flate, stopping once past the budget; damage counts as what came out so far. */
	private long inflated(InputStream raw, int levels) throws IOException {
		long cap = budget.memoryBytes() - decoded;
		InputStream in = raw;
		for (int i = 1; i < levels; i++) {
			in = new java.util.zip.InflaterInputStream(in);
		}
		Inflater inflater = new Inflater();
		try {
			byte[] input = new byte[16 << 10];
			long out = 0;
			while (out <= cap) {
				if (inflater.needsInput()) {
					int r = in.read(input);
					if (r < 0) {
						break;
					}
					inflater.setInput(input, 0, r);
				}
				int made = inflater.inflate(scratch);
				out += made;
				if (inflater.finished() || made == 0 && inflater.needsDictionary()) {
					break;
				}
				guard.check();
			}
			return out;
		} catch (DataFormatException | java.util.zip.ZipException e) {
			return 0; // PDFBox draws what it can of broken data; its size is not the danger here
		} finally {
			inflater.end();
		}
	}
}
