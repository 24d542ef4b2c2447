package org.miaopi.core;

import java.util.Locale;

/** Names and identity of the product, shared by the workbench, the CLI and the certificates. */
public final class Product {

	public static final String NAME_EN = "Miaopi";
	public static final String NAME_ZH = "秒批";

	private Product() {
	}

	/** "Miaopi (秒批)" for every locale but Chinese, where it reads "秒批 (Miaopi)". */
	public static String displayName(Locale locale) {
		if (Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
			return NAME_ZH + " (" + NAME_EN + ")";
		}
		return NAME_EN + " (" + NAME_ZH + ")";
	}
}
