package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.miaopi.core.model.Department;
import org.miaopi.updates.AvailablePlugin;
import org.miaopi.updates.InstalledPlugin;
import org.miaopi.updates.ui.PluginRows;

/**
 * The Matter plugins part groups its rows by department and names each plugin's: the installed
 * plugin's as the registry has it (also before any check), an offered one's from the repository's
 * category, and none for a plugin in no category (listed last).
 */
class MatterPluginsDepartmentTest {

	static final Department PSB = new Department("SZPSB", "深圳市公安局", "Shenzhen Public Security Bureau");
	static final Department EDU = new Department("SZEDU", "教育局", "Education Bureau");

	@Test
	void rowsAreGroupedByDepartmentAndNameIt() {
		PluginRows rows = new PluginRows();
		rows.installed(List.of(new InstalledPlugin("org.miaopi.matter.gradhukou", "0.1.0", false, List.of(), true, PSB),
				new InstalledPlugin("org.miaopi.matter.training", "0.1.0", false, List.of(), true, EDU)));
		assertEquals(List.of("SZEDU Education Bureau", "SZPSB Shenzhen Public Security Bureau"),
				rows.rows().stream().map(PluginRows.Row::departmentText).toList(), "before any check: the registry's");

		rows.offered(List.of(new AvailablePlugin("org.miaopi.matter.bench01", null, "1.0.0", null, "SZPSB 公安局 Public Security Bureau", PSB),
				new AvailablePlugin("org.miaopi.matter.aaa", null, "1.0.0", null, null, null),
				new AvailablePlugin("org.miaopi.matter.gradhukou", null, "0.2.0", "0.1.0", "SZPSB 公安局 Public Security Bureau",
						new Department("SZPSB", "公安局", "Public Security Bureau"))));

		assertEquals(List.of("org.miaopi.matter.training", "org.miaopi.matter.bench01", "org.miaopi.matter.gradhukou", "org.miaopi.matter.aaa"),
				rows.rows().stream().map(PluginRows.Row::id).toList(), "by department, then by id; none last");
		assertEquals(List.of("SZEDU Education Bureau", "SZPSB Shenzhen Public Security Bureau", "SZPSB Shenzhen Public Security Bureau", ""),
				rows.rows().stream().map(PluginRows.Row::departmentText).toList());
	}

	@Test
	void thePluginColumnLeavesOutThePrefixEveryMatterPluginShares() {
		PluginRows rows = new PluginRows();
		rows.installed(List.of(new InstalledPlugin("org.miaopi.matter.gradhukou", "0.1.0", false, List.of(), true, PSB),
				new InstalledPlugin("com.example.other", "1.0.0", true, List.of(), true, null)));
		assertEquals(List.of("gradhukou", "com.example.other"), rows.rows().stream().map(PluginRows.Row::shortId).toList());
		assertEquals("org.miaopi.matter.gradhukou", rows.rows().get(0).id(), "what Install and Update act on");
	}

	@Test
	void aDepartmentKnownOnlyByItsCodeShowsTheCode() {
		PluginRows rows = new PluginRows();
		rows.offered(List.of(new AvailablePlugin("org.miaopi.matter.x", null, "1.0.0", null, "SZXYZ", new Department("SZXYZ", "SZXYZ", "SZXYZ"))));
		assertEquals("SZXYZ", rows.rows().get(0).departmentText());
	}
}
