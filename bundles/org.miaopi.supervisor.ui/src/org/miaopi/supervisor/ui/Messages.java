package org.miaopi.supervisor.ui;

import org.eclipse.osgi.util.NLS;

/** Texts of the supervision part; English in messages.properties, Chinese in messages_zh.properties. */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "org.miaopi.supervisor.ui.messages"; //$NON-NLS-1$

	public static String Part_signedOut;
	public static String Part_title;
	public static String Part_allDepartments;
	public static String Verify_button;
	public static String Verify_running;
	public static String Verify_intact;
	public static String Verify_broken;
	public static String Verify_failed;
	public static String Tab_decisions;
	public static String Tab_cards;
	public static String Tab_sampling;
	public static String Filter_anyOutcome;
	public static String Filter_anySource;
	public static String Filter_auto;
	public static String Filter_officers;
	public static String Filter_overrides;
	public static String Filter_carded;
	public static String Filter_officer;
	public static String Filter_search;
	public static String Search_count;
	public static String Search_more;
	public static String Col_decided;
	public static String Col_dossier;
	public static String Col_department;
	public static String Col_matter;
	public static String Col_officer;
	public static String Col_reviewer;
	public static String Col_outcome;
	public static String Col_reasons;
	public static String Col_justification;
	public static String Col_level;
	public static String Col_rule;
	public static String Col_raised;
	public static String Col_evidence;
	public static String Col_finding;
	public static String Col_note;
	public static String Level_WARNING;
	public static String Level_YELLOW;
	public static String Level_RED;
	public static String Cards_evaluate;
	public static String Cards_count;
	public static String Cards_evaluated;
	public static String Cards_exportCsv;
	public static String Cards_exportPdf;
	public static String Export_running;
	public static String Export_done;
	public static String Export_sealed;
	public static String Export_failed;
	public static String Sampling_percent;
	public static String Sampling_seed;
	public static String Sampling_draw;
	public static String Sampling_drawn;
	public static String Sampling_none;
	public static String Sampling_note;
	public static String Sampling_agree;
	public static String Sampling_disagree;
	public static String Sampling_notReviewed;
	public static String Sampling_agreed;
	public static String Sampling_disagreed;
	public static String Failed;
	public static String Dashboard_title;
	public static String Dashboard_refresh;
	public static String Dashboard_loading;
	public static String Dashboard_asOf;
	public static String Dashboard_asOfUpdating;
	public static String Dashboard_earlierUpdating;
	public static String Dashboard_notUpdated;
	public static String Dashboard_dayTime;
	public static String Dashboard_open;
	public static String Dashboard_shares;
	public static String Dashboard_overBy;
	public static String Dashboard_age;
	public static String Dashboard_noReason;
	public static String Signal_GREEN;
	public static String Signal_WARNING;
	public static String Signal_YELLOW;
	public static String Signal_RED;
	public static String Chart_volume;
	public static String Chart_week;
	public static String Chart_cases;
	public static String Chart_percent;
	public static String Chart_onTime;
	public static String Chart_shares;
	public static String Chart_automaticShare;
	public static String Chart_overrideRate;
	public static String Chart_refusals;
	public static String Chart_reason;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
