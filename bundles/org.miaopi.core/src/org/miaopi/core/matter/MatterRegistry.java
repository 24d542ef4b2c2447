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
}
