package org.miaopi.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The headless application: dispatches {@code ./miaopi <subcommand> args...}. */
public class CliApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] raw = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
		List<String> args = new ArrayList<>(Arrays.asList(raw));
		args.removeIf(a -> a.equals("-consoleLog") || a.equals("-nosplash")); //$NON-NLS-1$ //$NON-NLS-2$
		return run(args, System.out, System.err);
	}

	public static int run(List<String> arguments, PrintStream out, PrintStream err) {
		List<String> args = arguments;
		List<Subcommand> commands = commands();
		if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) { //$NON-NLS-1$ //$NON-NLS-2$
			Help.print(commands, out);
			return Subcommand.OK;
		}
		// two-word subcommands ("bench seal") first, so areas can add their own benchmarks
		String first = args.get(0);
		String twoWords = args.size() >= 2 ? args.get(0) + " " + args.get(1) : null; //$NON-NLS-1$
		Optional<Subcommand> command = commands.stream().filter(c -> c.name().equals(twoWords)).findFirst();
		if (command.isPresent()) {
			args = args.subList(1, args.size());
		} else {
			command = commands.stream().filter(c -> c.name().equals(first)).findFirst();
		}
		String name = command.map(Subcommand::name).orElse(first);
		if (command.isEmpty()) {
			err.println("miaopi: unknown subcommand '" + name + "'. Run './miaopi help' for the list."); //$NON-NLS-1$ //$NON-NLS-2$
			return Subcommand.USAGE;
		}
		try {
			return command.get().run(args.subList(1, args.size()), out, err);
		} catch (UsageException e) {
			err.println("miaopi " + name + ": " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
			err.println("usage: ./miaopi " + name + " " + command.get().usage()); //$NON-NLS-1$ //$NON-NLS-2$
			return Subcommand.USAGE;
		} catch (Exception e) {
			// a failed job says what happened in one line; the stack trace only on request
			err.println("miaopi " + name + ": " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
			if (Boolean.getBoolean("miaopi.debug")) { //$NON-NLS-1$
				e.printStackTrace(err);
			}
			return Subcommand.FAILED;
		}
	}

	static List<Subcommand> commands() {
		BundleContext bundleContext = FrameworkUtil.getBundle(CliApplication.class).getBundleContext();
		try {
			List<Subcommand> found = new ArrayList<>();
			for (ServiceReference<Subcommand> ref : bundleContext.getServiceReferences(Subcommand.class, null)) {
				found.add(bundleContext.getService(ref));
			}
			found.sort(Comparator.comparing(Subcommand::name));
			return found;
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void stop() {
		// subcommands are short jobs; nothing to interrupt
	}
}
