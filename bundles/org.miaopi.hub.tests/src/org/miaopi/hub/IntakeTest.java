package org.miaopi.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.hub.intake.ImportReport;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Intake as `./miaopi hub import` and `hub import-records` use it: files beside the JSONL, shared records. */
class IntakeTest {

	private HubFixture hub;

	@BeforeEach
	void start() throws Exception {
		hub = new HubFixture();
	}

	@AfterEach
	void stop() throws Exception {
		hub.close();
	}

	private static BufferedReader reader(String text) {
		return new BufferedReader(new StringReader(text));
	}

	@Test
	void hubDemoDataMadeDuringTheWorkingDayAreNeverSubmittedAfterTheHubsClock() throws Exception {
		// 10:30 in Beijing: the generator draws today's receipts between 09:00 and 17:00
		java.time.Instant now = java.time.Instant.parse("2026-12-01T02:30:00Z");
		StringBuilder lines = new StringBuilder();
		DemoIntake.generate(300, 11, now, lines::append, r -> {
		});
		org.miaopi.hub.intake.Intake intake = new org.miaopi.hub.intake.Intake(hub.store, HubFixture.matters(),
				java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
		ImportReport r = intake.dossiers(reader(lines.toString()), null);
		assertEquals(List.of(), r.refused().stream().map(f -> f.submissionId() + ": " + f.reason()).toList(),
				"the hub refuses a submission after its clock; the demo data must not make one");
		assertTrue(r.imported() >= 300, "every application imported: " + r.imported());
		long today = lines.toString().lines().filter(l -> l.contains("\"submittedAt\":\"2026-12-01T")).count();
		assertTrue(today > 0, "some applications were received earlier today");
	}

	@Test
	void materialMayNameAFileBesideTheImportAndAMissingOneRefusesItsLine() throws Exception {
		List<String> demo = HubFixture.demoLines(8, 9);
		String line = demo.stream().filter(l -> l.contains("\"content\"") && l.contains("\"matter\"")).findFirst().orElseThrow();
		ObjectNode byFile = (ObjectNode) HubFixture.JSON.readTree(line);
		ObjectNode material = (ObjectNode) byFile.get("materials").get(0);
		byte[] bytes = Base64.getDecoder().decode(material.remove("content").asText());
		material.put("file", "materials/a.pdf");
		ObjectNode missing = byFile.deepCopy().put("submissionId", "MISSING-FILE");
		((ObjectNode) missing.get("materials").get(0)).put("file", "materials/nope.pdf");
		Map<String, byte[]> disk = Map.of("materials/a.pdf", bytes);
		ImportReport r = hub.hub.intake().dossiers(reader(byFile + "\n" + missing + "\n"), disk::get);
		assertEquals(1, r.imported());
		assertEquals(1, r.refusedCount());
		assertEquals(2, r.refused().get(0).line());
		assertTrue(r.refused().get(0).reason().contains("cannot be read"), r.refused().get(0).reason());
		assertTrue(hub.store.content(material.get("sha256").asText()).isPresent(), "the file's bytes are at the hub");
		ImportReport overHttp = hub.hub.intake().dossiers(reader(missing.put("submissionId", "NO-FILES") + "\n"), null);
		assertTrue(overHttp.refused().get(0).reason().contains("over HTTP"), overHttp.refused().get(0).reason());
	}

	@Test
	void aMaterialWhoseBytesAreNotWhatItSaysIsRefusedWithItsLine() throws Exception {
		List<String> demo = HubFixture.demoLines(8, 9);
		String line = demo.stream().filter(l -> l.contains("\"content\"") && l.contains("\"matter\"")).findFirst().orElseThrow();
		ObjectNode liar = (ObjectNode) HubFixture.JSON.readTree(line);
		ObjectNode material = (ObjectNode) liar.get("materials").get(0);
		// an executable named and declared as a PDF, with a size and hash that match it
		byte[] exe = "MZ\u0090\u0000 not a pdf".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		material.put("content", Base64.getEncoder().encodeToString(exe)).put("size", exe.length)
				.put("sha256", org.miaopi.core.content.ContentHashing.sha256(exe).hex());
		ImportReport r = hub.hub.intake().dossiers(reader(liar + "\n"), null);
		assertEquals(0, r.imported());
		assertEquals(1, r.refusedCount());
		assertTrue(r.refused().get(0).reason().contains("not a PDF, PNG or JPEG"), r.refused().get(0).reason());
		assertTrue(hub.store.content(material.get("sha256").asText()).isEmpty(), "the refused bytes are not kept");
	}

	@Test
	void sharedRecordsAreCheckedAndHeldOnce() throws Exception {
		String good = "{\"source\":\"HOUSEHOLD_REGISTRATION\",\"subjectId\":\"110101199003074514\",\"asOf\":\"2026-11-30T08:00:00+08:00\",\"fields\":{\"name\":\"张三\"}}";
		String badSource = good.replace("HOUSEHOLD_REGISTRATION", "GOSSIP");
		String badId = good.replace("110101199003074514", "110101199003074515");
		String future = good.replace("2026-11-30", "2099-11-30");
		ImportReport r = hub.hub.intake().records(reader(String.join("\n", good, badSource, "", badId, future, good)));
		assertEquals(1, r.imported(), "the same record twice is held once");
		assertEquals(3, r.refusedCount());
		assertEquals(List.of(2L, 4L, 5L), r.refused().stream().map(f -> f.line()).toList(), "line numbers count blank lines too");
		assertTrue(r.refused().get(0).reason().contains("GOSSIP"));
		assertTrue(r.refused().get(2).reason().contains("future"));
		assertEquals(1, hub.store.records(List.of("110101199003074514")).size());
	}
}
