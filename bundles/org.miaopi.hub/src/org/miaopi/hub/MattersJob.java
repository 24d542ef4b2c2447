package org.miaopi.hub;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.miaopi.hub.HubApplication.UsageError;
import org.miaopi.hub.store.MatterVersions;

/**
 * {@code ./miaopi hub matters list | log | enable CODE VERSION [--theme] [--note WHY] | disable …}:
 * the matter (and theme) versions enabled city-wide, followed by every desk at its next sync
 * (docs/hub.md, "Matter versions at the hub"). Each change is logged with the operating-system user
 * who made it and the note.
 */
final class MattersJob {

	private MattersJob() {
	}

	static void run(MatterVersions versions, List<String> args, PrintStream out) throws UsageError {
		String verb = args.isEmpty() ? "list" : args.remove(0); //$NON-NLS-1$
		switch (verb) {
		case "list" -> { //$NON-NLS-1$
			none(args);
			List<MatterVersions.State> all = versions.list();
			if (all.isEmpty()) {
				out.println("hub: no matter version named yet: every desk uses the versions it has installed"); //$NON-NLS-1$
			}
			for (MatterVersions.State s : all) {
				out.printf("%-7s %-24s %-16s %-9s since %s by %s%n", s.kind(), s.code(), s.version(), s.enabled() ? "enabled" : "DISABLED", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						s.updatedAt(), s.updatedBy());
			}
		}
		case "log" -> { //$NON-NLS-1$
			none(args);
			for (MatterVersions.Change c : versions.log()) {
				out.printf("%s %-7s %-24s %-16s %-9s by %s%s%n", c.at(), c.kind(), c.code(), c.version(), c.enabled() ? "enabled" : "disabled", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						c.by(), c.note() == null ? "" : " (" + c.note() + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
		}
		case "enable", "disable" -> { //$NON-NLS-1$ //$NON-NLS-2$
			boolean enable = verb.equals("enable"); //$NON-NLS-1$
			MatterVersions.Kind kind = args.remove("--theme") ? MatterVersions.Kind.THEME : MatterVersions.Kind.MATTER; //$NON-NLS-1$
			String note = null;
			int n = args.indexOf("--note"); //$NON-NLS-1$
			if (n >= 0) {
				if (n + 1 >= args.size()) {
					throw new UsageError("--note takes the reason"); //$NON-NLS-1$
				}
				note = args.remove(n + 1).strip();
				args.remove(n);
			}
			if (args.size() != 2) {
				throw new UsageError("matters " + verb + " CODE VERSION [--theme] [--note WHY]"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			String code = args.get(0);
			boolean changed;
			try {
				changed = versions.set(kind, code, args.get(1), enable, System.getProperty("user.name"), note); //$NON-NLS-1$
			} catch (IllegalArgumentException e) {
				throw new UsageError(e.getMessage());
			}
			String what = kind.name().toLowerCase(Locale.ROOT) + " " + code + " " + args.get(1); //$NON-NLS-1$ //$NON-NLS-2$
			out.println("hub: " + what + (changed ? (enable ? " is enabled" : " is disabled") + " city-wide; desks follow at their next sync" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					: (enable ? " was enabled already" : " was disabled already"))); //$NON-NLS-1$ //$NON-NLS-2$
		}
		default -> throw new UsageError("unknown matters job '" + verb + "' (list, log, enable, disable)"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static void none(List<String> args) throws UsageError {
		if (!args.isEmpty()) {
			throw new UsageError("unexpected " + args); //$NON-NLS-1$
		}
	}
}
