package org.miaopi.sync.ui;

import org.eclipse.osgi.util.NLS;

/** The sync's texts in the workbench, English and Simplified Chinese. */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "org.miaopi.sync.ui.messages"; //$NON-NLS-1$

	public static String Sync_alone;
	public static String Sync_aloneTip;
	public static String Sync_running;
	public static String Sync_online;
	public static String Sync_offline;
	public static String Sync_notYet;
	public static String Sync_last;
	public static String Sync_refused;
	public static String Sync_tipLastEnded;
	public static String Sync_tipNever;
	public static String Sync_tipKeys;
	public static String Sync_job;
	public static String Settle_job;
	public static String Settle_progress;
	public static String Settle_failed;
	public static String Prefs_title;
	public static String Prefs_intro;
	public static String Prefs_hub;
	public static String Prefs_interval;
	public static String Prefs_desk;
	public static String Prefs_department;
	public static String Prefs_certificate;
	public static String Prefs_root;
	public static String Prefs_notEnrolled;
	public static String Prefs_badHub;
	public static String Prefs_cannotSave;
	public static String Prefs_cannotRead;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
