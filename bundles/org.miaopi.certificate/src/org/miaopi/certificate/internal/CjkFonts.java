package org.miaopi.certificate.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.pdf.PdfDocument;

/**
 * The CJK fonts embedded (as subsets) in every certificate, so it renders the same everywhere.
 * iText's font-asian module only carries CMaps and metrics of non-embeddable fonts (STSong-Light),
 * which a PDF/A file may not use; so a real font program is read from Noto Serif CJK
 * (Debian fonts-noto-cjk, SIL Open Font License), or from {@code -Dmiaopi.font.regular/.bold}.
 */
public final class CjkFonts {

	private static final String DIR = "/usr/share/fonts/opentype/noto/"; //$NON-NLS-1$
	/** Index of the Simplified Chinese face in the Noto CJK collections (JP, KR, SC, TC, HK). */
	private static final int SC = 2;

	// a font program is parsed once per thread: parsing the 25 MB collection takes a while, and
	// iText's font programs are not documented as safe to share between threads while subsetting
	private static final ThreadLocal<FontProgram[]> PROGRAMS = ThreadLocal.withInitial(() -> new FontProgram[] {
			load("miaopi.font.regular", List.of(DIR + "NotoSerifCJK-Regular.ttc", DIR + "NotoSansCJK-Regular.ttc")), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			load("miaopi.font.bold", List.of(DIR + "NotoSerifCJK-Bold.ttc", DIR + "NotoSansCJK-Bold.ttc")) }); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private CjkFonts() {
	}

	public static PdfFont regular(PdfDocument pdf) {
		return font(PROGRAMS.get()[0], pdf);
	}

	public static PdfFont bold(PdfDocument pdf) {
		return font(PROGRAMS.get()[1], pdf);
	}

	private static PdfFont font(FontProgram program, PdfDocument pdf) {
		PdfFont f = PdfFontFactory.createFont(program, PdfEncodings.IDENTITY_H, EmbeddingStrategy.FORCE_EMBEDDED);
		f.setSubset(true);
		return f;
	}

	private static FontProgram load(String property, List<String> candidates) {
		return preferUnifiedIdeographs(find(property, candidates));
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

	private static FontProgram find(String property, List<String> candidates) {
		String configured = System.getProperty(property);
		try {
			if (configured != null && !configured.isBlank()) {
				return configured.endsWith(".ttc") ? FontProgramFactory.createFont(configured, SC, true) //$NON-NLS-1$
						: FontProgramFactory.createFont(configured, true);
			}
			for (String c : candidates) {
				if (Files.isReadable(Path.of(c))) {
					return FontProgramFactory.createFont(c, SC, true);
				}
			}
		} catch (IOException e) {
			throw new IllegalStateException("cannot read the CJK font: " + e.getMessage(), e); //$NON-NLS-1$
		}
		throw new IllegalStateException("no CJK font found: install fonts-noto-cjk (Debian) or set -D" + property //$NON-NLS-1$
				+ " to a TrueType/OpenType font with Chinese glyphs"); //$NON-NLS-1$
	}
}
