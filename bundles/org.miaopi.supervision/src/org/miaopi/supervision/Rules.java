package org.miaopi.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supervision rules as data: {@code supervision-rules.properties} beside this class documents
 * every key and holds the Guangdong-style defaults; a desk may replace it with a file of its own, and
 * any key may be set for one matter as {@code matter.<code>.<key>}.
 */
public final class Rules {

	public static final String RESOURCE = "supervision-rules.properties";

	private final Properties values;
	/**
	 * Each rule read once per matter (by matter code, "" for the general one, then by key): a signals run asks
	 * for the same few keys of 100,000 cases, so an answer costs two lookups and no string built.
	 */
	private final Map<String, Map<String, Integer>> read = new ConcurrentHashMap<>();
	private final Map<String, Map<String, Boolean>> flags = new ConcurrentHashMap<>();
	private static final String[] STAGE_KEYS = java.util.Arrays.stream(Stage.values()).map(s -> "stage." + s.key() + ".days")
			.toArray(String[]::new);

	private Rules(Properties values) {
		this.values = values;
	}

	/** The defaults shipped with Miaopi. */
	public static Rules defaults() {
		try (InputStream in = Rules.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing beside " + Rules.class.getName());
			}
			return read(new InputStreamReader(in, StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The defaults, with the keys of {@code file} (if it exists) replacing them. */
	public static Rules defaultsAnd(Path file) {
		Rules base = defaults();
		if (file == null || !Files.isRegularFile(file)) {
			return base;
		}
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Properties p = new Properties();
			p.putAll(base.values);
			p.load(r);
			Rules rules = new Rules(p);
			rules.check();
			return rules;
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read supervision rules " + file, e);
		}
	}

	/** Rules from properties text, on top of nothing: every key used must be there. */
	public static Rules read(Reader in) throws IOException {
		Properties p = new Properties();
		p.load(in);
		Rules rules = new Rules(p);
		rules.check();
		return rules;
	}

	/** These rules with one key changed (for all matters, or one with "matter.CODE.key"). */
	public Rules with(String key, Object value) {
		Properties p = new Properties();
		p.putAll(values);
		p.setProperty(key, String.valueOf(value));
		Rules rules = new Rules(p);
		rules.check();
		return rules;
	}

	/** An integer rule for a matter: its own value if set, else the general one. */
	public int days(String matterCode, String key) {
		Map<String, Integer> ofMatter = ofMatter(read, matterCode);
		Integer known = ofMatter.get(key);
		if (known != null) {
			return known;
		}
		int v = parse(matterCode, key);
		ofMatter.put(key, v);
		return v;
	}

	private static <T> Map<String, T> ofMatter(Map<String, Map<String, T>> cache, String matterCode) {
		String code = matterCode == null ? "" : matterCode;
		Map<String, T> known = cache.get(code);
		return known != null ? known : cache.computeIfAbsent(code, c -> new ConcurrentHashMap<>());
	}

	private int parse(String matterCode, String key) {
		String raw = raw(matterCode, key);
		try {
			int v = Integer.parseInt(raw.strip());
			if (v < 0) {
				throw new IllegalArgumentException("supervision rule " + key + " must not be negative, got " + v);
			}
			return v;
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("supervision rule " + key + " is not a whole number: '" + raw + "'");
		}
	}

	/** A rule's text as set (e.g. the department whose seal seals reports). */
	public String text(String key) {
		return raw(null, key).strip();
	}

	public boolean flag(String matterCode, String key) {
		Map<String, Boolean> ofMatter = ofMatter(flags, matterCode);
		Boolean known = ofMatter.get(key);
		if (known != null) {
			return known;
		}
		boolean v = Boolean.parseBoolean(raw(matterCode, key).strip());
		ofMatter.put(key, v);
		return v;
	}

	/** The limit of a stage for a matter, in working days. */
	public int stageLimit(String matterCode, Stage stage) {
		return days(matterCode, STAGE_KEYS[stage.ordinal()]);
	}

	private String raw(String matterCode, String key) {
		String v = matterCode == null ? null : values.getProperty("matter." + matterCode + "." + key);
		if (v == null) {
			v = values.getProperty(key);
		}
		if (v == null) {
			throw new IllegalArgumentException("supervision rule " + key + " is not set");
		}
		return v;
	}

	/** Reads every general key once, so a broken rules file is refused when loaded, not mid-evaluation. */
	private void check() {
		for (String k : new String[] { "warning.days", "red.overdue.days", "red.repeat.yellows", "supplement.days",
				"score.base", "score.warnings.run", "score.warnings.points", "score.yellow.points", "score.red.points",
				"score.early.days", "score.early.points", "score.early.cap" }) {
			days(null, k);
		}
		for (Stage s : Stage.values()) {
			stageLimit(null, s);
		}
		raw(null, "supplement.stops.clock");
		if (days(null, "score.warnings.run") == 0 || days(null, "red.repeat.yellows") == 0) {
			throw new IllegalArgumentException("score.warnings.run and red.repeat.yellows must be at least 1");
		}
	}
}
