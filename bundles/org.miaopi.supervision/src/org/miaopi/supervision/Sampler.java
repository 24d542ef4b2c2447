package org.miaopi.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.miaopi.core.supervision.DecisionRecord;

/**
 * Random sampling (抽查), reproducible: the decided dossiers are grouped (by officer or by matter) and
 * sorted, and {@code percent} % of each group (at least one) is drawn with {@link Random} seeded by
 * the seed, groups in their sorted order. The same seed over the same decisions draws the same
 * dossiers on any desk and any day; the seed and the draw go to the audit ledger.
 */
public final class Sampler {

	public static final String BY_OFFICER = "officer";
	public static final String BY_MATTER = "matter";

	private Sampler() {
	}

	/** @return the drawn dossier numbers, sorted */
	public static List<String> draw(Collection<DecisionRecord> decisions, int percent, String by, long seed) {
		if (percent < 1 || percent > 100) {
			throw new IllegalArgumentException("a sample takes 1 to 100 %, got " + percent);
		}
		if (!BY_OFFICER.equals(by) && !BY_MATTER.equals(by)) {
			throw new IllegalArgumentException("a sample is drawn by " + BY_OFFICER + " or by " + BY_MATTER + ", not " + by);
		}
		// one entry per dossier: its last decision decides whose (or which matter's) case it is
		Map<String, DecisionRecord> last = new TreeMap<>();
		for (DecisionRecord d : decisions) {
			last.merge(d.dossierNo(), d, (a, b) -> b.time().isAfter(a.time()) ? b : a);
		}
		Map<String, List<String>> groups = new TreeMap<>();
		for (DecisionRecord d : last.values()) {
			String key = BY_OFFICER.equals(by) ? d.officerId() : d.matterCode();
			groups.computeIfAbsent(key == null ? "" : key, k -> new ArrayList<>()).add(d.dossierNo());
		}
		Random random = new Random(seed);
		TreeSet<String> drawn = new TreeSet<>();
		for (List<String> group : groups.values()) {
			int n = Math.max(1, (int) Math.ceil(group.size() * percent / 100.0));
			List<String> pool = new ArrayList<>(group); // sorted, from the TreeMap
			for (int i = 0; i < n; i++) { // partial Fisher-Yates: the first n of a seeded shuffle
				int j = i + random.nextInt(pool.size() - i);
				String t = pool.get(i);
				pool.set(i, pool.get(j));
				pool.set(j, t);
				drawn.add(pool.get(i));
			}
		}
		return List.copyOf(drawn);
	}
}
