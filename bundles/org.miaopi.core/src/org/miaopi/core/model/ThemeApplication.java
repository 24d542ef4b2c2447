package org.miaopi.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A theme (一件事) dossier as the front office took it in: one application that lists the matters
 * it applies for. Its members (one {@link Dossier} per listed matter, each naming this number as
 * {@link Dossier#themeDossierNo()}) may reach the desk in separate batches; the list says how many
 * and which the theme waits for, so it is never decided on the members that happened to arrive first.
 *
 * @param number      the theme dossier's number (what its members name)
 * @param themeCode   the theme's code, as its plugin defines it ({@code ThemeDefinition#code()})
 * @param matterCodes the matters the application lists, one member each, in issuance order
 */
public record ThemeApplication(String number, String themeCode, List<String> matterCodes) {

	public ThemeApplication {
		Checks.text(number, "number");
		Checks.text(themeCode, "themeCode");
		matterCodes = Checks.texts(Checks.present(matterCodes, "matterCodes"), "matterCodes");
		if (matterCodes.size() < 2) {
			throw new IllegalArgumentException("theme dossier " + number + " lists " + matterCodes.size()
					+ " matter(s): a theme bundles at least two; a single matter is an ordinary dossier");
		}
		Set<String> seen = new HashSet<>();
		for (String m : matterCodes) {
			if (!seen.add(m)) {
				throw new IllegalArgumentException("theme dossier " + number + " lists matter " + m + " twice");
			}
		}
	}
}
