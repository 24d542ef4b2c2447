package org.miaopi.cli.store;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.miaopi.cli.UsageException;

/** {@code --name value} options of the store subcommands. */
final class Args {

	private final Map<String, String> values = new HashMap<>();

	Args(List<String> args, Set<String> allowed) {
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			if (!allowed.contains(a)) {
				throw new UsageException("unknown option '" + a + "'");
			}
			if (i + 1 >= args.size()) {
				throw new UsageException(a + " needs a value");
			}
			values.put(a, args.get(++i));
		}
	}

	int integer(String name, int fallback, int min) {
		String v = values.get(name);
		if (v == null) {
			return fallback;
		}
		try {
			int n = Integer.parseInt(v.replace("_", "").replace(",", ""));
			if (n < min) {
				throw new UsageException(name + " must be at least " + min + ", got " + v);
			}
			return n;
		} catch (NumberFormatException e) {
			throw new UsageException(name + " needs a whole number, got '" + v + "'");
		}
	}

	long number(String name, long fallback) {
		String v = values.get(name);
		try {
			return v == null ? fallback : Long.parseLong(v);
		} catch (NumberFormatException e) {
			throw new UsageException(name + " needs a whole number, got '" + v + "'");
		}
	}

	LocalDate date(String name, LocalDate fallback) {
		String v = values.get(name);
		try {
			return v == null ? fallback : LocalDate.parse(v);
		} catch (DateTimeParseException e) {
			throw new UsageException(name + " needs a date like 2026-11-23, got '" + v + "'");
		}
	}
}
