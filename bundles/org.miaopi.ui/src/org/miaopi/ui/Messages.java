package org.miaopi.ui;

import org.eclipse.osgi.util.NLS;

/** Texts of the workbench shell; English in messages.properties, Chinese in messages_zh.properties. */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "org.miaopi.ui.messages"; //$NON-NLS-1$

	public static String About_title;
	public static String About_text;
	public static String Keys_title;
	public static String Keys_columnKeys;
	public static String Keys_columnCommand;
	public static String Keys_hint;
	public static String Queue_columnNumber;
	public static String Queue_columnApplicant;
	public static String Queue_columnMatter;
	public static String Queue_columnReceived;
	public static String Queue_columnDeadline;
	public static String Queue_columnStatus;
	public static String Queue_columnMismatches;
	public static String Queue_emptyTitle;
	public static String Queue_emptyHint;
	public static String Dossier_emptyTitle;
	public static String Dossier_emptyHint;
	public static String Comparison_emptyTitle;
	public static String Comparison_emptyHint;
	public static String Decision_emptyTitle;
	public static String Decision_emptyHint;
	public static String Audit_emptyTitle;
	public static String Audit_emptyHint;
	public static String Plugins_emptyTitle;
	public static String Plugins_emptyHint;
	public static String Plugins_columnBundle;
	public static String Plugins_columnVersion;
	public static String Plugins_columnState;
	public static String Status_notSignedIn;
	public static String Status_storeNotOpened;
	public static String Status_version;
	public static String LifeCycle_corruptState;
	public static String LifeCycle_newVersion;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
