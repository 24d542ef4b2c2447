package org.miaopi.core.content;

/**
 * What a matter accepts of one applicant's file: at most {@code maxBytes} bytes, a PDF of at most
 * {@code maxPages} pages, a picture (or a PDF's page) of at most {@code maxPixels} pixels. A matter
 * states its own in {@link org.miaopi.core.matter.MatterDefinition#materialLimits()}; most keep
 * {@link #DEFAULT}.
 */
public record MaterialLimits(long maxBytes, int maxPages, long maxPixels) {

	/** No matter may accept a file larger than this: the store refuses anything bigger. */
	public static final long CEILING_BYTES = 100L << 20;

	/** 20 MB, 50 pages, 40 megapixels: a scanned booklet at 300 dpi fits with room to spare. */
	public static final MaterialLimits DEFAULT = new MaterialLimits(20L << 20, 50, 40_000_000L);

	public MaterialLimits {
		if (maxBytes <= 0 || maxBytes > CEILING_BYTES) {
			throw new IllegalArgumentException("maxBytes must be between 1 and " + CEILING_BYTES + ": " + maxBytes);
		}
		if (maxPages <= 0) {
			throw new IllegalArgumentException("maxPages must be positive: " + maxPages);
		}
		if (maxPixels <= 0) {
			throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
		}
	}

	/** A size in words: "20 MB", "512 KB", "300 bytes". */
	public static String size(long bytes) {
		if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
			return (bytes >> 20) + " MB";
		}
		if (bytes >= 1L << 20) {
			return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
		}
		if (bytes >= 1024) {
			return (bytes >> 10) + " KB";
		}
		return bytes + " bytes";
	}
}
