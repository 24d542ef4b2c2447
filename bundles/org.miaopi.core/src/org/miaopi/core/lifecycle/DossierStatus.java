package org.miaopi.core.lifecycle;

/** Where a dossier stands; which moves are legal is {@link Lifecycle}'s business. */
public enum DossierStatus {
	RECEIVED("已受理", "Received"),
	/** Shared-record comparison done; the 秒批 policy may decide here. */
	PRE_CHECKED("已预审", "Pre-checked"),
	ASSIGNED("已分派", "Assigned"),
	IN_REVIEW("审查中", "In review"),
	SUPPLEMENT_REQUESTED("待补正", "Supplement requested"),
	APPROVED("准予许可", "Approved"),
	REJECTED("不予许可", "Rejected"),
	CERTIFICATE_ISSUED("已出证", "Certificate issued"),
	ARCHIVED("已归档", "Archived"),
	WITHDRAWN("已撤回", "Withdrawn");

	private final String nameZh;
	private final String nameEn;

	DossierStatus(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String nameZh() {
		return nameZh;
	}

	public String nameEn() {
		return nameEn;
	}

	/** Approved or rejected, or beyond: a decision exists and can no longer be withdrawn from. */
	public boolean isDecided() {
		return this == APPROVED || this == REJECTED || this == CERTIFICATE_ISSUED || this == ARCHIVED;
	}

	/** No transition leaves this status. */
	public boolean isFinal() {
		return this == ARCHIVED || this == WITHDRAWN;
	}
}
