package org.miaopi.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.miaopi.core.content.MaterialLimits;
import org.miaopi.core.matter.ComparisonRule;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.model.MaterialRequirement;
import org.miaopi.core.model.SharedSource;

/**
 * What the generator needs to know of a matter, read from the matter plugin's definition.
 *
 * @param legalPerson     whether the applicant is an enterprise (credit code) rather than a person
 * @param timeLimit       committed time limit in working days
 * @param materials       requirement codes of the files the applicant submits (the hukou booklet is
 *                        always met by the household record instead)
 * @param sources         shared-record sources the comparison consults
 * @param themeCode       the theme (一件事) this matter is decided in, or null
 * @param limits          what the matter accepts of one file (intake refuses more)
 */
public record DemoMatter(String code, String nameZh, String nameEn, String departmentCode, boolean legalPerson,
		int timeLimit, List<String> materials, List<SharedSource> sources, String themeCode, MaterialLimits limits) {

	static DemoMatter of(MatterDefinition m, String themeCode) {
		List<String> files = new ArrayList<>();
		Set<SharedSource> sources = EnumSet.noneOf(SharedSource.class);
		for (MaterialRequirement r : m.materials()) {
			if (r.replaceableBySource() != SharedSource.HOUSEHOLD_REGISTRATION) {
				files.add(r.code());
			}
			if (r.isReplaceable()) {
				sources.add(r.replaceableBySource());
			}
		}
		for (ComparisonRule rule : m.comparisonRules()) {
			sources.add(rule.source());
		}
		if (m.policy().blacklistBars()) {
			sources.add(SharedSource.CREDIT_BLACKLIST);
		}
		return new DemoMatter(m.code(), m.nameZh(), m.nameEn(), m.departmentCode(), m.legalPersonApplicant(),
				m.timeLimitWorkingDays(), List.copyOf(files), List.copyOf(sources), themeCode, m.materialLimits());
	}
}
