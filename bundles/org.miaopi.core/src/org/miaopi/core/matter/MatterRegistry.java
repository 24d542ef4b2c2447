package org.miaopi.core.matter;

import java.util.List;
import java.util.Optional;

/** The matters and themes installed on this desk, as their plugins registered them. */
public interface MatterRegistry {

	Optional<MatterDefinition> find(String matterCode);

	/** @throws UnknownMatterException naming the code and the installed matters */
	MatterDefinition require(String matterCode);

	/** Sorted by code. */
	List<MatterDefinition> matters();

	Optional<ThemeDefinition> theme(String themeCode);

	/** Sorted by code. */
	List<ThemeDefinition> themes();

	/**
	 * The matter as it stood under one policy (id and version), to replay a decision taken under it:
	 * the installed definition when its policy is that one, else a {@link SupersededMatter} an
	 * installed plugin keeps for replay. Empty when no installed plugin has that policy any more.
	 *
	 * @since 1.1
	 */
	default Optional<MatterDefinition> underPolicy(String matterCode, String policyId, String policyVersion) {
		return find(matterCode).filter(m -> m.policy().id().equals(policyId) && m.policy().version().equals(policyVersion));
	}
}
