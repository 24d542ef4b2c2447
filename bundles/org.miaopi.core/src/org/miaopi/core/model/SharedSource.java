package org.miaopi.core.model;

/** The government data sources whose records replace paper materials. */
public enum SharedSource {
	HOUSEHOLD_REGISTRATION("户籍", "Household registration"),
	EDUCATION("学历", "Education"),
	SOCIAL_SECURITY("社保", "Social security"),
	BUSINESS_REGISTRY("市场主体登记", "Business registry"),
	CREDIT_BLACKLIST("失信名单", "Credit blacklist"),
	LICENCE_REGISTRY("电子证照库", "Electronic licence registry");

	private final String nameZh;
	private final String nameEn;

	SharedSource(String nameZh, String nameEn) {
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
