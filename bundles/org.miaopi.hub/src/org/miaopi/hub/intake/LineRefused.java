package org.miaopi.hub.intake;

/** Thrown while checking one line; becomes a {@link Refusal} with the line's number. */
final class LineRefused extends Exception {

	private static final long serialVersionUID = 1L;

	LineRefused(String reason) {
		super(reason, null, false, false);
	}
}
