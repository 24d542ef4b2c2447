package org.miaopi.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The headless part of {@code ./miaopi help}. */
final class Help {

	/** Where the summaries start, as in the launcher's part of the help. */
	private static final int COLUMN = 37;
	private static final int WIDTH = 110;

	private Help() {
	}

	static void print(List<Subcommand> commands, PrintStream out) {
		out.println("Headless jobs (run without a display):"); //$NON-NLS-1$
		for (Subcommand c : commands) {
			String head = c.name() + (c.usage().isEmpty() ? "" : " " + c.usage()); //$NON-NLS-1$ //$NON-NLS-2$
			// a long usage gets lines of its own and the summary starts below it, in its column
			// continuation lines are indented four more: wrap for them, or they run past the width
			List<String> heads = wrap(head, WIDTH - 6);
			List<String> summary = wrap(c.summary(), WIDTH - COLUMN);
			boolean beside = heads.size() == 1 && head.length() < COLUMN - 3;
			for (int i = 0; i < heads.size(); i++) {
				String line = "  " + (i == 0 ? "" : "    ") + heads.get(i); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				if (beside) {
					out.println(String.format("%-" + COLUMN + "s%s", line, summary.get(0)).stripTrailing()); //$NON-NLS-1$ //$NON-NLS-2$
				} else {
					out.println(line);
				}
			}
			for (int i = beside ? 1 : 0; i < summary.size(); i++) {
				out.println(" ".repeat(COLUMN) + summary.get(i));
			}
		}
	}

	/** Words into lines of at most {@code width} characters (a longer word stands alone). */
	static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) { //$NON-NLS-1$
			if (line.length() > 0 && line.length() + 1 + word.length() > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		lines.add(line.toString());
		return lines;
	}
}
