package org.miaopi.updates.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.junit.jupiter.api.Test;
import org.miaopi.core.model.Department;
import org.miaopi.updates.AvailablePlugin;
import org.miaopi.updates.internal.MatterPluginsComponent;
import org.miaopi.updates.tests.TestSite.Entry;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * releng/publish-matter/Categorize.java, run as publish-matter.sh runs it, on a repository p2
 * published: the desk then offers each plugin under its department, labelled as the site's
 * category.xml labels it; publishing again adds the new version beside the old, never twice.
 */
class CategorizeTest extends SiteTest {

	/** The script in the source tree (the tests run in their module's directory). */
	static Path script() {
		for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
			Path s = p.resolve("releng/publish-matter/Categorize.java");
			if (Files.isRegularFile(s)) {
				return s;
			}
		}
		throw new AssertionError("releng/publish-matter/Categorize.java not found above " + Path.of("").toAbsolutePath());
	}

	private void categorize(URI repo, Path siteCategories, String version, String... members) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				script().toString(), Path.of(repo).toString(), siteCategories.toString(), version));
		command.addAll(List.of(members));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, p.waitFor(), said);
	}

	@Test
	void eachPublishedPluginIsOfferedUnderItsDepartment() throws Exception {
		URI repo = site.repository("site", Entry.signed("org.miaopi.matter.one", "1.0.0", miaopi),
				Entry.signed("org.miaopi.matter.two", "1.0.0", miaopi), Entry.signed("org.miaopi.matter.three", "1.0.0", miaopi));
		Path siteCategories = dir.resolve("category.xml");
		Files.writeString(siteCategories, """
				<?xml version="1.0" encoding="UTF-8"?>
				<site>
				   <category-def name="SZPSB" label="SZPSB 公安局 Public Security Bureau"/>
				   <category-def name="SZEDU" label="SZEDU 教育局 Education Bureau"/>
				</site>
				""");
		categorize(repo, siteCategories, "1.0.0", "org.miaopi.matter.one=SZPSB", "org.miaopi.matter.two=SZXYZ");
		// the same publication again, and a later version of one: beside, never twice
		categorize(repo, siteCategories, "1.0.0", "org.miaopi.matter.one=SZPSB");
		categorize(repo, siteCategories, "1.1.0", "org.miaopi.matter.one=SZPSB");

		Map<String, List<String>> categories = categories(Path.of(repo).resolve("content.xml"));
		assertEquals(Map.of("org.miaopi.department.SZPSB", List.of("org.miaopi.matter.one [1.0.0,1.0.0]", "org.miaopi.matter.one [1.1.0,1.1.0]"),
				"org.miaopi.department.SZXYZ", List.of("org.miaopi.matter.two [1.0.0,1.0.0]")), categories);

		site.agent.getService(IMetadataRepositoryManager.class).removeRepository(repo); // read the file afresh
		Map<String, AvailablePlugin> offered = new MatterPluginsComponent(p2Desk(), null, null, knowing()).check(repo, new NullProgressMonitor())
				.stream().collect(Collectors.toMap(AvailablePlugin::id, Function.identity()));
		assertEquals(new Department("SZPSB", "公安局", "Public Security Bureau"), offered.get("org.miaopi.matter.one").department());
		assertEquals("SZPSB 公安局 Public Security Bureau", offered.get("org.miaopi.matter.one").category(), "the site's label");
		assertEquals(new Department("SZXYZ", "SZXYZ", "SZXYZ"), offered.get("org.miaopi.matter.two").department(),
				"a department the site does not label: its code");
		assertNull(offered.get("org.miaopi.matter.three").department(), "in no category");
	}

	/** Category unit id → its requirements ("name range"), as p2 will read them. */
	private static Map<String, List<String>> categories(Path content) throws Exception {
		var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(content.toFile());
		Map<String, List<String>> out = new java.util.TreeMap<>();
		NodeList units = doc.getElementsByTagName("unit");
		for (int i = 0; i < units.getLength(); i++) {
			Element u = (Element) units.item(i);
			NodeList props = u.getElementsByTagName("property");
			boolean category = false;
			for (int j = 0; j < props.getLength(); j++) {
				Element p = (Element) props.item(j);
				category |= p.getAttribute("name").equals("org.eclipse.equinox.p2.type.category") && p.getAttribute("value").equals("true");
			}
			if (!category) {
				continue;
			}
			Element requires = (Element) u.getElementsByTagName("requires").item(0);
			NodeList rs = requires.getElementsByTagName("required");
			List<String> members = new ArrayList<>();
			for (int j = 0; j < rs.getLength(); j++) {
				Element r = (Element) rs.item(j);
				members.add(r.getAttribute("name") + " " + r.getAttribute("range"));
			}
			assertEquals(Integer.toString(rs.getLength()), requires.getAttribute("size"), "p2 reads the size attribute");
			assertTrue(out.put(u.getAttribute("id"), members) == null, "one category unit per department: " + u.getAttribute("id"));
		}
		return out;
	}
}
