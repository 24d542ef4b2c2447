package org.miaopi.cli.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.cli.UsageException;

/** {@code --name value} options and positional words of the engine subcommands. */
final class Options {

	final Map<String, String> values = new HashMap<>();
	final java.util.List<String> words = new java.util.ArrayList<>();

	static Options parse(List<String> args) {
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

	Options allow(String... names) {
		for (String k : values.keySet()) {
			if (!List.of(names).contains(k)) {
				throw new UsageException("unknown option '" + k + "'");
			}
		}
		return this;
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
}
