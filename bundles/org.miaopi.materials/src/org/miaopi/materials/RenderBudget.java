package org.miaopi.materials;

import java.time.Duration;

import org.miaopi.core.content.MaterialLimits;

/**
 * What drawing one material may take: {@code maxBytes} of file, {@code memoryBytes} of decoded data
 * (page content, fonts, pictures), {@code time} from start to picture, {@code maxPages} pages,
 * pictures inside of at most {@code maxImagePixels}, and a drawn page of at most
 * {@code maxOutputPixels} at no more than {@code maxScale} times 72 dpi.
 */
public record RenderBudget(long maxBytes, long memoryBytes, Duration time, int maxPages, long maxImagePixels,
		long maxOutputPixels, float maxScale) {

	/** 96 MB of decoded data, 5 s, a drawn page of 12 megapixels at most 4 x 72 dpi (288 dpi). */
	public static final RenderBudget DEFAULT = of(MaterialLimits.DEFAULT);

	public RenderBudget {
		if (maxBytes <= 0 || memoryBytes <= 0 || time.isNegative() || time.isZero() || maxPages <= 0
				|| maxImagePixels <= 0 || maxOutputPixels <= 0 || maxScale <= 0) {
			throw new IllegalArgumentException("every budget must be positive");
		}
	}

	/** The viewer's budget for a matter's limits: what intake let in must be drawable. */
	public static RenderBudget of(MaterialLimits limits) {
		long memory = 96L << 20;
		// a decoded picture takes 4 bytes a pixel: never more pixels than the memory budget holds
		return new RenderBudget(limits.maxBytes(), memory, Duration.ofSeconds(5), limits.maxPages(),
				Math.min(limits.maxPixels(), memory / 4), 12_000_000L, 4f);
	}

	public RenderBudget withTime(Duration t) {
		return new RenderBudget(maxBytes, memoryBytes, t, maxPages, maxImagePixels, maxOutputPixels, maxScale);
	}

	public RenderBudget withMemory(long bytes) {
		return new RenderBudget(maxBytes, bytes, time, maxPages, Math.min(maxImagePixels, bytes / 4), maxOutputPixels,
				maxScale);
	}
}
