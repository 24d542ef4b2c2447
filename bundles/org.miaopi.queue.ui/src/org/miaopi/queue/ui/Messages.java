package org.miaopi.queue.ui;

import org.eclipse.osgi.util.NLS;

/** Texts of the queue; English in messages.properties, Chinese in messages_zh.properties. */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "org.miaopi.queue.ui.messages"; //$NON-NLS-1$

	public static String Queue_columnNumber;
	public static String Queue_columnApplicant;
	public static String Queue_columnMatter;
	public static String Queue_columnReceived;
	public static String Queue_columnDeadline;
	public static String Queue_columnStatus;
	public static String Queue_columnMismatches;
	public static String Queue_columnMismatchesShort;
	public static String Queue_columnMarkers;
	public static String Queue_columnHolder;
	public static String Queue_holderYou;
	public static String Assign_claim;
	public static String Assign_handBack;
	public static String Assign_reassign;
	public static String Assign_failedTitle;
	public static String Assign_heldByOther;
	public static String Assign_refused;
	public static String Reassign_title;
	public static String Reassign_message;
	public static String Queue_signedOutTitle;
	public static String Queue_signedOutHint;
	public static String Queue_searchHint;
	public static String Queue_matter;
	public static String Queue_status;
	public static String Queue_allMatters;
	public static String Queue_openStatuses;
	public static String Queue_count;
	public static String Queue_countMore;
	public static String Queue_failed;
	public static String Queue_sortTip;
	public static String Queue_savedFilters;
	public static String Queue_savedFiltersTip;
	public static String Queue_filterMenuTip;
	public static String Queue_filterSave;
	public static String Queue_filterRename;
	public static String Queue_filterDelete;
	public static String Queue_noSavedFilters;
	public static String Queue_chooseSavedFilter;
	public static String Queue_filterNameEmpty;
	public static String Queue_filterStoreFailed;
	public static String Queue_filterMissing;
	public static String Queue_filterNameTaken;
	public static String Queue_filterSaveTitle;
	public static String Queue_filterNamePrompt;
	public static String Queue_filterReplace;
	public static String Queue_filterRenameTitle;
	public static String Queue_filterDeleteTitle;
	public static String Queue_filterDeleteAsk;
	public static String Queue_markerInstant;
	public static String Queue_markerMissing;
	public static String Queue_allStatuses;
	public static String Queue_noMatchText;
	public static String Queue_noMatchFilters;
	public static String Queue_noMatchHint;
	public static String Queue_noRoleTitle;
	public static String Queue_noRoleHint;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
