package org.miaopi.supervision;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.miaopi.core.supervision.Card;

/**
 * A card's evidence, stored in no language: the facts the rule found, as {@code name=value} pairs
 * ({@code state=open; used=12; limit=10; deadline=2026-11-20; ...}), and shown as a sentence in the
 * reader's language ({@code evidence.<RULE>[.<v>]} in {@link SupervisionText}). The stored row is what
 * the evaluation found, the same for a supervisor reading Chinese and an auditor reading English, and a
 * sentence changed later renders every card ever stored. Cards stored before (English sentences) are
 * shown as stored.
 */
public final class CardEvidence {

	/** The fact naming the sentence's variant (open/decided, ended, ...). */
	public static final String VARIANT = "v";

	private static final Pattern FACTS = Pattern.compile("\\w+=[^;=]*(; \\w+=[^;=]*)*");

	private CardEvidence() {
	}

	/** The stored form of {@code name, value, name, value, ...}; values must hold no ';'. */
	public static String of(Object... nameValues) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < nameValues.length; i += 2) {
			String v = String.valueOf(nameValues[i + 1]);
			if (v.indexOf(';') >= 0 || v.indexOf('=') >= 0) {
				throw new IllegalArgumentException("a fact's value may not hold ';' or '=': " + v);
			}
			b.append(b.isEmpty() ? "" : "; ").append(nameValues[i]).append('=').append(v);
		}
		return b.toString();
	}

	/** The facts of stored evidence, in order; empty for evidence stored as a sentence. */
	public static Map<String, String> facts(String evidence) {
		Map<String, String> out = new LinkedHashMap<>();
		if (evidence == null || !FACTS.matcher(evidence).matches()) {
			return out;
		}
		for (String pair : evidence.split("; ")) {
			int eq = pair.indexOf('=');
			out.put(pair.substring(0, eq), pair.substring(eq + 1));
		}
		return out;
	}

	/** The card's evidence as a sentence in {@code language} (English unless Chinese). */
	public static String render(Card card, Locale language) {
		return render(card, language, null);
	}

	/**
	 * The same, naming the officer as {@code names} does ("held by 李娜" where the facts say li.na); the
	 * stored facts keep the id.
	 */
	public static String render(Card card, Names names) {
		return render(card, names.language(), names);
	}

	private static String render(Card card, Locale language, Names names) {
		Map<String, String> facts = facts(card.evidence());
		String officer = facts.get("officer");
		if (names != null && officer != null && !officer.isEmpty()) {
			facts.put("officer", names.officer(officer));
		}
		String cards = facts.get("cards");
		if (cards != null && !cards.isEmpty()) {
			facts.put("cards", cards(cards, language));
		}
		if (facts.isEmpty()) {
			return card.evidence();
		}
		String key = "evidence." + card.rule();
		String variant = facts.get(VARIANT);
		String template = variant == null ? null : SupervisionText.find(key + "." + variant, language);
		if (template == null) {
			template = SupervisionText.find(key, language);
		}
		// a rule this desk has no sentence for (a newer plugin's): its facts, as stored
		return template == null ? card.evidence() : SupervisionText.fill(template, language, facts);
	}

	/**
	 * The cards behind a red card (their keys {@code rule|dossier|subject}) as a reader is told them: each
	 * dossier with its rule's name, "SZ1 (环节超时)", in the order stored.
	 */
	private static String cards(String keys, Locale language) {
		StringBuilder out = new StringBuilder();
		for (String key : keys.split(",")) {
			String[] p = key.split("\\|", -1);
			out.append(out.isEmpty() ? "" : ",").append(p.length < 3 ? key : p[1] + " (" + ruleName(p[0], language) + ")");
		}
		return out.toString();
	}

	/**
	 * A rule's name in {@code language} ({@code rule.<RULE>}: "Stage past its limit", 环节超时); the code
	 * itself for a rule this desk has no name for (a newer plugin's).
	 */
	public static String ruleName(String rule, Locale language) {
		String name = SupervisionText.find("rule." + rule, language);
		return name == null ? rule : name;
	}

	/** The card's level in {@code language}: 预警, 黄牌, 红牌. */
	public static String level(Card card, Locale language) {
		return SupervisionText.get("level." + card.level().name(), language);
	}
}
