package org.miaopi.updates.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.internal.p2.repository.Transport;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.IRequirement;
import org.eclipse.equinox.p2.operations.InstallOperation;
import org.eclipse.equinox.p2.operations.ProfileChangeOperation;
import org.eclipse.equinox.p2.operations.ProfileModificationJob;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.UninstallOperation;
import org.eclipse.equinox.p2.operations.UpdateOperation;
import org.eclipse.equinox.p2.planner.IPlanner;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.query.IQuery;
import org.eclipse.equinox.p2.query.IQueryable;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.IRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.miaopi.updates.AvailablePlugin;
import org.miaopi.updates.Outcome;
import org.miaopi.updates.Outcome.Kind;
import org.miaopi.updates.PluginRefusedException;
import org.miaopi.updates.PluginRefusedException.Reason;

/**
 * One p2 profile's matter plugins, on one provisioning agent. Every change goes the same way:
 * resolve with p2's operations API, fetch the raw artifacts the plan adds and check them with
 * {@link SignerCheck}, copy them (and the artifacts the plan removes) into the desk's kept
 * repository ({@link KeptArtifacts}), and only then let p2 install, fetching from that kept repository alone. So nothing
 * unchecked reaches the engine, and every earlier profile state can be restored offline.
 */
@SuppressWarnings("restriction")
public final class P2Desk {

	public static final String MATTER_PREFIX = "org.miaopi.matter.";

	private final IProvisioningAgent agent;
	private final String profileId;
	private final KeptArtifacts kept;

	public P2Desk(IProvisioningAgent agent, String profileId, Path keptDir, List<PGPPublicKey> miaopiKeys) {
		this.agent = agent;
		this.profileId = profileId;
		this.kept = new KeptArtifacts(agent, keptDir, new SignerCheck(miaopiKeys));
		if (agent.getService(Transport.class) == null || !(agent.getService(Transport.class) instanceof FileTransport)) {
			agent.registerService(Transport.SERVICE_NAME, new FileTransport());
		}
		agent.registerService(UIServices.SERVICE_NAME, new MiaopiOnlyTrust(miaopiKeys, kept::checksums));
	}

	public IProvisioningAgent agent() {
		return agent;
	}

	public String profileId() {
		return profileId;
	}

	IProfile profile() {
		IProfile p = agent.getService(IProfileRegistry.class).getProfile(profileId);
		if (p == null) {
			throw new PluginRefusedException(Reason.FAILED, profileId,
					"this desk has no p2 profile " + profileId + ": it was not installed as a Miaopi product");
		}
		return p;
	}

	/** Installed matter plugins: bundle id to the installed unit (one version each, they are singletons). */
	public Map<String, IInstallableUnit> installedMatters() {
		return matters(profile());
	}

	private static Map<String, IInstallableUnit> matters(IProfile profile) {
		Map<String, IInstallableUnit> out = new TreeMap<>();
		for (IInstallableUnit iu : profile.query(matterBundles(), null)) {
			out.put(iu.getId(), iu);
		}
		return out;
	}

	private static Map<String, String> versions(Map<String, IInstallableUnit> matters) {
		Map<String, String> out = new TreeMap<>();
		matters.forEach((id, iu) -> out.put(id, iu.getVersion().toString()));
		return out;
	}

	/** A matter the profile has as a root (installed by itself) can be removed; one a feature requires cannot. */
	public boolean isRoot(IInstallableUnit iu) {
		return "true".equals(profile().getInstallableUnitProperty(iu, IProfile.PROP_PROFILE_ROOT_IU));
	}

	private static IQuery<IInstallableUnit> matterBundles() {
		return QueryUtil.createMatchQuery(
				"id ~= /" + MATTER_PREFIX + "*/ && providedCapabilities.exists(p | p.namespace == 'osgi.bundle')");
	}

	// ------------------------------------------------------------------ repository

	IMetadataRepository metadata(URI repository, IProgressMonitor monitor) {
		try {
			return agent.getService(IMetadataRepositoryManager.class).loadRepository(repository, monitor);
		} catch (ProvisionException e) {
			throw new PluginRefusedException(Reason.REPOSITORY, repository.toString(),
					"the plugin repository " + repository + " cannot be read: " + e.getMessage());
		}
	}

	private IArtifactRepository artifacts(URI repository, IProgressMonitor monitor) {
		try {
			return agent.getService(IArtifactRepositoryManager.class).loadRepository(repository, monitor);
		} catch (ProvisionException e) {
			throw new PluginRefusedException(Reason.REPOSITORY, repository.toString(),
					"the plugin repository " + repository + " has no readable artifacts: " + e.getMessage());
		}
	}

	/** The newest version of each matter plugin in the repository, with its category (department). */
	public List<AvailablePlugin> check(URI repository, IProgressMonitor monitor) {
		IMetadataRepository repo = metadata(repository, monitor);
		Map<String, String> categoryOf = new LinkedHashMap<>();
		Map<String, org.miaopi.core.model.Department> departmentOf = new LinkedHashMap<>();
		for (IInstallableUnit category : repo.query(QueryUtil.createIUCategoryQuery(), null)) {
			String label = category.getProperty(IInstallableUnit.PROP_NAME, null);
			var department = Departments.ofCategory(category.getId(), label);
			for (IRequirement r : category.getRequirements()) {
				for (IInstallableUnit member : repo.query(QueryUtil.createMatchQuery(r.getMatches()), null)) {
					categoryOf.putIfAbsent(member.getId(), label == null ? category.getId() : label);
					departmentOf.putIfAbsent(member.getId(), department);
				}
			}
		}
		Map<String, IInstallableUnit> installed = installedMatters();
		List<AvailablePlugin> out = new ArrayList<>();
		for (IInstallableUnit iu : repo.query(QueryUtil.createLatestQuery(matterBundles()), null)) {
			IInstallableUnit have = installed.get(iu.getId());
			out.add(new AvailablePlugin(iu.getId(), iu.getProperty(IInstallableUnit.PROP_NAME, null), iu.getVersion().toString(),
					have == null ? null : have.getVersion().toString(), categoryOf.get(iu.getId()), departmentOf.get(iu.getId())));
		}
		out.sort(Comparator.comparing(AvailablePlugin::id));
		return out;
	}

	// ------------------------------------------------------------------ changes

	public Outcome install(URI repository, String pluginId, IProgressMonitor monitor) {
		SubMonitor sub = SubMonitor.convert(monitor, 10);
		IInstallableUnit have = installedMatters().get(pluginId);
		if (have != null) {
			throw new PluginRefusedException(Reason.ALREADY_INSTALLED, pluginId,
					pluginId + " " + have.getVersion() + " is already installed: update it instead");
		}
		IInstallableUnit iu = newest(metadata(repository, sub.split(1)), pluginId);
		requireCompatible(iu);
		InstallOperation op = new InstallOperation(session(), List.of(iu));
		run(op, repository, pluginId, sub.split(9));
		return new Outcome(Kind.INSTALLED, pluginId, null, iu.getVersion().toString(), false);
	}

	public Outcome update(URI repository, String pluginId, IProgressMonitor monitor) {
		SubMonitor sub = SubMonitor.convert(monitor, 10);
		IInstallableUnit have = requireInstalled(pluginId);
		IInstallableUnit iu = newest(metadata(repository, sub.split(1)), pluginId);
		if (iu.getVersion().compareTo(have.getVersion()) <= 0) {
			return new Outcome(Kind.UP_TO_DATE, pluginId, have.getVersion().toString(), have.getVersion().toString(), false);
		}
		requireCompatible(iu);
		// an install of the newer version replaces the older one (a singleton) and keeps it a root
		// when it was one; a matter a feature requires by range stays required by that range
		InstallOperation op = new InstallOperation(session(), List.of(iu));
		run(op, repository, pluginId, sub.split(9));
		return new Outcome(Kind.UPDATED, pluginId, have.getVersion().toString(), iu.getVersion().toString(), false);
	}

	public Outcome uninstall(String pluginId, IProgressMonitor monitor) {
		IInstallableUnit have = requireInstalled(pluginId);
		if (!isRoot(have)) {
			throw new PluginRefusedException(Reason.PART_OF_PRODUCT, pluginId, pluginId
					+ " came with the Miaopi product: it can be updated or rolled back, not removed");
		}
		UninstallOperation op = new UninstallOperation(session(), List.of(have));
		run(op, null, pluginId, monitor);
		return new Outcome(Kind.UNINSTALLED, pluginId, have.getVersion().toString(), null, false);
	}

	public Outcome rollback(IProgressMonitor monitor) {
		IProfileRegistry registry = agent.getService(IProfileRegistry.class);
		long[] states = registry.listProfileTimestamps(profileId);
		if (states.length < 2) {
			throw new PluginRefusedException(Reason.NOTHING_TO_ROLL_BACK, profileId,
					"there is no earlier installation to roll back to");
		}
		IProfile current = profile();
		Map<String, IInstallableUnit> before = installedMatters();
		// the newest earlier state whose matter plugins differ: p2 also records states that change
		// no plugin (profile properties, a roll-back's own result), and those are not "the previous installation"
		IProfile previous = null;
		for (int i = states.length - 2; i >= 0 && previous == null; i--) {
			IProfile candidate = registry.getProfile(profileId, states[i]);
			if (candidate != null && !versions(matters(candidate)).equals(versions(before))) {
				previous = candidate;
			}
		}
		if (previous == null) {
			throw new PluginRefusedException(Reason.NOTHING_TO_ROLL_BACK, profileId,
					"there is no earlier installation with other plugins to roll back to");
		}
		// Each matter plugin back to its version then, by an explicit request. (p2's diff plan re-resolves
		// the earlier roots, and a matter the product's feature requires by range "0.1.0 or newer" then
		// stays at the newer version: a built-in matter's update would never roll back.)
		IPlanner planner = agent.getService(IPlanner.class);
		IProfileChangeRequest request = planner.createChangeRequest(current);
		Map<String, IInstallableUnit> then = matters(previous);
		List<IInstallableUnit> restored = new ArrayList<>();
		Set<String> ids = new java.util.TreeSet<>(before.keySet());
		ids.addAll(then.keySet());
		for (String id : ids) {
			IInstallableUnit now = before.get(id);
			IInstallableUnit was = then.get(id);
			if (now != null && was != null && now.getVersion().equals(was.getVersion())) {
				continue;
			}
			if (now != null) {
				request.remove(now);
			}
			if (was != null) {
				request.add(was);
				restored.add(was);
				if ("true".equals(previous.getInstallableUnitProperty(was, IProfile.PROP_PROFILE_ROOT_IU))) {
					request.setInstallableUnitProfileProperty(was, IProfile.PROP_PROFILE_ROOT_IU, "true");
				}
			}
		}
		ProvisioningContext context = keptOnly();
		context.setExtraInstallableUnits(restored);
		IProvisioningPlan plan = planner.getProvisioningPlan(request, context, monitor);
		if (!plan.getStatus().isOK() && plan.getStatus().getSeverity() == IStatus.ERROR) {
			throw new PluginRefusedException(Reason.FAILED, profileId, "the roll-back cannot be planned: " + text(plan.getStatus()));
		}
		kept.keepRemovals(plan, () -> bundlePool(monitor), monitor);
		IStatus status = new ProfileModificationJob("roll back matter plugins", session(), profileId, plan, context)
				.runModal(monitor);
		failIfBad(status, profileId);
		Map<String, IInstallableUnit> after = installedMatters();
		String changed = changedPlugin(before, after);
		IInstallableUnit was = changed == null ? null : before.get(changed);
		IInstallableUnit now = changed == null ? null : after.get(changed);
		return new Outcome(Kind.ROLLED_BACK, changed, was == null ? null : was.getVersion().toString(),
				now == null ? null : now.getVersion().toString(), false);
	}

	private static String changedPlugin(Map<String, IInstallableUnit> before, Map<String, IInstallableUnit> after) {
		Set<String> ids = new java.util.TreeSet<>(before.keySet());
		ids.addAll(after.keySet());
		for (String id : ids) {
			IInstallableUnit b = before.get(id);
			IInstallableUnit a = after.get(id);
			if (b == null || a == null || !b.getVersion().equals(a.getVersion())) {
				return id;
			}
		}
		return null;
	}

	// ------------------------------------------------------------------ the common path

	private ProvisioningSession session() {
		return new ProvisioningSession(agent);
	}

	private void run(ProfileChangeOperation op, URI repository, String pluginId, IProgressMonitor monitor) {
		SubMonitor sub = SubMonitor.convert(monitor, 10);
		op.setProfileId(profileId);
		ProvisioningContext context = new ProvisioningContext(agent);
		context.setProperty(ProvisioningContext.FOLLOW_REPOSITORY_REFERENCES, "false");
		context.setMetadataRepositories(repository == null ? new URI[0] : new URI[] { repository });
		context.setArtifactRepositories(repository == null ? new URI[] { kept.uri() } : new URI[] { repository, kept.uri() });
		op.setProvisioningContext(context);
		IStatus resolved = op.resolveModal(sub.split(2));
		if (resolved.getSeverity() == IStatus.ERROR || resolved.getSeverity() == IStatus.CANCEL) {
			String details = op.getResolutionDetails();
			throw new PluginRefusedException(Reason.FAILED, pluginId, pluginId + " cannot be "
					+ (op instanceof UninstallOperation ? "removed" : "installed") + ": "
					+ (details == null || details.isBlank() ? text(resolved) : details.trim()));
		}
		IProvisioningPlan plan = op.getProvisioningPlan();
		if (repository != null) {
			IProgressMonitor adding = sub.split(4);
			kept.checkAndKeepAdditions(plan, artifacts(repository, adding), adding);
		}
		IProgressMonitor removing = sub.split(1);
		kept.keepRemovals(plan, () -> bundlePool(removing), removing);
		// the engine fetches only what was checked and kept
		context.setArtifactRepositories(new URI[] { kept.uri() });
		IStatus status = op.getProvisioningJob(sub.split(3)).runModal(sub.split(3));
		failIfBad(status, pluginId);
	}

	/** The profile's bundle pool, where p2 keeps the artifacts it installed. */
	private IArtifactRepository bundlePool(IProgressMonitor monitor) {
		String cache = profile().getProperty(IProfile.PROP_CACHE);
		if (cache == null) {
			cache = profile().getProperty(IProfile.PROP_INSTALL_FOLDER);
		}
		return artifacts(Path.of(cache).toUri(), monitor);
	}

	private ProvisioningContext keptOnly() {
		kept.repository();
		ProvisioningContext context = new ProvisioningContext(agent);
		context.setProperty(ProvisioningContext.FOLLOW_REPOSITORY_REFERENCES, "false");
		context.setMetadataRepositories(new URI[0]);
		context.setArtifactRepositories(new URI[] { kept.uri() });
		return context;
	}

	private IInstallableUnit requireInstalled(String pluginId) {
		IInstallableUnit have = installedMatters().get(pluginId);
		if (have == null) {
			throw new PluginRefusedException(Reason.NOT_INSTALLED, pluginId, pluginId + " is not installed on this desk");
		}
		return have;
	}

	private static IInstallableUnit newest(IQueryable<IInstallableUnit> repo, String pluginId) {
		var found = repo.query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(pluginId)), null);
		if (found.isEmpty()) {
			throw new PluginRefusedException(Reason.NOT_FOUND, pluginId, "the repository offers no plugin " + pluginId);
		}
		return found.iterator().next();
	}

	/**
	 * A plugin built against an API version this desk does not have is refused by name: a
	 * requirement on a Miaopi package or bundle that nothing installed provides.
	 */
	private void requireCompatible(IInstallableUnit iu) {
		IProfile profile = profile();
		for (IRequirement r : iu.getRequirements()) {
			if (r.getMin() == 0 || !r.toString().contains("org.miaopi.") || r.toString().contains(MATTER_PREFIX)) {
				continue;
			}
			if (profile.query(QueryUtil.createMatchQuery(r.getMatches()), null).isEmpty()) {
				throw new PluginRefusedException(Reason.INCOMPATIBLE, iu.getId(), iu.getId() + " " + iu.getVersion()
						+ " needs " + r + ", which this desk does not have: it was built for another Miaopi version");
			}
		}
	}

	private static void failIfBad(IStatus status, String subject) {
		if (status.getSeverity() == IStatus.ERROR || status.getSeverity() == IStatus.CANCEL) {
			Reason reason = status.getSeverity() == IStatus.CANCEL ? Reason.UNSIGNED : Reason.FAILED;
			throw new PluginRefusedException(reason, subject, "p2 refused the change: " + text(status));
		}
	}

	static String text(IStatus s) {
		StringBuilder b = new StringBuilder(s.getMessage());
		for (IStatus c : s.getChildren()) {
			b.append("; ").append(text(c));
		}
		return b.toString();
	}
}
