package org.miaopi.dossier.ui;

import org.eclipse.osgi.util.NLS;
import org.miaopi.core.content.MaterialLimits;
import org.miaopi.materials.CannotDisplay;

/** Why a material cannot be displayed, in the user's words and language: never an exception's name. */
final class Refusals {

	private Refusals() {
	}

	static String text(CannotDisplay why) {
		long limit = why.limit();
		return switch (why.reason()) {
		case NOT_SUPPORTED -> Messages.Refusal_NOT_SUPPORTED;
		case TOO_LARGE -> NLS.bind(Messages.Refusal_TOO_LARGE, MaterialLimits.size(limit));
		case ENCRYPTED -> Messages.Refusal_ENCRYPTED;
		case NO_PAGES -> Messages.Refusal_NO_PAGES;
		case TOO_MANY_PAGES -> NLS.bind(Messages.Refusal_TOO_MANY_PAGES, limit);
		case TOO_MANY_PIXELS -> NLS.bind(Messages.Refusal_TOO_MANY_PIXELS, limit / 1_000_000);
		case TOO_MUCH_DATA -> NLS.bind(Messages.Refusal_TOO_MUCH_DATA, limit >> 20);
		case TOO_COMPLEX -> Messages.Refusal_TOO_COMPLEX;
		case TOO_SLOW -> NLS.bind(Messages.Refusal_TOO_SLOW, Math.max(1, limit / 1000));
		case DAMAGED, CANCELLED -> Messages.Refusal_DAMAGED;
		};
	}
}
