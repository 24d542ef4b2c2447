package org.miaopi.core.model;

/**
 * A material a matter asks for.
 *
 * @param required             false for materials that may be missing under 容缺受理
 * @param replaceableBySource  the shared source whose record makes the file unnecessary, or null
 */
public record MaterialRequirement(String code, String nameZh, String nameEn, boolean required,
		SharedSource replaceableBySource) {

	public MaterialRequirement {
		Checks.text(code, "code");
		Checks.text(nameZh, "nameZh");
		Checks.text(nameEn, "nameEn");
	}

	public boolean isReplaceable() {
		return replaceableBySource != null;
	}
}
