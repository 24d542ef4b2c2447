package org.miaopi.updates.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.miaopi.core.model.Department;
import org.miaopi.updates.AvailablePlugin;
import org.miaopi.updates.internal.Departments;
import org.miaopi.updates.internal.MatterPluginsComponent;
import org.miaopi.updates.tests.TestSite.Entry;

/**
 * Each plugin a repository offers comes with its department: the category the matters site (Tycho,
 * "<qualifier>.SZPSB") or releng/publish-matter.sh ("org.miaopi.department.SZPSB") lists it under,
 * named as the desk's own department list names it, else as the category's label does.
 */
class DepartmentsTest extends SiteTest {

	@Test
	void aCategoryLabelGivesTheCodeAndBothNames() {
		assertEquals(new Department("SZPSB", "公安局", "Public Security Bureau"),
				Departments.ofCategory("202612032349.SZPSB", "SZPSB 公安局 Public Security Bureau"));
		assertEquals(new Department("SZXYZ", "SZXYZ", "SZXYZ"), Departments.ofCategory("org.miaopi.department.SZXYZ", "SZXYZ"),
				"a department the site's category.xml does not name: its code");
		assertEquals(new Department("SZEDU", "Education Bureau", "Education Bureau"),
				Departments.ofCategory("x.SZEDU", "Education Bureau"));
		assertNull(Departments.ofCategory("", "label"));
	}

	@Test
	void checkGivesEachPluginItsDepartmentNamedAsTheDeskNamesIt() throws Exception {
		URI repo = site.repository("site", Entry.signed("org.miaopi.matter.one", "1.0.0", miaopi),
				Entry.signed("org.miaopi.matter.two", "1.0.0", miaopi), Entry.signed("org.miaopi.matter.three", "1.0.0", miaopi));
		site.categorize(repo, "202612032349.SZPSB", "SZPSB 公安局 Public Security Bureau", "org.miaopi.matter.one");
		site.categorize(repo, "org.miaopi.department.SZEDU", "SZEDU 教育局 Education Bureau", "org.miaopi.matter.two");
		var plugins = new MatterPluginsComponent(p2Desk(), null, null,
				knowing(new Department("SZPSB", "深圳市公安局", "Shenzhen Public Security Bureau")));

		Map<String, AvailablePlugin> offered = plugins.check(repo, new NullProgressMonitor()).stream()
				.collect(Collectors.toMap(AvailablePlugin::id, Function.identity()));

		assertEquals(new Department("SZPSB", "深圳市公安局", "Shenzhen Public Security Bureau"),
				offered.get("org.miaopi.matter.one").department(), "the desk's names");
		assertEquals(new Department("SZEDU", "教育局", "Education Bureau"), offered.get("org.miaopi.matter.two").department(),
				"a department the desk does not know: the label's names");
		assertNull(offered.get("org.miaopi.matter.three").department(), "in no category");
		assertEquals("SZPSB 公安局 Public Security Bureau", offered.get("org.miaopi.matter.one").category());
	}
}
