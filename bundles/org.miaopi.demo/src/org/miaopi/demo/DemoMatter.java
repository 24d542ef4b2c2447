package org.miaopi.demo;

import java.util.List;

import org.miaopi.core.model.SharedSource;

/**
 * A matter as demo data (a later issue turns matters into plugins).
 *
 * @param legalPerson     whether the applicant is an enterprise (credit code) rather than a person
 * @param timeLimit       committed time limit in working days
 * @param materials       requirement codes of the files the applicant submits
 * @param sources         shared-record sources the comparison consults
 * @param themeCode       the theme (一件事) this matter is decided in, or null
 */
public record DemoMatter(String code, String nameZh, String nameEn, String departmentCode, boolean legalPerson,
		int timeLimit, List<String> materials, List<SharedSource> sources, String themeCode) {
}
