package org.miaopi.cli.plugins;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.model.Officer;
import org.miaopi.updates.AvailablePlugin;
import org.miaopi.updates.InstalledPlugin;
import org.miaopi.updates.MatterPlugins;
import org.miaopi.updates.Outcome;
import org.miaopi.updates.PluginRefusedException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi plugins list|check|install|update|uninstall|rollback}: the desk's matter plugins
 * through p2, as the workbench's Matter plugins part does it (same service, same trust rule, same
 * audit events, recorded as the desk's system with the operating user in the details).
 */
@Component(service = Subcommand.class)
public class PluginsCommand implements Subcommand {

	@Reference
	private MatterPlugins plugins;
	/** The versions the hub enables (a desk without a hub has an empty list) and what is installed. */
	@Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
			policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
	private volatile org.miaopi.core.sync.HubMatterVersions hubVersions;
	@Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
			policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
	private volatile org.miaopi.core.matter.MatterRegistry matters;

	@Override
	public String name() {
		return "plugins";
	}

	@Override
	public String summary() {
		return "the desk's matter plugins: list, check a repository for updates, install, update, uninstall, roll back (Miaopi-signed only)";
	}

	@Override
	public String usage() {
		return "list | check [--repository URI] | install PLUGIN [--repository URI] | update PLUGIN [--repository URI]"
				+ " | uninstall PLUGIN | rollback";
	}

	@Override
	public int run(List<String> arguments, PrintStream out, PrintStream err) {
		List<String> args = new java.util.ArrayList<>(arguments);
		URI repository = repositoryOption(args);
		String what = args.isEmpty() ? "list" : args.get(0);
		var monitor = new NullProgressMonitor();
		try {
			switch (what) {
			case "list" -> {
				for (InstalledPlugin p : plugins.installed()) {
					out.printf("%-40s %-22s %-8s %s%n", p.id(), p.version(), p.department() == null ? "-" : p.department().code(),
							p.removable() ? "installed by an admin" : "part of the product");
					if (!p.active()) {
						out.println("    (not active yet: the desk uses it from the next start)");
					}
					for (InstalledPlugin.Contribution c : p.contributions()) {
						out.printf("    %-22s %s / %s%s%s%n", c.code(), c.nameZh(), c.nameEn(),
								c.policyVersion() == null ? "" : "; policy " + c.policyVersion(),
								c.templateId() == null ? "" : "; template " + c.templateId());
					}
				}
				var hub = hubVersions;
				var installed = matters;
				if (hub != null && installed != null) {
					for (var e : org.miaopi.core.sync.HubMatterVersions.enabledNotInstalled(hub.hubMatterVersions(), installed)) {
						out.printf("WARNING %s %s version %s: enabled at the hub, not installed here%n", e.kind().toLowerCase(java.util.Locale.ROOT),
								e.code(), e.version());
					}
				}
				return OK;
			}
			case "check" -> {
				URI repo = required(repository);
				List<AvailablePlugin> offered = plugins.check(repo, monitor);
				out.printf("%-40s %-22s %-22s %s%n", "plugin", "offered", "installed", "department");
				for (AvailablePlugin a : offered) {
					out.printf("%-40s %-22s %-22s %s%s%n", a.id(), a.version(), a.installedVersion() == null ? "-" : a.installedVersion(),
							a.department() == null ? "-" : a.department().code() + " " + a.department().nameEn(),
							a.isUpdate() ? "  UPDATE AVAILABLE" : a.isNew() ? "  new" : "");
				}
				return OK;
			}
			case "install", "update" -> {
				if (args.size() != 2) {
					throw new UsageException(what + " needs the plugin id, e.g. org.miaopi.matter.gradhukou");
				}
				URI repo = required(repository);
				Outcome o = what.equals("install") ? plugins.install(actor(), repo, args.get(1), monitor)
						: plugins.update(actor(), repo, args.get(1), monitor);
				out.println(say(o));
				return OK;
			}
			case "uninstall" -> {
				if (args.size() != 2) {
					throw new UsageException("uninstall needs the plugin id");
				}
				out.println(say(plugins.uninstall(actor(), args.get(1), monitor)));
				return OK;
			}
			case "rollback" -> {
				out.println(say(plugins.rollback(actor(), monitor)));
				return OK;
			}
			default -> throw new UsageException("unknown action '" + what + "'");
			}
		} catch (PluginRefusedException e) {
			err.println("miaopi plugins: refused (" + e.reason() + "): " + e.getMessage());
			err.println("nothing was installed or removed");
			return FAILED;
		}
	}

	private static Officer actor() {
		return Officer.SYSTEM;
	}

	static String say(Outcome o) {
		String text = switch (o.kind()) {
		case INSTALLED -> "installed " + o.pluginId() + " " + o.toVersion();
		case UPDATED -> "updated " + o.pluginId() + " from " + o.fromVersion() + " to " + o.toVersion();
		case UNINSTALLED -> "uninstalled " + o.pluginId() + " " + o.fromVersion();
		case ROLLED_BACK -> o.pluginId() == null ? "rolled back to the previous installation"
				: "rolled back " + o.pluginId() + " from " + (o.fromVersion() == null ? "(not installed)" : o.fromVersion())
						+ " to " + (o.toVersion() == null ? "(not installed)" : o.toVersion());
		case UP_TO_DATE -> o.pluginId() + " " + o.fromVersion() + " is the newest the repository offers";
		};
		return o.restartNeeded() ? text + "; the desk uses it from its next start" : text;
	}

	private URI required(URI repository) {
		if (repository != null) {
			return repository;
		}
		return plugins.configuredRepository()
				.orElseThrow(() -> new UsageException("no repository configured: give --repository URI (e.g. a file: path)"));
	}

	private static URI repositoryOption(List<String> args) {
		int i = args.indexOf("--repository");
		if (i < 0) {
			return null;
		}
		if (i + 1 >= args.size()) {
			throw new UsageException("--repository needs a URI or a directory");
		}
		String value = args.get(i + 1);
		args.remove(i + 1);
		args.remove(i);
		return value.contains(":") ? URI.create(value) : Path.of(value).toAbsolutePath().toUri();
	}
}
