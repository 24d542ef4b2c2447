package org.miaopi.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.matter.SupersededMatter;
import org.miaopi.core.matter.ThemeDefinition;
import org.miaopi.core.matter.UnknownMatterException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The installed matters and themes: whatever MatterDefinition and ThemeDefinition services the
 * matter bundles register, picked up and dropped as bundles come and go. Two plugins claiming
 * one code: the first registered serves it (the second is logged and kept in reserve); when the
 * first leaves, the next still installed takes over, so the code never disappears while a plugin
 * defining it is installed. Definitions a plugin keeps of its earlier policy versions
 * ({@link SupersededMatter}) serve only replays, looked up by policy id and version.
 */
@Component(service = MatterRegistry.class)
public class MatterRegistryService implements MatterRegistry {

	private static final System.Logger LOG = System.getLogger(MatterRegistryService.class.getName());

	/** Per code, every installed definition in the order they came; the first one serves. */
	private final Map<String, List<MatterDefinition>> matters = new ConcurrentHashMap<>();
	private final Map<String, List<ThemeDefinition>> themes = new ConcurrentHashMap<>();
	/** Per code, the earlier definitions installed plugins keep for replay. */
	private final Map<String, List<MatterDefinition>> superseded = new ConcurrentHashMap<>();

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	public void addMatter(MatterDefinition m) {
		if (add(matters, m.code(), m) > 1) {
			LOG.log(System.Logger.Level.WARNING, "two plugins define matter " + m.code() + "; keeping the first");
		}
	}

	public void removeMatter(MatterDefinition m) {
		remove(matters, m.code(), m);
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	public void addSuperseded(SupersededMatter m) {
		add(superseded, m.code(), m);
	}

	public void removeSuperseded(SupersededMatter m) {
		remove(superseded, m.code(), m);
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	public void addTheme(ThemeDefinition t) {
		if (add(themes, t.code(), t) > 1) {
			LOG.log(System.Logger.Level.WARNING, "two plugins define theme " + t.code() + "; keeping the first");
		}
	}

	public void removeTheme(ThemeDefinition t) {
		remove(themes, t.code(), t);
	}

	/** Adds a definition behind those of its code; returns how many the code has now. */
	private static <T> int add(Map<String, List<T>> by, String code, T definition) {
		return by.compute(code, (k, old) -> {
			List<T> now = new ArrayList<>(old == null ? List.of() : old);
			if (now.stream().noneMatch(d -> d == definition)) {
				now.add(definition);
			}
			return List.copyOf(now);
		}).size();
	}

	/** Removes exactly this definition; the code stays while another plugin still defines it. */
	private static <T> void remove(Map<String, List<T>> by, String code, T definition) {
		by.computeIfPresent(code, (k, old) -> {
			List<T> now = new ArrayList<>(old);
			now.removeIf(d -> d == definition);
			return now.isEmpty() ? null : List.copyOf(now);
		});
	}

	private static <T> Optional<T> first(Map<String, List<T>> by, String code) {
		List<T> all = code == null ? null : by.get(code);
		return all == null ? Optional.empty() : Optional.of(all.get(0));
	}

	@Override
	public Optional<MatterDefinition> find(String matterCode) {
		return first(matters, matterCode);
	}

	@Override
	public MatterDefinition require(String matterCode) {
		return find(matterCode).orElseThrow(() -> new UnknownMatterException(matterCode,
				matters().stream().map(MatterDefinition::code).toList()));
	}

	@Override
	public List<MatterDefinition> matters() {
		List<MatterDefinition> all = new ArrayList<>(matters.values().stream().map(l -> l.get(0)).toList());
		all.sort(Comparator.comparing(MatterDefinition::code));
		return all;
	}

	@Override
	public Optional<MatterDefinition> underPolicy(String matterCode, String policyId, String policyVersion) {
		if (matterCode == null || policyId == null || policyVersion == null) {
			return Optional.empty();
		}
		// the serving definition first, then one held in reserve, then the kept earlier versions
		List<MatterDefinition> candidates = new ArrayList<>(matters.getOrDefault(matterCode, List.of()));
		candidates.addAll(superseded.getOrDefault(matterCode, List.of()));
		return candidates.stream()
				.filter(m -> policyId.equals(m.policy().id()) && policyVersion.equals(m.policy().version())).findFirst();
	}

	@Override
	public Optional<ThemeDefinition> theme(String themeCode) {
		return first(themes, themeCode);
	}

	@Override
	public List<ThemeDefinition> themes() {
		List<ThemeDefinition> all = new ArrayList<>(themes.values().stream().map(l -> l.get(0)).toList());
		all.sort(Comparator.comparing(ThemeDefinition::code));
		return all;
	}
}
