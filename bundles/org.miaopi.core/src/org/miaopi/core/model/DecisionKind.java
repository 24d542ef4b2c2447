package org.miaopi.core.model;

import org.miaopi.core.lifecycle.DossierStatus;

public enum DecisionKind {
	APPROVE("准予许可", "Approve", DossierStatus.APPROVED),
	REJECT("不予许可", "Reject", DossierStatus.REJECTED),
	REQUEST_SUPPLEMENT("补正材料", "Request supplement", DossierStatus.SUPPLEMENT_REQUESTED);

	private final String nameZh;
	private final String nameEn;
	private final DossierStatus resultingStatus;

	DecisionKind(String nameZh, String nameEn, DossierStatus resultingStatus) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.resultingStatus = resultingStatus;
	}

	public String nameZh() {
		return nameZh;
	}

	public String nameEn() {
		return nameEn;
	}

	/** The status a dossier moves to when this decision is taken. */
	public DossierStatus resultingStatus() {
		return resultingStatus;
	}
}
