package org.miaopi.updates.ui;

import org.eclipse.osgi.util.NLS;
import org.miaopi.updates.Outcome;
import org.miaopi.updates.PluginRefusedException;

/** A change's outcome and a refusal in the user's language (never an exception's class name). */
final class Texts {

	private Texts() {
	}

	static String done(Outcome o) {
		String pattern = switch (o.kind()) {
		case INSTALLED -> Messages.Done_INSTALLED;
		case UPDATED -> Messages.Done_UPDATED;
		case UNINSTALLED -> Messages.Done_UNINSTALLED;
		case ROLLED_BACK -> Messages.Done_ROLLED_BACK;
		case UP_TO_DATE -> Messages.Done_UP_TO_DATE;
		};
		String text = NLS.bind(pattern, new Object[] { o.pluginId(), dash(o.fromVersion()), dash(o.toVersion()) });
		return o.restartNeeded() ? text + " " + Messages.Done_restart : text; //$NON-NLS-1$
	}

	static String refused(PluginRefusedException e) {
		String pattern = switch (e.reason()) {
		case UNSIGNED -> Messages.Refused_UNSIGNED;
		case FOREIGN_SIGNER -> Messages.Refused_FOREIGN_SIGNER;
		case BAD_SIGNATURE -> Messages.Refused_BAD_SIGNATURE;
		case CERTIFICATE_ONLY -> Messages.Refused_CERTIFICATE_ONLY;
		case CHECKSUM -> Messages.Refused_CHECKSUM;
		case INCOMPATIBLE -> Messages.Refused_INCOMPATIBLE;
		case NOT_FOUND -> Messages.Refused_NOT_FOUND;
		case ALREADY_INSTALLED -> Messages.Refused_ALREADY_INSTALLED;
		case NOT_INSTALLED -> Messages.Refused_NOT_INSTALLED;
		case PART_OF_PRODUCT -> Messages.Refused_PART_OF_PRODUCT;
		case NOTHING_TO_ROLL_BACK -> Messages.Refused_NOTHING_TO_ROLL_BACK;
		case NOT_ALLOWED -> Messages.Refused_NOT_ALLOWED;
		case REPOSITORY -> Messages.Refused_REPOSITORY;
		case FAILED -> Messages.Refused_FAILED;
		};
		return Messages.Refused_title + ": " + NLS.bind(pattern, e.subject(), e.getMessage()) + " " //$NON-NLS-1$ //$NON-NLS-2$
				+ Messages.Refused_nothingChanged;
	}

	private static String dash(String s) {
		return s == null ? "-" : s; //$NON-NLS-1$
	}
}
