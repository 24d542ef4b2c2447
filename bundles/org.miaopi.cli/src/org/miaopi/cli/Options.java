package org.miaopi.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options and positional words of a subcommand, with one-line usage errors. */
public final class Options {

	public final Map<String, String> values = new HashMap<>();
	public final List<String> words = new ArrayList<>();

	public static Options parse(List<String> args) {
		Options o = new Options();
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			if (a.startsWith("-")) {
				if (i + 1 >= args.size()) {
					throw new UsageException(a + " needs a value");
				}
				o.values.put(a, args.get(++i));
			} else {
				o.words.add(a);
			}
		}
		return o;
	}

	/** Refuses any option not named here. */
	public Options allow(String... names) {
		for (String k : values.keySet()) {
			if (!List.of(names).contains(k)) {
				throw new UsageException("unknown option '" + k + "'");
			}
		}
		return this;
	}

	/** Refuses positional words: for subcommands that take options only. */
	public Options noWords() {
		if (!words.isEmpty()) {
			throw new UsageException("unexpected argument '" + words.get(0) + "'");
		}
		return this;
	}

	public int integer(String name, int fallback, int min) {
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

	public long number(String name, long fallback) {
		String v = values.get(name);
		try {
			return v == null ? fallback : Long.parseLong(v);
		} catch (NumberFormatException e) {
			throw new UsageException(name + " needs a whole number, got '" + v + "'");
		}
	}

	public LocalDate date(String name, LocalDate fallback) {
		String v = values.get(name);
		try {
			return v == null ? fallback : LocalDate.parse(v);
		} catch (DateTimeParseException e) {
			throw new UsageException(name + " needs a date like 2026-11-23, got '" + v + "'");
		}
	}
}
