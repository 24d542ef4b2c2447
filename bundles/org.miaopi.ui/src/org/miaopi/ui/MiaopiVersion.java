package org.miaopi.ui;

import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/** The version users see: the shell bundle's, without the build qualifier's noise. */
public final class MiaopiVersion {

	private MiaopiVersion() {
	}

	public static Version bundleVersion() {
		return FrameworkUtil.getBundle(MiaopiVersion.class).getVersion();
	}

	/** "0.1.0 (build 202611231530)". */
	public static String display() {
		Version v = bundleVersion();
		String base = v.getMajor() + "." + v.getMinor() + "." + v.getMicro(); //$NON-NLS-1$ //$NON-NLS-2$
		return v.getQualifier().isEmpty() ? base : base + " (build " + v.getQualifier() + ")"; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
