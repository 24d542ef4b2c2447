package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Every text of the shell exists in English and in Simplified Chinese. */
class TranslationsTest {

	@ParameterizedTest
	@ValueSource(strings = { "org.miaopi.ui:org/miaopi/ui/messages", "org.miaopi.ui:org/miaopi/ui/api/events", "org.miaopi.ui:OSGI-INF/l10n/bundle",
			"org.miaopi.queue.ui:org/miaopi/queue/ui/messages", "org.miaopi.queue.ui:OSGI-INF/l10n/bundle",
			"org.miaopi.dossier.ui:org/miaopi/dossier/ui/messages", "org.miaopi.dossier.ui:OSGI-INF/l10n/bundle",
			"org.miaopi.decision.ui:org/miaopi/decision/ui/messages", "org.miaopi.decision.ui:OSGI-INF/l10n/bundle",
			"org.miaopi.updates.ui:org/miaopi/updates/ui/messages",
			"org.miaopi.supervisor.ui:org/miaopi/supervisor/ui/messages", "org.miaopi.supervisor.ui:OSGI-INF/l10n/bundle",
			"org.miaopi.sync.ui:org/miaopi/sync/ui/messages", "org.miaopi.sync.ui:OSGI-INF/l10n/bundle",
			"org.miaopi.admin.ui:org/miaopi/admin/ui/messages", "org.miaopi.admin.ui:OSGI-INF/l10n/bundle" })
	void chineseHasEveryKeyOfEnglish(String where) throws Exception {
		String bundle = where.substring(0, where.indexOf(':'));
		String base = where.substring(where.indexOf(':') + 1);
		Properties en = load(bundle, base + ".properties");
		Properties zh = load(bundle, base + "_zh.properties");
		assertTrue(en.size() >= 4, base + " has texts");
		assertEquals(en.keySet(), zh.keySet(), base + ": same keys in both languages");
		for (String key : zh.stringPropertyNames()) {
			String text = zh.getProperty(key);
			assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
					base + " " + key + " is translated: " + text);
		}
	}

	private static Properties load(String bundle, String path) throws Exception {
		Bundle ui = java.util.Arrays.stream(FrameworkUtil.getBundle(org.miaopi.ui.Messages.class).getBundleContext().getBundles())
				.filter(b -> b.getSymbolicName().equals(bundle)).findFirst().orElseThrow();
		URL url = ui.getEntry(path);
		if (url == null) {
			url = ui.getResource(path);
		}
		Properties p = new Properties();
		try (InputStream in = url.openStream()) {
			p.load(in); // ISO-8859-1 with \\u escapes, exactly as Eclipse NLS reads it
		}
		return p;
	}
}
