package org.miaopi.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.seal.OfficerSigner;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.Officer;
import org.miaopi.core.id.ResidentId;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.core.sync.OutboxEntry;
import org.miaopi.hub.HubFixture.Reply;
import org.miaopi.hub.store.Desk;
import org.miaopi.hub.store.HubDossier;
import org.miaopi.store.BootSecret;
import org.miaopi.store.DeskStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the push tests share: a hub holding a dozen intake dossiers, the department of the first,
 * a desk of it enrolled, and a real desk store whose officer decides and whose outbox a tiny pusher
 * (the sync client's transport, nothing more) sends over mutual TLS.
 */
abstract class PushingDesk {

	static final String PATH = "/v1/desks/me/batches";

	@TempDir
	Path tmp;
	HubFixture hub;
	HttpClient intake;
	HttpClient desk;
	String department;
	List<String> mine;
	String foreign;
	DeskStore store;
	Officer officer;
	DecisionSigner signer;

	@BeforeEach
	void start() throws Exception {
		hub = new HubFixture();
		intake = HubFixture.client(hub.enrol("intake-1", Desk.Role.INTAKE, null));
		assertEquals(200, hub.postLines(intake, "/v1/intake/dossiers", String.join("\n", HubFixture.demoLines(12, 7))).status());
		List<HubDossier> all = new ArrayList<>();
		for (var p : hub.store.progressFeed(0, 1000).items()) {
			hub.store.dossier(p.submissionId()).filter(d -> d.themeCode() == null).ifPresent(all::add);
		}
		department = all.get(0).departmentCode();
		mine = all.stream().filter(d -> d.departmentCode().equals(department)).map(HubDossier::submissionId).toList();
		foreign = all.stream().filter(d -> !d.departmentCode().equals(department)).findFirst().orElseThrow().submissionId();
		desk = HubFixture.client(hub.enrol("desk-1", Desk.Role.DESK, department));
		officer = new Officer("li.na", "李娜", department, EnumSet.of(Role.OFFICER));
		signer = signer(officer.id());
		store = DeskStore.open(tmp.resolve("desk"), BootSecret.NONE);
		store.putDepartments(List.of(new Department(department, "部门", "Department")));
		store.putOfficers(List.of(officer), Map.of());
	}

	@AfterEach
	void stop() throws Exception {
		store.close();
		hub.close();
	}

	/** The desk pulled these dossiers (numbered by their submission ids) and its officer reviews them. */
	void pulled(String... numbers) {
		List<Dossier> ds = new ArrayList<>();
		for (String no : numbers) {
			ds.add(new Dossier(no, "GRAD-HUKOU", null, new NaturalPerson(ResidentId.parse("110101199003074514", LocalDate.of(2026, 12, 1)),
					"张三"), Map.of("name", "张三"), List.of(), Instant.parse("2026-12-01T02:00:00Z"), LocalDate.of(2026, 12, 20),
					DossierStatus.IN_REVIEW, officer.id(), department));
		}
		store.putDossiers(ds, "sync");
	}

	void approve(String no) {
		store.transition(officer, TransitionRequest.decide(new Decision(no, DecisionKind.APPROVE, List.of(), "条例第五条", officer.id(),
				Instant.now(), false, "材料齐全", null, null, null)), signer);
	}

	/** What the sync client sends: outbox rows from..to as they are, and the last one's chain hash. */
	ObjectNode batch(long from, long to) throws Exception {
		List<OutboxEntry> rows = store.after(from - 1, (int) (to - from + 1));
		ObjectNode b = HubFixture.JSON.createObjectNode().put("desk", "desk-1").put("from", from).put("to", to);
		ArrayNode events = b.putArray("events");
		String head = null;
		for (OutboxEntry e : rows) {
			events.addObject().put("sequence", e.sequence()).put("kind", e.kind()).put("dossierNo", e.dossierNo())
					.put("payload", e.payload()).put("createdAt", e.createdAtMillis());
			head = HubFixture.JSON.readTree(e.payload()).path("event").path("hash").asText();
		}
		return b.put("ledgerHead", head);
	}

	Reply send(HttpClient client, JsonNode body) throws Exception {
		return hub.post(client, PATH, "application/json", HubFixture.JSON.writeValueAsBytes(body));
	}

	/** Puts a pulled dossier at PRE_CHECKED, where 秒批 decides. */
	void preChecked(String no) {
		store.putDossiers(List.of(new Dossier(no, "GRAD-HUKOU", null, new NaturalPerson(ResidentId.parse("110101199003074514",
				LocalDate.of(2026, 12, 1)), "张三"), Map.of("name", "张三"), List.of(), Instant.parse("2026-12-01T02:00:00Z"),
				LocalDate.of(2026, 12, 20), DossierStatus.PRE_CHECKED, null, department)), "sync");
	}

	static String refusal(Reply r, String dossierNo) {
		for (JsonNode x : r.json().path("refused")) {
			if (x.path("dossierNo").asText().equals(dossierNo)) {
				return x.path("reason").asText();
			}
		}
		return null;
	}

	/**
	 * An officer's signing key for the test, certified by a desk's own root as the desk's officer
	 * keys are (the hub checks the signature, the certificate's officer and its validity); the
	 * product's own {@link OfficerSigner} signs.
	 */
	static DecisionSigner signer(String officerId) throws Exception {
		java.security.KeyPair keys = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		java.time.Instant now = java.time.Instant.now();
		java.security.cert.X509Certificate certificate = new org.miaopi.seal.FileSealService(
				java.nio.file.Files.createTempDirectory("officer-seals"), null, org.miaopi.seal.KeyAlgorithm.EC_P256,
				java.time.Clock.systemUTC()).certifyOfficerKey(officerId, keys.getPublic(), now.minusSeconds(3600),
						now.plusSeconds(86_400))[0];
		return new OfficerSigner(officerId, keys.getPrivate(), certificate);
	}
}
