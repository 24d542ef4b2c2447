package org.miaopi.certificate.internal;

import com.itextpdf.commons.actions.EventManager;

/**
 * iText's process-wide settings, made once before the first document is written or read.
 * <ul>
 * <li>The XML parsers of {@link FastXmlParsers}.</li>
 * <li>iText's own switch for its AGPL banner ({@link EventManager#acknowledgeAgplUsageDisableWarningMessage()}):
 * without it iText prints the banner on standard output after many documents, in the middle of
 * the CLI's output. Miaopi uses iText under the AGPL knowingly: the README's licences section says
 * so, and iText's producer line stays in every PDF as the licence asks.</li>
 * </ul>
 */
public final class ITextSetup {

	private static volatile boolean done;

	private ITextSetup() {
	}

	public static void install() {
		if (!done) {
			synchronized (ITextSetup.class) {
				if (!done) {
					FastXmlParsers.install();
					EventManager.acknowledgeAgplUsageDisableWarningMessage();
					done = true;
				}
			}
		}
	}
}
