package org.miaopi.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.matter.ThemeDefinition;
import org.miaopi.core.matter.UnknownMatterException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The installed matters and themes: whatever MatterDefinition and ThemeDefinition services the
 * matter bundles register, picked up and dropped as bundles come and go. Two plugins claiming
 * one code: the first registered keeps it (the second is logged and ignored).
 */
@Component(service = MatterRegistry.class)
public class MatterRegistryService implements MatterRegistry {

	private static final System.Logger LOG = System.getLogger(MatterRegistryService.class.getName());

	private final Map<String, MatterDefinition> matters = new ConcurrentHashMap<>();
	private final Map<String, ThemeDefinition> themes = new ConcurrentHashMap<>();

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	public void addMatter(MatterDefinition m) {
		if (matters.putIfAbsent(m.code(), m) != null && matters.get(m.code()) != m) {
			LOG.log(System.Logger.Level.WARNING, "two plugins define matter " + m.code() + "; keeping the first");
		}
	}

	public void removeMatter(MatterDefinition m) {
		matters.remove(m.code(), m);
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	public void addTheme(ThemeDefinition t) {
		themes.putIfAbsent(t.code(), t);
	}

	public void removeTheme(ThemeDefinition t) {
		themes.remove(t.code(), t);
	}

	@Override
	public Optional<MatterDefinition> find(String matterCode) {
		return matterCode == null ? Optional.empty() : Optional.ofNullable(matters.get(matterCode));
	}

	@Override
	public MatterDefinition require(String matterCode) {
		return find(matterCode).orElseThrow(() -> new UnknownMatterException(matterCode,
				matters().stream().map(MatterDefinition::code).toList()));
	}

	@Override
	public List<MatterDefinition> matters() {
		List<MatterDefinition> all = new ArrayList<>(matters.values());
		all.sort(Comparator.comparing(MatterDefinition::code));
		return all;
	}

	@Override
	public Optional<ThemeDefinition> theme(String themeCode) {
		return themeCode == null ? Optional.empty() : Optional.ofNullable(themes.get(themeCode));
	}

	@Override
	public List<ThemeDefinition> themes() {
		List<ThemeDefinition> all = new ArrayList<>(themes.values());
		all.sort(Comparator.comparing(ThemeDefinition::code));
		return all;
	}
}
