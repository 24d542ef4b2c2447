package org.miaopi.updates.internal;

import java.util.List;

import org.miaopi.core.model.Department;

/**
 * The department a repository category stands for. The matters site and releng/publish-matter.sh
 * write one category per department, named by its code and labelled "CODE 中文名 English name";
 * Tycho and p2's category publisher prefix the name with a qualifier ({@code 202612032349.SZPSB}).
 * The desk's own department list (its store) names a department better than a label does.
 */
public final class Departments {

	private Departments() {
	}

	/** @return the department of a category unit, or null for none */
	public static Department ofCategory(String categoryId, String label) {
		if (categoryId == null || categoryId.isBlank()) {
			return null;
		}
		String code = categoryId.substring(categoryId.lastIndexOf('.') + 1);
		String rest = label == null ? "" : label.strip();
		if (rest.startsWith(code)) {
			rest = rest.substring(code.length()).strip();
		}
		int latin = 0;
		while (latin < rest.length() && !isAsciiLetter(rest.charAt(latin))) {
			latin++;
		}
		String zh = rest.substring(0, latin).strip();
		String en = rest.substring(latin).strip();
		if (zh.isEmpty()) {
			zh = en.isEmpty() ? code : en;
		}
		if (en.isEmpty()) {
			en = zh;
		}
		return new Department(code, zh, en);
	}

	/** The desk's names for {@code code} when it knows the department, else {@code fallback} (may be null). */
	public static Department named(String code, List<Department> known, Department fallback) {
		if (code == null) {
			return fallback;
		}
		for (Department d : known) {
			if (d.code().equals(code)) {
				return d;
			}
		}
		return fallback != null ? fallback : new Department(code, code, code);
	}

	private static boolean isAsciiLetter(char c) {
		return c < 128 && Character.isLetter(c);
	}
}
