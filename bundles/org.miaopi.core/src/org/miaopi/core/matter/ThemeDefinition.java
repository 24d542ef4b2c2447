package org.miaopi.core.matter;

import java.util.List;

/**
 * A theme (一件事) as a plugin contributes it: one application yields a sub-dossier per member
 * matter, each decided by its own department in parallel; {@link ThemeOutcome#of} says what the
 * theme as a whole comes to.
 */
public interface ThemeDefinition {

	String code();

	String nameZh();

	String nameEn();

	/** The member matters' codes, in issuance order. */
	List<String> matterCodes();
}
