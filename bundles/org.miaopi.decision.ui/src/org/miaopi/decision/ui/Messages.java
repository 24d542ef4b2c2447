package org.miaopi.decision.ui;

import org.eclipse.osgi.util.NLS;

/** Texts of the decision and audit parts; English in messages.properties, Chinese in messages_zh.properties. */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "org.miaopi.decision.ui.messages"; //$NON-NLS-1$

	public static String Decision_emptyTitle;
	public static String Decision_emptyHint;
	public static String Decision_kind;
	public static String Decision_reasons;
	public static String Decision_legalBasis;
	public static String Decision_justification;
	public static String Decision_justificationRequired;
	public static String Decision_decide;
	public static String Decision_header;
	public static String Decision_headerAttention;
	public static String Decision_headerNotCompared;
	public static String Decision_done;
	public static String Decision_doneSigned;
	public static String Signature_valid;
	public static String Signature_invalid;
	public static String Signature_unsigned;
	public static String Signature_unchecked;
	public static String Decision_themeWaits;
	public static String Decision_themeReady;
	public static String Decision_themeRejected;
	public static String Decision_themeWithdrawn;
	public static String Decision_notOfficer;
	public static String Decision_notDecidable;
	public static String Decision_heldByOther;
	public static String Decision_chooseKind;
	public static String Decision_needReason;
	public static String Decision_needLegalBasis;
	public static String Decision_needJustification;
	public static String Decision_failed;
	public static String Decision_confirmTitle;
	public static String Decision_confirm;
	public static String Decision_confirmNoReasons;
	public static String Decision_confirmRejectTitle;
	public static String Decision_confirmReject;
	public static String Decision_confirmSupplementTitle;
	public static String Decision_confirmSupplement;
	public static String Decision_stale;
	public static String Decision_reasonUnsupported;
	public static String Decision_reasonFields;
	public static String Decision_last;
	public static String Decision_bySystem;
	public static String Decision_lastReason;
	public static String Decision_lastReasonCode;
	public static String Decision_lastBasis;
	public static String Decision_lastJustification;
	public static String Decision_nextSupplement;
	public static String Decision_nextApproved;
	public static String Decision_nextThemeApproved;
	public static String Decision_nextRejected;
	public static String Decision_nextIssued;
	public static String Decision_nextReceived;
	public static String Decision_nextClosed;
	public static String Issue_job;
	public static String Issue_task;
	public static String Certificate_title;
	public static String Certificate_for;
	public static String Certificate_none;
	public static String Certificate_issuing;
	public static String Certificate_valid;
	public static String Certificate_invalid;
	public static String Certificate_failed;
	public static String Certificate_view;
	public static String Certificate_open;
	public static String Certificate_verify;
	public static String Certificate_unreadable;
	public static String Certificate_noViewer;
	public static String Certificate_verifying;
	public static String Certificate_verifyJob;
	public static String Certificate_verifiedAgain;
	public static String Certificate_failedAgain;
	public static String Certificate_verifyFailed;
	public static String Audit_emptyTitle;
	public static String Audit_emptyHint;
	public static String Audit_title;
	public static String Audit_failed;
	public static String Audit_seq;
	public static String Audit_time;
	public static String Audit_actor;
	public static String Audit_event;
	public static String Audit_details;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
