package org.miaopi.core.model;

/** How a declared value compares with what the shared records say. */
public enum ComparisonOutcome {
	MATCH("一致", "Match"),
	MISMATCH("不一致", "Mismatch"),
	/** No record, or the record lacks the field. */
	MISSING("无记录", "Missing"),
	/** A record exists but is older than the rule accepts. */
	STALE("数据过期", "Stale"),
	/** The declared value is malformed, so nothing could be compared. */
	INVALID("申报值无效", "Invalid");

	private final String nameZh;
	private final String nameEn;

	ComparisonOutcome(String nameZh, String nameEn) {
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
