package org.miaopi.ui;

import org.eclipse.osgi.util.NLS;

/** Texts of the workbench shell; English in messages.properties, Chinese in messages_zh.properties. */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "org.miaopi.ui.messages"; //$NON-NLS-1$

	public static String About_title;
	public static String Columns_fit;
	public static String About_text;
	public static String About_storeKeyFile;
	public static String About_storePassword;
	public static String About_sealsDemo;
	public static String About_sealsCustodian;
	public static String SealPassword_title;
	public static String SealPassword_message;
	public static String SealPassword_wrong;
	public static String SealPassword_empty;
	public static String SealPassword_unlock;
	public static String StorePassword_title;
	public static String StorePassword_message;
	public static String StorePassword_wrong;
	public static String StorePassword_empty;
	public static String StorePassword_open;
	public static String TokenPin_title;
	public static String TokenPin_message;
	public static String TokenPin_wrong;
	public static String TokenPin_empty;
	public static String SealTokenPin_title;
	public static String SealTokenPin_message;
	public static String Keys_title;
	public static String Keys_columnKeys;
	public static String Keys_columnCommand;
	public static String Keys_hint;
	public static String Keys_close;
	public static String Status_notSignedIn;
	public static String Status_storeNotOpened;
	public static String Status_version;
	public static String LifeCycle_corruptState;
	public static String SignIn_title;
	public static String SignIn_message;
	public static String SignIn_noUsers;
	public static String SignIn_user;
	public static String SignIn_userEntry;
	public static String SignIn_password;
	public static String SignIn_ok;
	public static String SignIn_later;
	public static String SignIn_chooseUser;
	public static String SignIn_wrong;
	public static String SignIn_unknownUser;
	public static String SignIn_notDemo;
	public static String SignIn_storeFailed;
	public static String SignIn_lockedUntil;
	public static String SignIn_lockedByAdmin;
	public static String SignIn_changeMessage;
	public static String SignIn_newPassword;
	public static String SignIn_repeat;
	public static String SignIn_tooShort;
	public static String SignIn_mismatch;
	public static String SignIn_sameAsOneTime;
	public static String Store_title;
	public static String Store_locked;
	public static String Store_wrongKey;
	public static String Store_keyMissing;
	public static String Store_tooNew;
	public static String Store_io;
	public static String Store_failed;
	public static String Store_details;
	public static String Store_briefLocked;
	public static String Store_briefKey;
	public static String Store_briefTooNew;
	public static String Store_briefFailed;
	public static String Status_signedIn;
	public static String Role_OFFICER;
	public static String Role_SUPERVISOR;
	public static String Role_CITY_SUPERVISOR;
	public static String Role_ADMIN;
	public static String Role_SYSTEM;
	public static String Status_storeEncrypted;
	public static String Status_storePlain;
	public static String Status_storeFailed;
	public static String Status_alerts;
	public static String Timeliness_overdue;
	public static String Timeliness_atRisk;
	public static String Timeliness_daysLeft;
	public static String Timeliness_decidedOnTime;
	public static String Timeliness_decidedLate;
	public static String Timeliness_closed;
	public static String Status_alertsCounting;
	public static String Status_alertsJob;
	public static String LifeCycle_newVersion;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
