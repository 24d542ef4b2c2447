package org.miaopi.core.matter;

import java.util.Collection;

/** A dossier or a command names a matter no installed plugin defines. */
public class UnknownMatterException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String matterCode;

	public UnknownMatterException(String matterCode, Collection<String> installed) {
		super("no installed matter plugin defines matter '" + matterCode + "' (installed: "
				+ (installed.isEmpty() ? "none" : String.join(", ", installed)) + ")");
		this.matterCode = matterCode;
	}

	public String matterCode() {
		return matterCode;
	}
}
