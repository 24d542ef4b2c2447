package org.miaopi.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One headless job of {@code ./miaopi <name> ...}. Implementations are Declarative Services
 * components, so an area adds a subcommand without touching the application.
 */
public interface Subcommand {

	/** Exit codes shared by all subcommands. */
	int OK = 0;
	int FAILED = 1;
	int USAGE = 2;

	/** The word typed after {@code ./miaopi}, e.g. "demo" or "verify". */
	String name();

	/** One line for {@code ./miaopi help}. */
	String summary();

	/** Arguments as typed after the name, e.g. "--dossiers N --seed S". */
	String usage();

	int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
