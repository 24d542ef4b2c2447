package org.miaopi.core.content;

/**
 * An applicant's file refused at intake, with the rule it broke; the message names the file and
 * the limit (e.g. "passport.pdf is 23.4 MB; this matter accepts at most 20 MB").
 */
public final class MaterialRefusedException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/** Why a file was refused. */
	public enum Reason {
		/** no bytes at all */
		EMPTY,
		/** the bytes are none of the accepted formats (PDF, PNG, JPEG), whatever the name says */
		UNKNOWN_TYPE,
		/** the declared type or the file name's extension says one format, the bytes another */
		TYPE_MISMATCH,
		/** more bytes than the matter accepts */
		TOO_LARGE,
		/** more pages than the matter accepts */
		TOO_MANY_PAGES,
		/** a picture (or a page) of more pixels than the matter accepts */
		TOO_MANY_PIXELS,
		/** a PDF that needs a password to be read */
		ENCRYPTED,
		/** the bytes claim a format but cannot be read as it within the reading budget */
		UNREADABLE
	}

	private final Reason reason;
	private final String fileName;

	public MaterialRefusedException(Reason reason, String fileName, String why) {
		super(fileName + ": " + why);
		this.reason = reason;
		this.fileName = fileName;
	}

	public Reason reason() {
		return reason;
	}

	public String fileName() {
		return fileName;
	}
}
