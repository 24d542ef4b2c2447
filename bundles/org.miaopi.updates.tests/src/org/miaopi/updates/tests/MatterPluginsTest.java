package org.miaopi.updates.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AdminLedger;
import org.miaopi.updates.AvailablePlugin;
import org.miaopi.updates.InstalledPlugin;
import org.miaopi.updates.MatterPlugins;
import org.miaopi.updates.Outcome;
import org.miaopi.updates.PluginRefusedException;
import org.miaopi.updates.PluginRefusedException.Reason;
import org.miaopi.updates.internal.MatterPluginsComponent;
import org.miaopi.updates.tests.TestSite.Entry;
import org.miaopi.updates.tests.TestSite.Signer;

/** Installs, updates, removes and rolls back matter plugins on a scratch p2 profile, and is refused what Miaopi did not sign. */
class MatterPluginsTest extends SiteTest {

	static final String SAMPLE = "org.miaopi.matter.sample";
	static Signer stranger;

	MatterPlugins plugins;
	final List<String> events = new ArrayList<>();
	final Officer admin = new Officer("admin1", "Admin", "IT", EnumSet.of(Role.ADMIN));

	@BeforeAll
	static void strangerKey() throws Exception {
		stranger = new Signer("Someone else");
	}

	@BeforeEach
	void desk() {
		AdminLedger log = (actor, type, details) -> events.add(type + " " + details);
		plugins = new MatterPluginsComponent(p2Desk(), null, log);
	}

	private List<String> installed() {
		return plugins.installed().stream().map(p -> p.id() + " " + p.version()).toList();
	}

	@Test
	void installsWhatMiaopiSigned() throws Exception {
		URI repo = site.repository("site", Entry.signed(SAMPLE, "1.0.0", miaopi));

		List<AvailablePlugin> offered = plugins.check(repo, new NullProgressMonitor());
		assertEquals(1, offered.size());
		assertTrue(offered.get(0).isNew());

		Outcome o = plugins.install(admin, repo, SAMPLE, new NullProgressMonitor());

		assertEquals(Outcome.Kind.INSTALLED, o.kind());
		assertEquals(List.of(SAMPLE + " 1.0.0"), installed());
		InstalledPlugin p = plugins.installed().get(0);
		assertTrue(p.removable(), "installed by the admin, so it may be removed");
		assertEquals(List.of(MatterPlugins.INSTALLED_EVENT + " {plugin=" + SAMPLE + ", repository=" + repo + ", to=1.0.0}"), events);
		assertTrue(plugins.check(repo, new NullProgressMonitor()).stream().noneMatch(AvailablePlugin::isUpdate));
	}

	@Test
	void refusesUnsignedAndInstallsNothing() throws Exception {
		URI repo = site.repository("site", new Entry(SAMPLE, "1.0.0", null, null, false));

		var e = assertThrows(PluginRefusedException.class, () -> plugins.install(admin, repo, SAMPLE, new NullProgressMonitor()));

		assertEquals(Reason.UNSIGNED, e.reason());
		assertTrue(e.getMessage().contains("not signed"), e.getMessage());
		assertEquals(List.of(), installed());
		assertTrue(events.get(0).startsWith(MatterPlugins.REFUSED_EVENT), events.toString());
	}

	@Test
	void refusesAnotherSignerNamingTheKey() throws Exception {
		URI repo = site.repository("site", Entry.signed(SAMPLE, "1.0.0", stranger));

		var e = assertThrows(PluginRefusedException.class, () -> plugins.install(admin, repo, SAMPLE, new NullProgressMonitor()));

		assertEquals(Reason.FOREIGN_SIGNER, e.reason());
		assertTrue(e.getMessage().contains(String.format("%016X", stranger.pair.getKeyID())), e.getMessage());
		assertEquals(List.of(), installed());
	}

	@Test
	void refusesAJarSignedOnlyWithACertificateThatACaVouchesFor() throws Exception {
		URI repo = site.repository("site", new Entry(SAMPLE, "1.0.0", null, null, false, true));

		var e = assertThrows(PluginRefusedException.class, () -> plugins.install(admin, repo, SAMPLE, new NullProgressMonitor()));

		assertEquals(Reason.CERTIFICATE_ONLY, e.reason());
		assertTrue(e.getMessage().contains("CN=Some Vendor") && e.getMessage().contains("CN=Test Code Signing CA"), e.getMessage());
		assertEquals(List.of(), installed());
	}

	@Test
	void aMiaopiSignatureOnAJarThatIsAlsoCertificateSignedIsEnough() throws Exception {
		URI repo = site.repository("site", new Entry(SAMPLE, "1.0.0", null, miaopi, false, true));

		plugins.install(admin, repo, SAMPLE, new NullProgressMonitor());

		assertEquals(List.of(SAMPLE + " 1.0.0"), installed());
	}

	@Test
	void refusesArtifactsThatDoNotMatchTheirChecksum() throws Exception {
		URI repo = site.repository("site", new Entry(SAMPLE, "1.0.0", null, miaopi, true));

		var e = assertThrows(PluginRefusedException.class, () -> plugins.install(admin, repo, SAMPLE, new NullProgressMonitor()));

		assertEquals(Reason.CHECKSUM, e.reason());
		assertEquals(List.of(), installed());
	}

	@Test
	void refusesAPluginBuiltForAnotherApiNamingTheVersion() throws Exception {
		URI repo = site.repository("site", new Entry(SAMPLE, "1.0.0", "[99.0.0,100.0.0)", miaopi, false));

		var e = assertThrows(PluginRefusedException.class, () -> plugins.install(admin, repo, SAMPLE, new NullProgressMonitor()));

		assertEquals(Reason.INCOMPATIBLE, e.reason());
		assertTrue(e.getMessage().contains("org.miaopi.core") && e.getMessage().contains("99.0.0"), e.getMessage());
		assertEquals(List.of(), installed());
	}

	@Test
	void onlyAnAdminChangesPlugins() throws Exception {
		URI repo = site.repository("site", Entry.signed(SAMPLE, "1.0.0", miaopi));
		Officer officer = new Officer("o1", "Officer", "PSB", EnumSet.of(Role.OFFICER));

		var e = assertThrows(PluginRefusedException.class, () -> plugins.install(officer, repo, SAMPLE, new NullProgressMonitor()));

		assertEquals(Reason.NOT_ALLOWED, e.reason());
		assertEquals(List.of(), installed());
	}

	@Test
	void updatesThenRollsBackOfflineAfterTheSiteMovedOn() throws Exception {
		URI v1 = site.repository("v1", Entry.signed(SAMPLE, "1.0.0", miaopi));
		plugins.install(admin, v1, SAMPLE, new NullProgressMonitor());
		URI v2 = site.repository("v2", Entry.signed(SAMPLE, "1.1.0", miaopi));
		assertTrue(plugins.check(v2, new NullProgressMonitor()).get(0).isUpdate());

		Outcome up = plugins.update(admin, v2, SAMPLE, new NullProgressMonitor());
		assertEquals(new Outcome(Outcome.Kind.UPDATED, SAMPLE, "1.0.0", "1.1.0", false), up);
		assertEquals(List.of(SAMPLE + " 1.1.0"), installed());
		assertEquals(Outcome.Kind.UP_TO_DATE, plugins.update(admin, v2, SAMPLE, new NullProgressMonitor()).kind());

		// the update site has moved on and the old bundle is gone from the desk's pool
		deleteTree(dir.resolve("v1"));
		deleteTree(dir.resolve("v2"));
		try (var files = Files.walk(dir.resolve("desk"))) {
			for (Path p : files.filter(f -> f.getFileName().toString().startsWith(SAMPLE + "_1.0.0")).toList()) {
				deleteTree(p);
			}
		}

		Outcome back = plugins.rollback(admin, new NullProgressMonitor());

		assertEquals(new Outcome(Outcome.Kind.ROLLED_BACK, SAMPLE, "1.1.0", "1.0.0", false), back);
		assertEquals(List.of(SAMPLE + " 1.0.0"), installed());
		assertTrue(events.get(events.size() - 1).startsWith(MatterPlugins.ROLLED_BACK_EVENT), events.toString());
	}

	@Test
	void rollsBackAnUpdateOfAMatterTheProductRequiresByRange() throws Exception {
		URI v1 = site.repository("v1", Entry.signed(SAMPLE, "1.0.0", miaopi));
		site.installProduct(v1, SAMPLE, "1.0.0");
		assertEquals(List.of(SAMPLE + " 1.0.0"), installed());
		assertTrue(!plugins.installed().get(0).removable(), "came with the product");
		URI v2 = site.repository("v2", Entry.signed(SAMPLE, "1.1.0", miaopi));
		plugins.update(admin, v2, SAMPLE, new NullProgressMonitor());
		assertEquals(List.of(SAMPLE + " 1.1.0"), installed());
		deleteTree(dir.resolve("v1"));
		deleteTree(dir.resolve("v2"));

		Outcome back = plugins.rollback(admin, new NullProgressMonitor());

		assertEquals(new Outcome(Outcome.Kind.ROLLED_BACK, SAMPLE, "1.1.0", "1.0.0", false), back);
		assertEquals(List.of(SAMPLE + " 1.0.0"), installed());
		assertTrue(!plugins.installed().get(0).removable(), "part of the product again");
	}

	@Test
	void aSecondRollBackUndoesTheFirst() throws Exception {
		URI v1 = site.repository("v1", Entry.signed(SAMPLE, "1.0.0", miaopi));
		plugins.install(admin, v1, SAMPLE, new NullProgressMonitor());
		URI v2 = site.repository("v2", Entry.signed(SAMPLE, "1.1.0", miaopi));
		plugins.update(admin, v2, SAMPLE, new NullProgressMonitor());

		plugins.rollback(admin, new NullProgressMonitor());
		assertEquals(List.of(SAMPLE + " 1.0.0"), installed());
		Outcome again = plugins.rollback(admin, new NullProgressMonitor());

		assertEquals(new Outcome(Outcome.Kind.ROLLED_BACK, SAMPLE, "1.0.0", "1.1.0", false), again);
		assertEquals(List.of(SAMPLE + " 1.1.0"), installed());
	}

	@Test
	void uninstallsAndRollsTheUninstallBack() throws Exception {
		URI repo = site.repository("site", Entry.signed(SAMPLE, "1.0.0", miaopi));
		plugins.install(admin, repo, SAMPLE, new NullProgressMonitor());

		Outcome gone = plugins.uninstall(admin, SAMPLE, new NullProgressMonitor());

		assertEquals(Outcome.Kind.UNINSTALLED, gone.kind());
		assertEquals(List.of(), installed());
		var again = assertThrows(PluginRefusedException.class, () -> plugins.uninstall(admin, SAMPLE, new NullProgressMonitor()));
		assertEquals(Reason.NOT_INSTALLED, again.reason());

		deleteTree(dir.resolve("site"));
		plugins.rollback(admin, new NullProgressMonitor());
		assertEquals(List.of(SAMPLE + " 1.0.0"), installed());
	}

	@Test
	void nothingToRollBackOnAFreshDesk() {
		var e = assertThrows(PluginRefusedException.class, () -> plugins.rollback(admin, new NullProgressMonitor()));
		assertEquals(Reason.NOTHING_TO_ROLL_BACK, e.reason());
		assertNull(e.getCause());
	}

	@Test
	void installingTwiceIsRefusedNotRepeated() throws Exception {
		URI repo = site.repository("site", Entry.signed(SAMPLE, "1.0.0", miaopi));
		plugins.install(admin, repo, SAMPLE, new NullProgressMonitor());

		var e = assertThrows(PluginRefusedException.class, () -> plugins.install(admin, repo, SAMPLE, new NullProgressMonitor()));

		assertEquals(Reason.ALREADY_INSTALLED, e.reason());
		assertEquals(1, events.stream().filter(s -> s.startsWith(MatterPlugins.INSTALLED_EVENT)).count());
	}

	static void deleteTree(Path p) throws java.io.IOException {
		if (!Files.exists(p)) {
			return;
		}
		try (var files = Files.walk(p)) {
			for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(f);
			}
		}
	}
}
