package org.miaopi.admin.ui;

import org.eclipse.osgi.util.NLS;

/** Texts of the admin's parts; English in messages.properties, Chinese in messages_zh.properties. */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "org.miaopi.admin.ui.messages"; //$NON-NLS-1$

	public static String Admin_signedOutTitle;
	public static String Admin_signedOutHint;
	public static String Admin_refused;
	public static String Admin_failed;
	public static String Admin_notAdmin;
	public static String Admin_reasonTitle;
	public static String Admin_reasonRequired;
	public static String Users_title;
	public static String Users_create;
	public static String Users_change;
	public static String Users_lock;
	public static String Users_unlock;
	public static String Users_reset;
	public static String Users_columnId;
	public static String Users_columnName;
	public static String Users_columnDepartment;
	public static String Users_columnRole;
	public static String Users_columnState;
	public static String Users_active;
	public static String Users_lockedByAdmin;
	public static String Users_lockedUntil;
	public static String Users_mustChange;
	public static String Users_chooseFirst;
	public static String Users_lockPrompt;
	public static String Users_resetConfirm;
	public static String Users_newTitle;
	public static String Users_newMessage;
	public static String Users_changeTitle;
	public static String Users_fieldId;
	public static String Users_fieldName;
	public static String Users_fieldDepartment;
	public static String Users_fieldRole;
	public static String Users_idHint;
	public static String Users_otpTitle;
	public static String Users_otpMessage;
	public static String Users_created;
	public static String Users_locked;
	public static String Users_unlocked;
	public static String Users_changed;
	public static String Users_unchanged;
	public static String Seals_title;
	public static String Seals_rotate;
	public static String Seals_revoke;
	public static String Seals_columnDepartment;
	public static String Seals_columnName;
	public static String Seals_columnAlgorithm;
	public static String Seals_columnValidFrom;
	public static String Seals_columnValidTo;
	public static String Seals_columnState;
	public static String Seals_columnRetired;
	public static String Seals_valid;
	public static String Seals_expiring;
	public static String Seals_expired;
	public static String Seals_revoked;
	public static String Seals_none;
	public static String Seals_noneHint;
	public static String Seals_warning;
	public static String Seals_allValid;
	public static String Seals_rotateConfirm;
	public static String Seals_rotated;
	public static String Seals_revokePrompt;
	public static String Seals_revokedDone;
	public static String Seals_columnWhere;
	public static String Seals_inKeystore;
	public static String Seals_inToken;
	public static String Seals_toToken;
	public static String Seals_movingToToken;
	public static String Seals_movedToToken;
	public static String SealToken_title;
	public static String SealToken_message;
	public static String SealToken_module;
	public static String SealToken_slot;
	public static String SealToken_alias;
	public static String SealToken_aliasHint;
	public static String SealToken_pin;
	public static String SealToken_move;
	public static String SealToken_incomplete;
	public static String Seals_chooseFirst;
	public static String Sources_title;
	public static String Sources_offline;
	public static String Sources_online;
	public static String Sources_columnSource;
	public static String Sources_columnState;
	public static String Sources_columnSince;
	public static String Sources_columnWhy;
	public static String Sources_available;
	public static String Sources_unavailable;
	public static String Sources_offlinePrompt;
	public static String Sources_onlinePrompt;
	public static String Sources_changed;
	public static String Sources_unchanged;
	public static String Sources_chooseFirst;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
