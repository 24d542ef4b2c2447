package org.miaopi.ui.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.MaterialRequirement;

/**
 * The workbench's view of the matters the plugins registered ({@link MatterRegistry}): names,
 * materials, reason codes and legal basis as each matter defines them. Each reason code says which
 * kinds of decision it fits ({@link org.miaopi.core.matter.ReasonUse}); the core refuses the others.
 */
public final class RegistryMatterCatalog implements MatterCatalog {

	private final Supplier<MatterRegistry> registry;

	/** @param registry looked up on each use: the registry is a DS service that may come late or go */
	public RegistryMatterCatalog(Supplier<MatterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public List<String> matterCodes() {
		MatterRegistry r = registry.get();
		return r == null ? List.of() : r.matters().stream().map(MatterDefinition::code).toList();
	}

	@Override
	public String name(String matterCode) {
		return Texts.chinese() ? nameZh(matterCode) : nameEn(matterCode);
	}

	@Override
	public String nameZh(String matterCode) {
		return find(matterCode).map(MatterDefinition::nameZh).orElse(matterCode);
	}

	@Override
	public String nameEn(String matterCode) {
		return find(matterCode).map(MatterDefinition::nameEn).orElse(matterCode);
	}

	@Override
	public List<String> requiredMaterials(String matterCode) {
		return find(matterCode).map(m -> m.materials().stream().map(MaterialRequirement::code).toList()).orElse(List.of());
	}

	@Override
	public List<ReasonCode> reasonCodes(String matterCode, DecisionKind kind) {
		return find(matterCode).map(m -> m.reasonCodes(kind).stream()
				.map(r -> new ReasonCode(r.code(), r.textZh(), r.textEn())).toList()).orElse(List.of());
	}

	@Override
	public String legalBasis(String matterCode, DecisionKind kind) {
		return find(matterCode).map(MatterDefinition::legalBasis).orElse(""); //$NON-NLS-1$
	}

	@Override
	public String fieldName(String matterCode, String fieldKey) {
		return find(matterCode).flatMap(m -> m.fields().stream().filter(f -> f.key().equals(fieldKey)).findFirst())
				.map(f -> Texts.chinese() ? f.nameZh() : f.nameEn()).orElse(fieldKey);
	}

	@Override
	public String materialName(String matterCode, String requirementCode) {
		return find(matterCode).flatMap(m -> m.materials().stream().filter(r -> r.code().equals(requirementCode)).findFirst())
				.map(r -> Texts.chinese() ? r.nameZh() : r.nameEn()).orElse(requirementCode);
	}

	private Optional<MatterDefinition> find(String code) {
		MatterRegistry r = registry.get();
		return r == null || code == null ? Optional.empty() : r.find(code);
	}
}
