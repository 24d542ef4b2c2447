package org.miaopi.updates.ui;

import org.eclipse.osgi.util.NLS;

/** Texts of the Matter plugins part; English in messages.properties, Chinese in messages_zh.properties. */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "org.miaopi.updates.ui.messages"; //$NON-NLS-1$

	public static String Plugins_repository;
	public static String Plugins_check;
	public static String Plugins_install;
	public static String Plugins_update;
	public static String Plugins_uninstall;
	public static String Plugins_rollback;
	public static String Plugins_columnPlugin;
	public static String Plugins_columnInstalled;
	public static String Plugins_columnOffered;
	public static String Plugins_columnCategory;
	public static String Plugins_columnContributes;
	public static String Plugins_notInstalled;
	public static String Plugins_updateAvailable;
	public static String Plugins_new;
	public static String Plugins_partOfProduct;
	public static String Plugins_notActive;
	public static String Plugins_policy;
	public static String Plugins_template;
	public static String Plugins_unavailable;
	public static String Plugins_adminOnly;
	public static String Plugins_noRepository;
	public static String Plugins_selectFirst;
	public static String Plugins_checked;
	public static String Plugins_jobList;
	public static String Plugins_jobCheck;
	public static String Plugins_jobChange;
	public static String Plugins_hubNotInstalled;
	public static String Done_INSTALLED;
	public static String Done_UPDATED;
	public static String Done_UNINSTALLED;
	public static String Done_ROLLED_BACK;
	public static String Done_UP_TO_DATE;
	public static String Done_restart;
	public static String Refused_title;
	public static String Refused_nothingChanged;
	public static String Refused_UNSIGNED;
	public static String Refused_FOREIGN_SIGNER;
	public static String Refused_BAD_SIGNATURE;
	public static String Refused_CERTIFICATE_ONLY;
	public static String Refused_CHECKSUM;
	public static String Refused_INCOMPATIBLE;
	public static String Refused_NOT_FOUND;
	public static String Refused_ALREADY_INSTALLED;
	public static String Refused_NOT_INSTALLED;
	public static String Refused_PART_OF_PRODUCT;
	public static String Refused_NOTHING_TO_ROLL_BACK;
	public static String Refused_NOT_ALLOWED;
	public static String Refused_REPOSITORY;
	public static String Refused_FAILED;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
