package org.miaopi.materials;

/**
 * A material the viewer will not draw, and why. The reason is for the user (the viewer words it in
 * the user's language, with {@link #limit()} where it names one); the message is for the log.
 */
public final class CannotDisplay extends Exception {

	private static final long serialVersionUID = 1L;

	/** Why a material cannot be displayed. */
	public enum Reason {
		/** the bytes are no PDF, PNG or JPEG */
		NOT_SUPPORTED,
		/** larger than the budget's file size ({@link #limit()} bytes) */
		TOO_LARGE,
		/** the PDF needs a password */
		ENCRYPTED,
		/** cut off, or broken inside: it cannot be read */
		DAMAGED,
		/** a PDF without a page */
		NO_PAGES,
		/** more pages than the budget ({@link #limit()}) */
		TOO_MANY_PAGES,
		/** a picture of more pixels than the budget ({@link #limit()}) */
		TOO_MANY_PIXELS,
		/** its data expand beyond the memory budget ({@link #limit()} bytes): a decompression bomb */
		TOO_MUCH_DATA,
		/** nested too deeply, or looping */
		TOO_COMPLEX,
		/** not drawn within the time budget ({@link #limit()} ms) */
		TOO_SLOW,
		/** another material or page was asked for meanwhile */
		CANCELLED
	}

	private final Reason reason;
	private final long limit;

	public CannotDisplay(Reason reason, long limit, String detail) {
		super(reason + (detail == null ? "" : ": " + detail));
		this.reason = reason;
		this.limit = limit;
	}

	public CannotDisplay(Reason reason, String detail) {
		this(reason, 0, detail);
	}

	public Reason reason() {
		return reason;
	}

	/** The limit the material broke (bytes, pages, pixels or milliseconds, by reason), or 0. */
	public long limit() {
		return limit;
	}
}
