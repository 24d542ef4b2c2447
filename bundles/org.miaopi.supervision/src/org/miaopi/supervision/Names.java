package org.miaopi.supervision;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Officer;

/**
 * The names a supervisor reads where the record keeps codes, in one language: a matter's name as its plugin
 * registered it ({@link MatterRegistry}), a department's and an officer's as the desk's store keeps them, a
 * rule's from {@link SupervisionText}. A code this desk has no name for (a matter whose plugin is not
 * installed, a user the desk does not know) is told as the code itself: a report never loses a row to a name.
 */
public final class Names {

	private final Locale language;
	private final Map<String, String> matters = new HashMap<>();
	private final Map<String, String> departments = new HashMap<>();
	private final Map<String, String> officers = new HashMap<>();
	private final Map<String, String> reasons = new HashMap<>();

	/**
	 * @param matters     the installed matters, or null (none known)
	 * @param departments the desk's departments (may be empty)
	 * @param officers    the desk's users (may be empty)
	 */
	public Names(Locale language, MatterRegistry matters, List<Department> departments, List<Officer> officers) {
		this.language = SupervisionText.language(language);
		boolean zh = "zh".equals(this.language.getLanguage());
		if (matters != null) {
			for (MatterDefinition m : matters.matters()) {
				this.matters.put(m.code(), zh ? m.nameZh() : m.nameEn());
				// a code means the same in every matter that defines it (the standard ones are shared): the first names it
				m.reasonCodes().forEach(r -> this.reasons.putIfAbsent(r.code(), zh ? r.textZh() : r.textEn()));
			}
		}
		for (Department d : departments) {
			this.departments.put(d.code(), zh ? d.nameZh() : d.nameEn());
		}
		for (Officer o : officers) {
			this.officers.put(o.id(), o.name());
		}
		// the 秒批 system decides without a person: named as such in either language
		this.officers.put(Officer.SYSTEM_ID, SupervisionText.get("officer.SYSTEM", this.language));
	}

	/** No names known but the rules' and the 秒批 system's (tests, a desk without a store). */
	public static Names none(Locale language) {
		return new Names(language, null, List.of(), List.of());
	}

	public Locale language() {
		return language;
	}

	public String matter(String code) {
		return named(matters, code);
	}

	public String department(String code) {
		return named(departments, code);
	}

	public String officer(String id) {
		return named(officers, id);
	}

	/** A reason code's text, as the installed matters define it. */
	public String reason(String code) {
		return named(reasons, code);
	}

	public String rule(String code) {
		return code == null || code.isEmpty() ? "" : CardEvidence.ruleName(code, language);
	}

	/** The name of a performance row's key, grouped {@code by}. */
	public String of(Performance.By by, String key) {
		return switch (by) {
		case DEPARTMENT -> department(key);
		case MATTER -> matter(key);
		case OFFICER -> officer(key);
		};
	}

	/** A name with its code after it, for a line of text: "毕业生落户 (GRAD-HUKOU)"; the code alone when no name differs. */
	public static String withCode(String name, String code) {
		if (code == null || code.isEmpty() || code.equals("null")) {
			return "-";
		}
		return name == null || name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
	}

	private static String named(Map<String, String> names, String code) {
		if (code == null || code.isEmpty() || code.equals("null")) {
			return ""; // nobody holds the case: an empty cell, as the code's
		}
		String name = names.get(code);
		return name == null || name.isBlank() ? code : name;
	}
}
