package org.miaopi.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.checks.Conditions;
import org.miaopi.checks.DefinedMatter;
import org.miaopi.checks.MatterRegistryService;
import org.miaopi.cli.CliApplication;
import org.miaopi.cli.Subcommand;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.matter.AutoApprovalPolicy;
import org.miaopi.core.matter.ComparisonRule;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.matter.ReasonCode;
import org.miaopi.core.matter.SupersededMatter;
import org.miaopi.core.model.DeclaredField;
import org.miaopi.core.model.FieldType;
import org.miaopi.core.model.MaterialRequirement;
import org.miaopi.core.model.SharedSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * A 秒批 decision taken under policy v1 still replays ({@code ./miaopi explain}, the supervisor's replay
 * report) once v2 of its matter is installed, because the v2 plugin keeps v1 for replay; when no
 * installed plugin has v1 any more, both say so plainly. The update is played on the desk's matter
 * registry as Declarative Services plays it when p2 swaps the plugin: v1 leaves, v2 and the kept v1 arrive.
 */
class ExplainAcrossUpdatesTest {

	record Run(int exit, String out, String err) {
	}

	static final String CODE = "GRAD-HUKOU";
	static final String NO_SOCIAL_SECURITY = "SOCIAL-SECURITY-NONE";
	static final String POLICY = "policy.grad-hukou";
	static final String V1 = "2026.1";

	/** v2 of the graduate matter: a new policy version that also wants three months of social security. */
	static final class GraduateResidenceV2 extends DefinedMatter {
		GraduateResidenceV2() {
			super(spec(CODE, "应届毕业生接收落户", "Graduate residence registration", "SZPSB").timeLimit(10)
					.policy(POLICY, "2026.2").naturalPerson().field("employer", "接收单位", "Employer", FieldType.TEXT)
					.reason(NO_SOCIAL_SECURITY, "社保不足三个月", "Less than three months of social security", null)
					.condition(Conditions.atLeast(SharedSource.SOCIAL_SECURITY, "monthsContributed", 3,
							NO_SOCIAL_SECURITY, "社保满三个月", "Three months of social security")));
		}
	}

	/** What the v2 plugin ships besides v2: v1, unchanged (here: the product's own definition), for replay only. */
	record KeptV1(MatterDefinition v1) implements SupersededMatter {
		// @formatter:off
		@Override public String code() { return v1.code(); }
		@Override public String nameZh() { return v1.nameZh(); }
		@Override public String nameEn() { return v1.nameEn(); }
		@Override public String departmentCode() { return v1.departmentCode(); }
		@Override public String legalBasis() { return v1.legalBasis(); }
		@Override public int timeLimitWorkingDays() { return v1.timeLimitWorkingDays(); }
		@Override public boolean legalPersonApplicant() { return v1.legalPersonApplicant(); }
		@Override public List<MaterialRequirement> materials() { return v1.materials(); }
		@Override public List<DeclaredField> fields() { return v1.fields(); }
		@Override public List<ComparisonRule> comparisonRules() { return v1.comparisonRules(); }
		@Override public AutoApprovalPolicy policy() { return v1.policy(); }
		@Override public List<ReasonCode> reasonCodes() { return v1.reasonCodes(); }
		@Override public String certificateTemplateId() { return v1.certificateTemplateId(); }
		// @formatter:on
	}

	@TempDir
	static Path tmp;

	static String dossier;

	MatterRegistryService registry;
	MatterDefinition original;
	final MatterDefinition v2 = new GraduateResidenceV2();
	KeptV1 keptV1;

	static Run miaopi(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit;
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
				PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			exit = CliApplication.run(List.of(args), o, e);
		}
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** A demo store whose received dossiers the 秒批 engine decides now, under the installed v1. */
	@BeforeAll
	static void decidedUnderV1() throws IOException {
		Run demo = miaopi("demo", "--dossiers", "300", "--seed", "13");
		assertEquals(Subcommand.OK, demo.exit(), demo.err());
		Run auto = miaopi("auto-approve");
		assertEquals(Subcommand.OK, auto.exit(), auto.err());
		dossier = replayReport("v1").stream().filter(r -> r.get("policy").equals(POLICY) && r.get("policy_version").equals(V1))
				.map(r -> r.get("dossier")).findFirst().orElseThrow(() -> new AssertionError("no 秒批 decision of GRAD-HUKOU"));
	}

	@BeforeEach
	void updateToV2() {
		BundleContext ctx = FrameworkUtil.getBundle(CliApplication.class).getBundleContext();
		registry = (MatterRegistryService) ctx.getService(ctx.getServiceReference(MatterRegistry.class));
		original = registry.require(CODE);
		assertEquals(V1, original.policy().version());
		keptV1 = new KeptV1(original);
		registry.removeMatter(original);
		registry.addMatter(v2);
		registry.addSuperseded(keptV1);
	}

	@AfterEach
	void backToTheProductsPlugin() {
		registry.removeSuperseded(keptV1);
		registry.removeMatter(v2);
		registry.addMatter(original);
	}

	@Test
	void aV1DecisionReplaysIdenticallyAfterV2IsInstalled() throws IOException {
		assertEquals("2026.2", registry.require(CODE).policy().version(), "new dossiers meet v2 only");

		Run explain = miaopi("explain", dossier, "-nl", "en");

		assertEquals(Subcommand.OK, explain.exit(), explain.out() + explain.err());
		assertTrue(explain.out().contains("Policy " + POLICY + " version " + V1), explain.out());
		assertTrue(explain.out().contains("Replayed under policy version " + V1), explain.out());
		assertTrue(explain.out().contains("Replay: the same inputs give the same result and digest."), explain.out());
		CSVRecord row = row(replayReport("v2"));
		assertEquals("true", row.get("identical"), row.get("why"));
		assertEquals("replays identically", row.get("why"));
	}

	@Test
	void aPolicyVersionNoPluginKeepsIsSaidPlainly() throws IOException {
		registry.removeSuperseded(keptV1);

		Run explain = miaopi("explain", dossier, "-nl", "en");
		Run zh = miaopi("explain", dossier, "-nl", "zh");

		assertEquals(Subcommand.FAILED, explain.exit(), explain.out());
		assertTrue(explain.err().contains("cannot replay: policy " + POLICY + " v" + V1 + " is not installed"), explain.err());
		assertFalse(explain.err().contains("Exception"), explain.err());
		assertTrue(explain.out().contains("recorded outcome APPROVE"), explain.out());
		assertTrue(zh.err().contains("无法复核"), zh.err());
		CSVRecord row = row(replayReport("gone"));
		assertEquals("false", row.get("identical"));
		assertEquals("cannot replay: policy " + POLICY + " v" + V1 + " is not installed", row.get("why"));
	}

	private static CSVRecord row(List<CSVRecord> rows) {
		return rows.stream().filter(r -> r.get("dossier").equals(dossier)).findFirst().orElseThrow();
	}

	private static List<CSVRecord> replayReport(String name) throws IOException {
		String today = ChinaTime.today().toString();
		Path f = tmp.resolve("replay-" + name + ".csv");
		Run r = miaopi("supervise", "report", "replay", "--out", f.toString(), "--as", "city.supervisor", "--from", today, "--to",
				today, "--today", today);
		assertEquals(Subcommand.OK, r.exit(), r.err());
		try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
			in.read(); // the BOM
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
		}
	}
}
