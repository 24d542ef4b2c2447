package org.miaopi.certificate;

import java.util.List;

/**
 * The answer to "can I trust this certificate?": each check in plain words, and an overall OK only
 * if every check holds.
 */
public record Verdict(List<Check> checks) {

	/** One verification step: what was checked, whether it holds, and what was found. */
	public record Check(String name, boolean ok, String words) {
	}

	public Verdict {
		checks = List.copyOf(checks);
	}

	public boolean ok() {
		return !checks.isEmpty() && checks.stream().allMatch(Check::ok);
	}

	public Check check(String name) {
		return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
	}

	public String summary() {
		StringBuilder b = new StringBuilder();
		for (Check c : checks) {
			b.append(c.ok() ? "  [ok]   " : "  [FAIL] ").append(c.name()).append(": ").append(c.words()).append('\n'); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		b.append(ok() ? "VERDICT: VALID — every check holds" : "VERDICT: NOT VALID"); //$NON-NLS-1$ //$NON-NLS-2$
		return b.toString();
	}
}
