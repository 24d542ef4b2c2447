package org.miaopi.checks;

import java.util.List;

import org.miaopi.core.matter.ThemeDefinition;

/** A theme from its parts; a theme bundle's component extends this with its own data. */
public abstract class DefinedTheme implements ThemeDefinition {

	private final String code, nameZh, nameEn;
	private final List<String> matterCodes;

	protected DefinedTheme(String code, String nameZh, String nameEn, List<String> matterCodes) {
		this.code = code;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.matterCodes = List.copyOf(matterCodes);
		if (matterCodes.size() < 2) {
			throw new IllegalArgumentException("theme " + code + " needs at least two matters");
		}
	}

	// @formatter:off
	@Override public String code() { return code; }
	@Override public String nameZh() { return nameZh; }
	@Override public String nameEn() { return nameEn; }
	@Override public List<String> matterCodes() { return matterCodes; }
	// @formatter:on
}
