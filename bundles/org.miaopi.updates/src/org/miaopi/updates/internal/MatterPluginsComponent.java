package org.miaopi.updates.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.matter.ThemeDefinition;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AdminLedger;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.model.Department;
import org.miaopi.updates.AvailablePlugin;
import org.miaopi.updates.InstalledPlugin;
import org.miaopi.updates.InstalledPlugin.Contribution;
import org.miaopi.updates.MatterPlugins;
import org.miaopi.updates.Outcome;
import org.miaopi.updates.PluginRefusedException;
import org.miaopi.updates.PluginRefusedException.Reason;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@link MatterPlugins} on the running desk: the product's own p2 profile, the Miaopi signer's
 * public key ({@value #SIGNER_PROPERTY}, else {@code <MiaopiHome>/updates/miaopi-signer.asc}), the
 * repository ({@value #REPOSITORY_PROPERTY}) and the kept artifacts under
 * {@code <MiaopiHome>/updates/kept}. Each change and each refusal is an audit event.
 */
@Component(service = MatterPlugins.class)
public class MatterPluginsComponent implements MatterPlugins {

	public static final String SIGNER_PROPERTY = "miaopi.updates.signer";
	public static final String REPOSITORY_PROPERTY = "miaopi.updates.repository";

	@Reference
	private IProvisioningAgentProvider agents;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile MatterRegistry registry;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile AdminLedger audit;

	/** The desk's departments, for their names (a repository's category labels are shorter). */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile StoreAdmin store;

	private P2Desk desk;
	/** True when {@link #desk} is this running Miaopi's own installation (not a test's scratch profile). */
	private boolean live;

	/** For tests: a desk on a given agent and profile. */
	public MatterPluginsComponent(P2Desk desk, MatterRegistry registry, AdminLedger audit) {
		this(desk, registry, audit, null);
	}

	/** For tests: with the store whose departments name them. */
	public MatterPluginsComponent(P2Desk desk, MatterRegistry registry, AdminLedger audit, StoreAdmin store) {
		this.desk = desk;
		this.registry = registry;
		this.audit = audit;
		this.store = store;
	}

	public MatterPluginsComponent() {
	}

	synchronized P2Desk desk() {
		if (desk == null) {
			Path p2 = installArea().resolve("p2");
			if (!Files.isDirectory(p2)) {
				throw new PluginRefusedException(Reason.FAILED, "p2", "this Miaopi was not started from an installed product (no "
						+ p2 + "): plugins cannot be managed here");
			}
			IProvisioningAgent agent;
			try {
				agent = agents.createAgent(p2.toUri());
			} catch (ProvisionException e) {
				throw new PluginRefusedException(Reason.FAILED, "p2", "the product's p2 data cannot be opened: " + e.getMessage());
			}
			desk = new P2Desk(agent, System.getProperty("eclipse.p2.profile", "DefaultProfile"), updatesDir().resolve("kept"),
					signerKeys());
			live = true;
		}
		return desk;
	}

	/**
	 * The product's own installation. Its p2 data are opened by an agent of their own, not as p2's
	 * "current" agent: the launcher runs each mode in a private configuration area cascaded over the
	 * product's, which p2 would take for a shared install and answer with a per-user surrogate profile.
	 */
	private static Path installArea() {
		String area = System.getProperty("osgi.install.area", "");
		try {
			return Path.of(new java.net.URL(area).toURI());
		} catch (java.net.MalformedURLException | java.net.URISyntaxException | IllegalArgumentException e) {
			return Path.of(area);
		}
	}

	private static Path updatesDir() {
		return MiaopiHome.current().resolve("updates");
	}

	private static List<org.bouncycastle.openpgp.PGPPublicKey> signerKeys() {
		String configured = System.getProperty(SIGNER_PROPERTY);
		Path file = configured != null ? Path.of(configured) : updatesDir().resolve("miaopi-signer.asc");
		try (InputStream in = Files.newInputStream(file)) {
			return SignerCheck.readKeys(in);
		} catch (IOException e) {
			throw new PluginRefusedException(Reason.FAILED, file.toString(), "Miaopi's code-signing key is not on this desk ("
					+ file + "): no plugin can be trusted, so none is installed");
		}
	}

	@Override
	public Optional<URI> configuredRepository() {
		String r = System.getProperty(REPOSITORY_PROPERTY);
		return r == null || r.isBlank() ? Optional.empty() : Optional.of(URI.create(r));
	}

	@Override
	public List<InstalledPlugin> installed() {
		P2Desk d = desk();
		Map<String, List<Contribution>> byBundle = contributions();
		Map<String, String> departmentOf = departmentCodes();
		List<Department> known = departments();
		List<InstalledPlugin> out = new ArrayList<>();
		for (Map.Entry<String, IInstallableUnit> e : d.installedMatters().entrySet()) {
			List<Contribution> c = byBundle.get(e.getKey());
			out.add(new InstalledPlugin(e.getKey(), e.getValue().getVersion().toString(), d.isRoot(e.getValue()),
					c == null ? List.of() : c, c != null, Departments.named(departmentOf.get(e.getKey()), known, null)));
		}
		return out;
	}

	/**
	 * Each active plugin's department: a theme's plugin under the department that leads the theme
	 * (its first matter's, as the matters site's category.xml lists it), any other under its first matter's.
	 */
	private Map<String, String> departmentCodes() {
		Map<String, String> out = new LinkedHashMap<>();
		MatterRegistry r = registry;
		if (r == null) {
			return out;
		}
		for (ThemeDefinition t : r.themes()) {
			if (!t.matterCodes().isEmpty()) {
				r.find(t.matterCodes().get(0)).ifPresent(m -> out.putIfAbsent(bundleOf(t), m.departmentCode()));
			}
		}
		for (MatterDefinition m : r.matters()) {
			out.putIfAbsent(bundleOf(m), m.departmentCode());
		}
		return out;
	}

	private List<Department> departments() {
		StoreAdmin s = store;
		try {
			return s == null ? List.of() : s.departments();
		} catch (RuntimeException e) {
			return List.of(); // names only: a store that cannot be read leaves the codes and the labels
		}
	}

	/** What the registry has, by the bundle that contributed it. */
	private Map<String, List<Contribution>> contributions() {
		Map<String, List<Contribution>> out = new LinkedHashMap<>();
		MatterRegistry r = registry;
		if (r == null) {
			return out;
		}
		for (MatterDefinition m : r.matters()) {
			out.computeIfAbsent(bundleOf(m), k -> new ArrayList<>()).add(new Contribution(m.code(), m.nameZh(), m.nameEn(),
					m.policy() == null ? null : m.policy().version(), m.certificateTemplateId()));
		}
		for (ThemeDefinition t : r.themes()) {
			out.computeIfAbsent(bundleOf(t), k -> new ArrayList<>())
					.add(new Contribution(t.code(), t.nameZh(), t.nameEn(), null, null));
		}
		return out;
	}

	private static String bundleOf(Object contribution) {
		var b = FrameworkUtil.getBundle(contribution.getClass());
		return b == null ? "" : b.getSymbolicName();
	}

	@Override
	public List<AvailablePlugin> check(URI repository, IProgressMonitor monitor) {
		List<Department> known = departments();
		return desk().check(repository, monitor).stream()
				.map(a -> a.department() == null ? a : new AvailablePlugin(a.id(), a.name(), a.version(), a.installedVersion(),
						a.category(), Departments.named(a.department().code(), known, a.department())))
				.toList();
	}

	@Override
	public Outcome install(Officer actor, URI repository, String pluginId, IProgressMonitor monitor) {
		return audited(actor, INSTALLED_EVENT, pluginId, repository, () -> desk().install(repository, pluginId, monitor));
	}

	@Override
	public Outcome update(Officer actor, URI repository, String pluginId, IProgressMonitor monitor) {
		return audited(actor, UPDATED_EVENT, pluginId, repository, () -> desk().update(repository, pluginId, monitor));
	}

	@Override
	public Outcome uninstall(Officer actor, String pluginId, IProgressMonitor monitor) {
		return audited(actor, UNINSTALLED_EVENT, pluginId, null, () -> desk().uninstall(pluginId, monitor));
	}

	@Override
	public Outcome rollback(Officer actor, IProgressMonitor monitor) {
		return audited(actor, ROLLED_BACK_EVENT, null, null, () -> desk().rollback(monitor));
	}

	private Outcome audited(Officer actor, String type, String pluginId, URI repository,
			java.util.function.Supplier<Outcome> change) {
		if (!actor.hasRole(Role.ADMIN) && !actor.hasRole(Role.SYSTEM)) {
			throw new PluginRefusedException(Reason.NOT_ALLOWED, actor.id(),
					actor.id() + " cannot change the desk's plugins: only an admin may");
		}
		Map<String, String> details = new LinkedHashMap<>();
		if (pluginId != null) {
			details.put("plugin", pluginId);
		}
		if (repository != null) {
			details.put("repository", repository.toString());
		}
		Outcome outcome;
		try {
			outcome = change.get();
		} catch (PluginRefusedException e) {
			details.put("action", type);
			details.put("reason", e.reason().name());
			details.put("message", e.getMessage().length() > 1000 ? e.getMessage().substring(0, 1000) : e.getMessage());
			record(actor, REFUSED_EVENT, details);
			throw e;
		}
		if (outcome.kind() == Outcome.Kind.UP_TO_DATE) {
			return outcome;
		}
		if (live && !applyToRunningDesk()) {
			outcome = new Outcome(outcome.kind(), outcome.pluginId(), outcome.fromVersion(), outcome.toVersion(), true);
		}
		if (outcome.pluginId() != null) {
			details.put("plugin", outcome.pluginId());
		}
		if (outcome.fromVersion() != null) {
			details.put("from", outcome.fromVersion());
		}
		if (outcome.toVersion() != null) {
			details.put("to", outcome.toVersion());
		}
		record(actor, type, details);
		return outcome;
	}

	/**
	 * Has the simple configurator install, start or remove bundles as p2 just wrote them in
	 * bundles.info, so that Declarative Services registers a new matter without a restart. When it
	 * cannot, the change is used from the next start (the outcome says so).
	 */
	@SuppressWarnings("restriction")
	private static boolean applyToRunningDesk() {
		var bundle = FrameworkUtil.getBundle(MatterPluginsComponent.class);
		var context = bundle == null ? null : bundle.getBundleContext();
		if (context == null) {
			return false;
		}
		var ref = context.getServiceReference(org.eclipse.equinox.internal.provisional.configurator.Configurator.class);
		if (ref == null) {
			return false;
		}
		try {
			context.getService(ref).applyConfiguration();
			return true;
		} catch (IOException | RuntimeException e) {
			return false;
		} finally {
			context.ungetService(ref);
		}
	}

	private void record(Officer actor, String type, Map<String, String> details) {
		AdminLedger ledger = audit;
		if (ledger != null) {
			ledger.record(actor, type, details);
		}
	}
}
