package org.miaopi.supervision;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of headless supervision (card evidence, report titles and columns) in English or Chinese,
 * chosen by the caller: the workbench passes its language, the CLI its {@code -nl}, and one process may
 * render both (a test, a bilingual report). Kept in {@code text.properties} and {@code text_zh.properties}.
 */
public final class SupervisionText {

	private static final String BUNDLE = "org.miaopi.supervision.text";

	private SupervisionText() {
	}

	/** Chinese for any {@code zh} locale, else English. */
	public static Locale language(Locale l) {
		return l != null && "zh".equals(l.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
	}

	private static ResourceBundle bundle(Locale l) {
		// no fallback to the default locale: English asked on a Chinese machine stays English
		return ResourceBundle.getBundle(BUNDLE, "zh".equals(language(l).getLanguage()) ? Locale.CHINESE : Locale.ROOT,
				SupervisionText.class.getClassLoader(),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	/** The text of {@code key}, or null when there is none. */
	public static String find(String key, Locale l) {
		try {
			return bundle(l).getString(key);
		} catch (MissingResourceException e) {
			return null;
		}
	}

	/** The text of {@code key}; the key itself when missing (never an exception in a report). */
	public static String get(String key, Locale l) {
		String s = find(key, l);
		return s == null ? key : s;
	}

	/** The text of {@code key} with each {@code {name}} replaced by its value (a stage by its name). */
	public static String format(String key, Locale l, Map<String, String> values) {
		return fill(get(key, l), l, values);
	}

	/**
	 * {@code template} with its {@code {name}}s filled in. A part in square brackets, {@code [A|B]}, tells
	 * A when every name in A has a value, B when one of them is there but empty (an open case nobody holds
	 * yet: "open[, held by {officer}|, not yet assigned]"), and nothing when one is not among the facts at
	 * all (a card stored before the officer was one of its facts reads as it did); {@code |B} may be left out.
	 */
	static String fill(String template, Locale l, Map<String, String> values) {
		StringBuilder out = new StringBuilder(template.length() + 32);
		int at = 0;
		for (int open = template.indexOf('['); open >= 0; open = template.indexOf('[', at)) {
			int close = template.indexOf(']', open);
			if (close < 0) {
				break;
			}
			out.append(fillNames(template.substring(at, open), l, values));
			String inside = template.substring(open + 1, close);
			int bar = inside.indexOf('|');
			String first = bar < 0 ? inside : inside.substring(0, bar);
			String part = fillNames(first, l, withoutEmpty(values));
			if (part.indexOf('{') < 0) {
				out.append(part);
			} else if (bar >= 0 && fillNames(first, l, values).indexOf('{') < 0) {
				out.append(fillNames(inside.substring(bar + 1), l, values)); // there, but empty
			}
			at = close + 1;
		}
		return out.append(fillNames(template.substring(at), l, values)).toString();
	}

	private static String fillNames(String template, Locale l, Map<String, String> values) {
		StringBuilder out = new StringBuilder(template.length() + 32);
		int i = 0;
		while (i < template.length()) {
			int open = template.indexOf('{', i);
			int close = open < 0 ? -1 : template.indexOf('}', open);
			if (close < 0) {
				out.append(template, i, template.length());
				break;
			}
			out.append(template, i, open);
			String name = template.substring(open + 1, close);
			String v = values.get(name);
			if (v == null) {
				out.append('{').append(name).append('}');
			} else {
				// a stage by its name; a list (the cards behind a red card) with room to wrap
				out.append("stage".equals(name) ? get("stage." + v, l) : v.replace(",", ", "));
			}
			i = close + 1;
		}
		return out.toString();
	}

	private static Map<String, String> withoutEmpty(Map<String, String> values) {
		Map<String, String> out = new java.util.HashMap<>(values);
		out.values().removeIf(String::isEmpty);
		return out;
	}
}
