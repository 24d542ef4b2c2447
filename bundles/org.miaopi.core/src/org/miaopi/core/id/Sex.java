package org.miaopi.core.id;

/** Sex as encoded in a resident ID's sequence number (odd = male). */
public enum Sex {
	MALE("男", "male"),
	FEMALE("女", "female");

	private final String nameZh;
	private final String nameEn;

	Sex(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String nameZh() {
		return nameZh;
	}

	public String nameEn() {
		return nameEn;
	}
}
