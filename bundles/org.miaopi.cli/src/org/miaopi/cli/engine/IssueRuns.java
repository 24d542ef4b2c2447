package org.miaopi.cli.engine;

import java.io.PrintStream;
import java.util.List;

import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;

/** What the system's issuance runs ({@code issue-themes}, {@code issue-approved}) share: the limit, and the failures' report. */
final class IssueRuns {

	private IssueRuns() {
	}

	/** {@code [--limit N]} and nothing else; no limit is every one ready. */
	static int limit(List<String> raw) {
		Options options = Options.parse(raw).allow("--limit"); //$NON-NLS-1$
		if (!options.words.isEmpty()) {
			throw new UsageException("unexpected argument '" + options.words.get(0) + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return options.integer("--limit", Integer.MAX_VALUE, 1); //$NON-NLS-1$
	}

	/** Lists the failures after what stays to be tried again; the exit code. */
	static int report(List<String> failures, String stays, PrintStream err) {
		if (failures.isEmpty()) {
			return Subcommand.OK;
		}
		err.println("some certificates were not issued; " + stays + " and the next run tries them again:"); //$NON-NLS-1$ //$NON-NLS-2$
		failures.forEach(f -> err.println("  " + f)); //$NON-NLS-1$
		return Subcommand.FAILED;
	}
}
