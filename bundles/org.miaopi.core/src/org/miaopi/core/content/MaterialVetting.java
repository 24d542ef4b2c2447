package org.miaopi.core.content;

import java.util.Locale;
import java.util.Optional;

import org.miaopi.core.content.MaterialRefusedException.Reason;

/**
 * The intake check of an applicant's file against a matter's {@link MaterialLimits}. The size is
 * checked first, before any byte is parsed; the type is the one the bytes show, and a declared type
 * or file extension that says otherwise is refused, so a file never reaches a viewer under a false
 * name; a PDF's pages are counted by a {@link PageCounter} that reads within a budget (PDF parsing
 * lives outside the core); a picture's pixels are read from its header, never decoded here.
 */
public final class MaterialVetting {

	/** Counts a PDF's pages within a reading budget, or refuses it (encrypted, unreadable). */
	@FunctionalInterface
	public interface PageCounter {
		int pages(byte[] pdf, String fileName, MaterialLimits limits) throws MaterialRefusedException;
	}

	/** What passed: the type the bytes show, the size, and the page count (1 for a picture). */
	public record Vetted(String type, long size, int pages) {
	}

	private MaterialVetting() {
	}

	/** @throws MaterialRefusedException naming the file and the rule or limit it broke */
	public static Vetted vet(SubmittedFile file, MaterialLimits limits, PageCounter counter) {
		String name = file.fileName();
		byte[] bytes = file.content();
		if (bytes.length == 0) {
			throw new MaterialRefusedException(Reason.EMPTY, name, "the file is empty");
		}
		if (bytes.length > limits.maxBytes()) {
			throw new MaterialRefusedException(Reason.TOO_LARGE, name, "the file is " + MaterialLimits.size(bytes.length)
					+ "; this matter accepts at most " + MaterialLimits.size(limits.maxBytes()) + " per file");
		}
		String type = typeOf(file);
		if (MimeTypes.PDF.equals(type)) {
			int pages = counter.pages(bytes, name, limits);
			if (pages < 1) {
				throw new MaterialRefusedException(Reason.UNREADABLE, name, "the PDF has no pages");
			}
			if (pages > limits.maxPages()) {
				throw new MaterialRefusedException(Reason.TOO_MANY_PAGES, name,
						"the PDF has " + pages + " pages; this matter accepts at most " + limits.maxPages());
			}
			return new Vetted(type, bytes.length, pages);
		}
		ImageHeaders.Dimensions d = ImageHeaders.of(bytes).orElseThrow(() -> new MaterialRefusedException(
				Reason.UNREADABLE, name, "the picture's header cannot be read"));
		if (d.width() == 0 || d.height() == 0 || d.pixels() > limits.maxPixels()) {
			throw new MaterialRefusedException(Reason.TOO_MANY_PIXELS, name, "the picture is " + d.width() + " x "
					+ d.height() + " pixels; this matter accepts at most " + limits.maxPixels() / 1_000_000 + " megapixels");
		}
		return new Vetted(type, bytes.length, 1);
	}

	/**
	 * The type the bytes show, if the declared type and the extension (when given) agree with it.
	 *
	 * @throws MaterialRefusedException for bytes of no accepted format, or a contradicting hint
	 */
	public static String typeOf(SubmittedFile file) {
		String name = file.fileName();
		String sniffed = MimeTypes.sniff(file.content()).orElseThrow(() -> new MaterialRefusedException(
				Reason.UNKNOWN_TYPE, name, "the content is not a PDF, PNG or JPEG file, whatever its name says"));
		String declared = file.declaredType() == null ? null : file.declaredType().trim().toLowerCase(Locale.ROOT);
		if (declared != null && !declared.isEmpty() && !declared.equals(sniffed)
				&& !(MimeTypes.JPEG.equals(sniffed) && "image/jpg".equals(declared))) {
			throw new MaterialRefusedException(Reason.TYPE_MISMATCH, name,
					"declared as " + declared + " but the content is " + sniffed);
		}
		Optional<String> byName = byExtension(name);
		if (byName.isPresent() && !byName.get().equals(sniffed)) {
			throw new MaterialRefusedException(Reason.TYPE_MISMATCH, name,
					"the name says " + byName.get() + " but the content is " + sniffed);
		}
		return sniffed;
	}

	/** The type a file name's extension claims, when it is one of the accepted formats. */
	static Optional<String> byExtension(String fileName) {
		String n = fileName.toLowerCase(Locale.ROOT);
		if (n.endsWith(".pdf")) {
			return Optional.of(MimeTypes.PDF);
		}
		if (n.endsWith(".png")) {
			return Optional.of(MimeTypes.PNG);
		}
		if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
			return Optional.of(MimeTypes.JPEG);
		}
		return Optional.empty();
	}
}
