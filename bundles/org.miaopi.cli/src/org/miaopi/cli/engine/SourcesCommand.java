package org.miaopi.cli.engine;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.SharedSourceService;
import org.miaopi.core.service.SourceState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi sources [list | offline SOURCE REASON | online SOURCE]}: the shared data sources
 * and whether they can be asked. While a source is offline the 秒批 engine approves nothing that
 * needs it: such dossiers go to officers with reason SOURCE-UNAVAILABLE. Each change is an audit
 * event, recorded as the desk's system (the sync's role), with the operating user in the note.
 */
@Component(service = Subcommand.class)
public class SourcesCommand implements Subcommand {

	@Reference
	private SharedSourceService sources;

	@Override
	public String name() {
		return "sources";
	}

	@Override
	public String summary() {
		return "list the shared data sources, or mark one offline (its dossiers go to officers) or online again";
	}

	@Override
	public String usage() {
		return "[list | offline SOURCE REASON | online SOURCE] (SOURCE: one of "
				+ String.join(", ", Arrays.stream(SharedSource.values()).map(Enum::name).toList()) + ")";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		String what = args.isEmpty() ? "list" : args.get(0);
		switch (what) {
		case "list" -> {
			if (args.size() > 1) {
				throw new UsageException("list takes no arguments");
			}
			out.printf("%-24s %-12s %-26s %s%n", "source", "state", "since", "by / why");
			for (SourceState s : sources.sources()) {
				out.printf("%-24s %-12s %-26s %s%n", s.source() + " " + s.source().nameZh(), s.available() ? "available" : "UNAVAILABLE",
						s.changed() == null ? "-" : s.changed().toString(),
						s.changedBy() == null ? "" : s.changedBy() + (s.note() == null ? "" : ": " + s.note()));
			}
			return OK;
		}
		case "offline", "online" -> {
			boolean online = what.equals("online");
			if (args.size() < 2 || (!online && args.size() < 3)) {
				throw new UsageException(online ? "online needs the source" : "offline needs the source and a reason");
			}
			SharedSource source = source(args.get(1));
			String note = String.join(" ", args.subList(2, args.size())).strip();
			String by = System.getProperty("user.name", "?");
			boolean changed = sources.setAvailable(Officer.SYSTEM, source, online,
					note.isEmpty() ? "by " + by : note + " (by " + by + ")");
			out.println(source + (changed ? " is now " : " already was ") + (online ? "available" : "unavailable")
					+ (online ? "" : "; the 秒批 engine routes the dossiers that need it to officers"));
			return OK;
		}
		default -> throw new UsageException("unknown action '" + what + "'; say list, offline or online");
		}
	}

	private static SharedSource source(String name) {
		try {
			return SharedSource.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
		} catch (IllegalArgumentException e) {
			throw new UsageException("no shared source '" + name + "'; the sources are " + Arrays.toString(SharedSource.values()));
		}
	}
}
