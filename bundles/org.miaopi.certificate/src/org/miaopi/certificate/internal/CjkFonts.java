package org.miaopi.certificate.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.pdf.PdfDocument;

/**
 * The CJK font embedded (as a subset) in every certificate, so it renders the same everywhere.
 * iText's font-asian module only carries CMaps and metrics of non-embeddable fonts (STSong-Light),
 * which a PDF/A file may not use; so a real font program is read: AR PL UMing (Debian
 * fonts-arphic-uming, a Ming/Song face, TrueType outlines: small subsets), else Noto Serif CJK
 * (CFF outlines: correct but about 250 KB per subset), else Droid Sans Fallback, or the file
 * named by {@code -Dmiaopi.font=PATH[,TTC-INDEX]}. Bold is simulated (stroke), so one subset serves.
 */
public final class CjkFonts {

	private static final String[] CANDIDATES = { "/usr/share/fonts/truetype/arphic/uming.ttc,0", //$NON-NLS-1$
			"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,2", //$NON-NLS-1$
			"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2", //$NON-NLS-1$
			"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf" }; //$NON-NLS-1$

	// a font program is parsed once per thread: parsing a 20 MB collection takes a while, and
	// iText's font programs are not documented as safe to share between threads while subsetting
	private static final ThreadLocal<FontProgram> PROGRAM = ThreadLocal.withInitial(CjkFonts::load);

	private static final java.util.Map<String, byte[]> FONT_BYTES = new java.util.concurrent.ConcurrentHashMap<>();

	private CjkFonts() {
	}

	private static byte[] read(String path) {
		try {
			return Files.readAllBytes(Path.of(path));
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	// the reduced font (GB 2312 and punctuation, see ReducedFont), cut once from the full one; null if it cannot be
	private static volatile Optional<ReducedFont> reduced;

	/** A new subset font for this document, from the full font. */
	public static PdfFont create(PdfDocument pdf) {
		return subset(PROGRAM.get());
	}

	/**
	 * A new subset font for a document that shows only {@code text}: from the reduced font when it
	 * has every character (much faster to subset), else from the full font.
	 */
	public static PdfFont create(PdfDocument pdf, String text) {
		Optional<ReducedFont> r = reduced();
		if (r.isPresent() && r.get().covers(text)) {
			try {
				// a font of this document's glyphs alone, cut from the reduced one (see ReducedFont#forText)
				return subset(FontProgramFactory.createFont(r.get().forText(text).bytes(), false));
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
		return subset(PROGRAM.get());
	}

	/** Whether the reduced font has every character of {@code text}. */
	public static boolean reducedCovers(String text) {
		Optional<ReducedFont> r = reduced();
		return r.isPresent() && r.get().covers(text);
	}

	private static PdfFont subset(FontProgram program) {
		PdfFont f = PdfFontFactory.createFont(program, PdfEncodings.IDENTITY_H, EmbeddingStrategy.FORCE_EMBEDDED);
		f.setSubset(true);
		return f;
	}

	private static Optional<ReducedFont> reduced() {
		Optional<ReducedFont> r = reduced;
		if (r == null) {
			synchronized (CjkFonts.class) {
				r = reduced;
				if (r == null) {
					r = cutReduced();
					reduced = r;
				}
			}
		}
		return r;
	}

	private static Optional<ReducedFont> cutReduced() {
		try {
			FontProgram full = PROGRAM.get();
			String[] chosen = chosen();
			byte[] file = FONT_BYTES.get(chosen[0]);
			int index = chosen[1] == null ? 0 : Integer.parseInt(chosen[1]);
			int offset = file.length > 16 && file[0] == 't' && file[1] == 't' && file[2] == 'c' && file[3] == 'f'
					? java.nio.ByteBuffer.wrap(file).getInt(12 + 4 * index) : 0;
			java.util.Set<Integer> wanted = ReducedFont.repertoire();
			java.util.Map<Integer, Integer> cmap = new java.util.HashMap<>();
			for (int cp : wanted) {
				com.itextpdf.io.font.otf.Glyph g = full.getGlyph(cp);
				if (g != null) {
					cmap.put(cp, g.getCode());
				}
			}
			ReducedFont font = ReducedFont.cut(file, offset, cmap, wanted);
			FontProgramFactory.createFont(font.bytes(), false); // refuse a font iText cannot read, now
			return Optional.of(font);
		} catch (Exception | LinkageError e) {
			// the full font always works; the reduced one only makes subsetting faster
			return Optional.empty();
		}
	}

	/** Which font file is used (for the benchmark's and the note's record). */
	public static String fontName() {
		return PROGRAM.get().getFontNames().getFontName();
	}

	/** {path, TTC index or null} of the font in use. */
	private static String[] chosen() {
		String configured = System.getProperty("miaopi.font"); //$NON-NLS-1$
		String[] candidates = configured != null && !configured.isBlank() ? new String[] { configured } : CANDIDATES;
		for (String c : candidates) {
			int comma = c.lastIndexOf(',');
			String path = comma > 0 ? c.substring(0, comma) : c;
			if (Files.isReadable(Path.of(path))) {
				return new String[] { path, comma > 0 ? c.substring(comma + 1) : null };
			}
		}
		return null;
	}

	private static FontProgram load() {
		String configured = System.getProperty("miaopi.font"); //$NON-NLS-1$
		String[] candidates = configured != null && !configured.isBlank() ? new String[] { configured } : CANDIDATES;
		for (String c : candidates) {
			int comma = c.lastIndexOf(',');
			String path = comma > 0 ? c.substring(0, comma) : c;
			if (Files.isReadable(Path.of(path))) {
				try {
					// from bytes in memory: subsetting reads the whole glyph index (loca), which is slow
					// through a file; the bytes are read once and shared by every thread's program
					byte[] bytes = FONT_BYTES.computeIfAbsent(path, CjkFonts::read);
					FontProgram p = comma > 0 ? FontProgramFactory.createFont(bytes, Integer.parseInt(c.substring(comma + 1)), false)
							: FontProgramFactory.createFont(bytes, false);
					return preferUnifiedIdeographs(p);
				} catch (IOException | java.io.UncheckedIOException e) {
					throw new IllegalStateException("cannot read the CJK font " + path + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
		}
		throw new IllegalStateException("no CJK font found: install fonts-arphic-uming (Debian) or set -Dmiaopi.font=PATH[,INDEX]" //$NON-NLS-1$
				+ " to a TrueType/OpenType font with Chinese glyphs"); //$NON-NLS-1$
	}

	/**
	 * CJK fonts draw a Kangxi radical (U+2F00..) and its unified ideograph (子 U+5B50 and ⼦ U+2F26)
	 * with one glyph, and iText then writes the radical into the ToUnicode map: the page looks
	 * right but copied or searched text is wrong. Map each such glyph back to the ideograph.
	 */
	@SuppressWarnings("unchecked")
	private static FontProgram preferUnifiedIdeographs(FontProgram program) {
		try {
			java.lang.reflect.Field f = FontProgram.class.getDeclaredField("codeToGlyph"); //$NON-NLS-1$
			f.setAccessible(true);
			java.util.Map<Integer, com.itextpdf.io.font.otf.Glyph> codeToGlyph = (java.util.Map<Integer, com.itextpdf.io.font.otf.Glyph>) f.get(program);
			for (int cp = 0x4E00; cp <= 0x9FFF; cp++) {
				com.itextpdf.io.font.otf.Glyph g = program.getGlyph(cp);
				if (g != null) {
					com.itextpdf.io.font.otf.Glyph current = codeToGlyph.get(g.getCode());
					if (current != null && current.getUnicode() != cp && isRadicalOrCompatibility(current.getUnicode())) {
						codeToGlyph.put(g.getCode(), g);
					}
				}
			}
		} catch (ReflectiveOperationException | RuntimeException e) {
			// text still renders correctly; only extraction of a few characters may differ
		}
		return program;
	}

	private static boolean isRadicalOrCompatibility(int cp) {
		return cp >= 0x2E80 && cp <= 0x2FDF || cp >= 0x31C0 && cp <= 0x31EF || cp >= 0xF900 && cp <= 0xFAFF;
	}

}
