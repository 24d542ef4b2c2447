package org.miaopi.core.content;

import java.util.Optional;

/**
 * A picture's size in pixels read from its header alone, before anything is decoded: a 100 KB PNG
 * can claim 50,000 x 50,000 pixels (10 GB once decoded), and only its header says so.
 */
public final class ImageHeaders {

	/** How far into a JPEG the frame header is looked for (it follows the metadata segments). */
	private static final int JPEG_SCAN_LIMIT = 1 << 20;

	/** Width and height in pixels. */
	public record Dimensions(long width, long height) {
		public long pixels() {
			return width * height;
		}
	}

	private ImageHeaders() {
	}

	/** The dimensions a PNG or JPEG declares, or empty when its header cannot be read. */
	public static Optional<Dimensions> of(byte[] bytes) {
		Optional<String> type = MimeTypes.sniff(bytes);
		if (type.isEmpty()) {
			return Optional.empty();
		}
		return switch (type.get()) {
		case MimeTypes.PNG -> png(bytes);
		case MimeTypes.JPEG -> jpeg(bytes);
		default -> Optional.empty();
		};
	}

	/** PNG: the IHDR chunk comes first, width and height big-endian at offsets 16 and 20. */
	private static Optional<Dimensions> png(byte[] b) {
		if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
			return Optional.empty();
		}
		return Optional.of(new Dimensions(u32(b, 16), u32(b, 20)));
	}

	/** JPEG: walk the marker segments to the first start-of-frame (SOF0..SOF15 but DHT, JPG, DAC). */
	private static Optional<Dimensions> jpeg(byte[] b) {
		int i = 2;
		int end = Math.min(b.length, JPEG_SCAN_LIMIT);
		while (i + 4 <= end) {
			if ((b[i] & 0xFF) != 0xFF) {
				return Optional.empty();
			}
			int marker = b[i + 1] & 0xFF;
			if (marker == 0xFF) {
				i++; // fill byte
				continue;
			}
			if (marker == 0xD8 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
				i += 2; // markers without a length
				continue;
			}
			int length = u16(b, i + 2);
			if (length < 2) {
				return Optional.empty();
			}
			boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
			if (frame) {
				if (i + 9 > end) {
					return Optional.empty();
				}
				return Optional.of(new Dimensions(u16(b, i + 7), u16(b, i + 5)));
			}
			if (marker == 0xDA || marker == 0xD9) {
				return Optional.empty(); // image data or the end before any frame header
			}
			i += 2 + length;
		}
		return Optional.empty();
	}

	private static long u32(byte[] b, int at) {
		return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | b[at + 3] & 0xFFL;
	}

	private static int u16(byte[] b, int at) {
		return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
	}
}
