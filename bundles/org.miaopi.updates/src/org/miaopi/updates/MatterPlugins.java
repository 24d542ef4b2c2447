package org.miaopi.updates;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.miaopi.core.model.Officer;

/**
 * The desk's matter plugins (bundles {@code org.miaopi.matter.*}) as p2 installs them: what is
 * installed and what it contributes, what a repository offers, and install, update, uninstall and
 * roll back, each an audit event. Only content signed by Miaopi's code-signing key is installed;
 * anything else is refused with a {@link PluginRefusedException} and nothing changes.
 */
public interface MatterPlugins {

	String INSTALLED_EVENT = "plugin.installed";
	String UPDATED_EVENT = "plugin.updated";
	String UNINSTALLED_EVENT = "plugin.uninstalled";
	String ROLLED_BACK_EVENT = "plugin.rolled-back";
	String REFUSED_EVENT = "plugin.refused";

	/** The installed matter plugins, sorted by id, each with what it contributes to the registry. */
	List<InstalledPlugin> installed();

	/** The repository configured for this desk (the hub's, or a {@code file:} one for the demo). */
	Optional<URI> configuredRepository();

	/** The matter plugins the repository offers (newest version of each), against what is installed. */
	List<AvailablePlugin> check(URI repository, IProgressMonitor monitor);

	/** Installs a matter plugin the desk does not have yet. */
	Outcome install(Officer actor, URI repository, String pluginId, IProgressMonitor monitor);

	/** Updates an installed matter plugin to the newest version the repository offers. */
	Outcome update(Officer actor, URI repository, String pluginId, IProgressMonitor monitor);

	Outcome uninstall(Officer actor, String pluginId, IProgressMonitor monitor);

	/**
	 * Returns the desk's plugins to the installation before the last change (p2's previous profile
	 * state), from the artifacts kept on the desk: it needs no repository and no network. A second
	 * roll-back undoes the first.
	 */
	Outcome rollback(Officer actor, IProgressMonitor monitor);
}
