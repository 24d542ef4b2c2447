package org.miaopi.cli;

import java.io.PrintStream;
import java.util.List;

/** The headless part of {@code ./miaopi help}. */
final class Help {

	private Help() {
	}

	static void print(List<Subcommand> commands, PrintStream out) {
		out.println("Headless jobs (run without a display):"); //$NON-NLS-1$
		for (Subcommand c : commands) {
			String head = c.name() + (c.usage().isEmpty() ? "" : " " + c.usage()); //$NON-NLS-1$ //$NON-NLS-2$
			out.printf("  %-34s %s%n", head, c.summary()); //$NON-NLS-1$
		}
	}
}
