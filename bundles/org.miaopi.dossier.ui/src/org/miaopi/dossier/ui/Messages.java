package org.miaopi.dossier.ui;

import org.eclipse.osgi.util.NLS;

/** Texts of the dossier and comparison parts; English in messages.properties, Chinese in messages_zh.properties. */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "org.miaopi.dossier.ui.messages"; //$NON-NLS-1$

	public static String Dossier_emptyTitle;
	public static String Dossier_emptyHint;
	public static String Dossier_title;
	public static String Dossier_facts;
	public static String Dossier_naturalPerson;
	public static String Dossier_legalPerson;
	public static String Dossier_field;
	public static String Dossier_value;
	public static String Dossier_material;
	public static String Dossier_file;
	public static String Dossier_check;
	public static String Dossier_noFile;
	public static String Dossier_replaced;
	public static String Dossier_replacedLong;
	public static String Dossier_missing;
	public static String Dossier_notChecked;
	public static String Dossier_verified;
	public static String Dossier_hashFailed;
	public static String Dossier_contentFailed;
	public static String Viewer_none;
	public static String Viewer_loading;
	public static String Viewer_previous;
	public static String Viewer_next;
	public static String Viewer_previousTip;
	public static String Viewer_nextTip;
	public static String Viewer_zoomOutTip;
	public static String Viewer_fit;
	public static String Viewer_fitTip;
	public static String Viewer_zoomInTip;
	public static String Viewer_keys;
	public static String Viewer_enlarge;
	public static String Viewer_close;
	public static String Viewer_closeTip;
	public static String Viewer_enlargeTip;
	public static String Viewer_verified;
	public static String Viewer_short;
	public static String Viewer_page;
	public static String Viewer_rendering;
	public static String Viewer_refused;
	public static String Viewer_refusedShort;
	public static String Refusal_NOT_SUPPORTED;
	public static String Refusal_TOO_LARGE;
	public static String Refusal_ENCRYPTED;
	public static String Refusal_DAMAGED;
	public static String Refusal_NO_PAGES;
	public static String Refusal_TOO_MANY_PAGES;
	public static String Refusal_TOO_MANY_PIXELS;
	public static String Refusal_TOO_MUCH_DATA;
	public static String Refusal_TOO_COMPLEX;
	public static String Refusal_TOO_SLOW;
	public static String Comparison_emptyTitle;
	public static String Comparison_emptyHint;
	public static String Comparison_outcome;
	public static String Comparison_field;
	public static String Comparison_declared;
	public static String Comparison_recorded;
	public static String Comparison_source;
	public static String Comparison_asOf;
	public static String Comparison_note;
	public static String Comparison_none;
	public static String Comparison_allMatch;
	public static String Comparison_attention;
	public static String Comparison_failed;
	public static String Comparison_replacedTitle;
	public static String Comparison_replaced;

	public static String Key_tip;
	public static String Dossier_matterField;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
