package org.miaopi.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * Checks a PDF against veraPDF's PDF/A-2B validation profile (ISO 19005-2, level B), independently
 * of iText's own PDF/A checker that wrote it.
 */
final class PdfA2b {

	/** One rule of the profile that failed: its clause and test number, how often, what it demands, and the first place. */
	record Failure(String clause, int test, int count, String description, String firstPlace) {
		@Override
		public String toString() {
			return clause + "-" + test + " (" + count + "x): " + description + (firstPlace.isEmpty() ? "" : " [first at " + firstPlace + "]");
		}
	}

	/**
	 * @param declared the flavour the file's XMP metadata claims (veraPDF's detection)
	 * @param rules    rules in the profile
	 * @param checks   rule checks evaluated on this file's objects
	 */
	record Report(String profile, PDFAFlavour declared, int rules, int checks, List<Failure> failures) {
		boolean compliant() {
			return failures.isEmpty();
		}

		String summary() {
			StringBuilder s = new StringBuilder(String.format("%s: %d rules, %d checks, %d failed rule(s)", profile, rules, checks, failures.size()));
			failures.forEach(f -> s.append(System.lineSeparator()).append("  ").append(f));
			return s.toString();
		}
	}

	static {
		VeraGreenfieldFoundryProvider.initialise();
	}

	private PdfA2b() {
	}

	static Report validate(Path pdf) throws Exception {
		try (InputStream in = Files.newInputStream(pdf); PDFAParser parser = Foundries.defaultInstance().createParser(in)) {
			PDFAFlavour declared = parser.getFlavour();
			// false: record failed checks only (a passing certificate has thousands of passed ones)
			ValidationResult result = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false).validate(parser);
			List<Failure> failures = new ArrayList<>();
			for (Map.Entry<RuleId, Integer> e : result.getFailedChecks().entrySet()) {
				RuleId id = e.getKey();
				Rule rule = result.getValidationProfile().getRuleByRuleId(id);
				failures.add(new Failure(id.getClause(), id.getTestNumber(), e.getValue(), rule == null ? "?" : rule.getDescription(),
						firstPlace(result, id)));
			}
			failures.sort(Comparator.comparing(Failure::clause).thenComparingInt(Failure::test));
			if (!result.isCompliant() && failures.isEmpty()) {
				failures.add(new Failure("?", 0, 0, "veraPDF reports the file not compliant without a failed rule (job status "
						+ result.getJobEndStatus() + ")", ""));
			}
			return new Report(result.getValidationProfile().getDetails().getName(), declared, result.getValidationProfile().getRules().size(),
					result.getTotalAssertions(), failures);
		}
	}

	private static String firstPlace(ValidationResult result, RuleId id) {
		for (TestAssertion a : result.getTestAssertions()) {
			if (a.getStatus() == TestAssertion.Status.FAILED && a.getRuleId().equals(id)) {
				String where = a.getLocation() == null ? "" : a.getLocation().getContext();
				return a.getErrorMessage() == null || a.getErrorMessage().isBlank() ? where : where + ": " + a.getErrorMessage();
			}
		}
		return "";
	}

	static Path write(Path file, byte[] bytes) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.write(file, bytes);
	}
}
