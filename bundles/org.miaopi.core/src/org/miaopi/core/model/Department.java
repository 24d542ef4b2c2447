package org.miaopi.core.model;

/** A department that decides matters and seals their certificates. */
public record Department(String code, String nameZh, String nameEn) {

	public Department {
		Checks.text(code, "code");
		Checks.text(nameZh, "nameZh");
		Checks.text(nameEn, "nameEn");
	}
}
