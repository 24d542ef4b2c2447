package org.miaopi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.seal.OfficerSigner;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.id.ResidentId;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.StoreFactory;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.core.sync.OutboxEntry;
import org.miaopi.hub.store.HubStore;
import org.miaopi.hub.store.Push;

/**
 * A desk's store with its officer, for the fault tests: dossiers in review, decisions signed by the
 * officer, a kill ({@link Crash}) that leaves the store as a killed process would, and the one check
 * every fault test ends with: {@link #assertExactlyOnce}.
 */
final class FaultDesk implements AutoCloseable {

	static final String DEPT = "SZPSB"; //$NON-NLS-1$
	/** The desk store's Derby directory (DeskStore.DATABASE_DIR). */
	private static final String DATABASE_DIR = "db"; //$NON-NLS-1$

	final Officer officer = new Officer("li.na", "李娜", DEPT, EnumSet.of(Role.OFFICER)); //$NON-NLS-1$ //$NON-NLS-2$
	private final DecisionSigner signer;
	private final Path parent;
	OpenStore store;
	private int made;
	private int generation;
	int kills;

	FaultDesk(Path parent) throws Exception {
		this.parent = parent;
		this.signer = signer(officer.id());
		java.nio.file.Files.createDirectories(parent);
		store = open(parent.resolve("desk-0")); //$NON-NLS-1$
		store.putDepartments(List.of(new Department(DEPT, "公安局", "Public Security"))); //$NON-NLS-1$ //$NON-NLS-2$
		store.putOfficers(List.of(officer), Map.of());
	}

	private static OpenStore open(Path dir) throws InterruptedException {
		return HubAndDesk.service(StoreFactory.class).open(dir, false);
	}

	/** {@code n} new dossiers in review with the officer (as a pull leaves them): one outbox row each. */
	List<String> inReview(int n) {
		List<Dossier> ds = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String no = String.format("SZ2026120100%05d", ++made); //$NON-NLS-1$
			ds.add(new Dossier(no, "GRAD-HUKOU", null, new NaturalPerson(ResidentId.parse("110101199003074514", //$NON-NLS-1$ //$NON-NLS-2$
					LocalDate.of(2026, 12, 1)), "张三"), Map.of("name", "张三"), List.of(), Instant.parse("2026-12-01T02:00:00Z"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					LocalDate.of(2026, 12, 20), DossierStatus.IN_REVIEW, officer.id(), DEPT));
		}
		store.putDossiers(ds, "sync"); //$NON-NLS-1$
		return ds.stream().map(Dossier::number).toList();
	}

	/** The officer approves, signed: one outbox row ({@code dossier.approved}). */
	void approve(String no) {
		store.transition(officer, TransitionRequest.decide(new Decision(no, DecisionKind.APPROVE, List.of(), "条例第五条", officer.id(), //$NON-NLS-1$
				Instant.now(), false, "材料齐全", null, null, null)), signer); //$NON-NLS-1$
	}

	/**
	 * The desk killed now: its store frozen and copied as it is on disk, {@code wire} cut before it can
	 * write again (a dead process sends nothing), the old store let go; the desk restarts on the copy.
	 */
	void kill(Wire wire, Thread work) throws Exception {
		OpenStore dying = store;
		Path copy = parent.resolve("desk-" + ++generation); //$NON-NLS-1$
		try (Crash.Frozen frozen = Crash.freeze("jdbc:derby:" + dying.location().resolve(DATABASE_DIR).toAbsolutePath())) { //$NON-NLS-1$
			Crash.copy(dying.location(), copy);
			wire.cut = true;
		}
		work.join(60_000);
		dying.close();
		kills++;
		store = open(copy);
	}

	/** The chain hash of each outbox row's audit event, by row. */
	Map<Long, String> rowHashes() throws Exception {
		Map<Long, String> out = new HashMap<>();
		for (OutboxEntry e : store.after(0, Math.toIntExact(Math.max(1, store.head())))) {
			out.put(e.sequence(), HubTransportJson.hash(e.payload()));
		}
		return out;
	}

	/**
	 * Exactly once: the hub holds each of this desk's outbox rows 1..head once — none missing, none
	 * twice — each with the chain hash the desk's row has; the hub's mark is the head; the desk's
	 * ledger verifies, the hub's signed checkpoint included.
	 *
	 * @return the number of rows checked
	 */
	long assertExactlyOnce(HubStore hub, String deskName) throws Exception {
		long head = store.head();
		List<Push.Stored> held = hub.pushes().events(deskName);
		Map<Long, Integer> perRow = new TreeMap<>();
		held.forEach(e -> perRow.merge(e.sequence(), 1, Integer::sum));
		List<Long> doubled = perRow.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
		List<Long> missing = LongStream.rangeClosed(1, head).filter(s -> !perRow.containsKey(s)).boxed().toList();
		List<Long> unknown = perRow.keySet().stream().filter(s -> s < 1 || s > head).toList();
		assertEquals(List.of(), doubled, "rows the hub holds twice"); //$NON-NLS-1$
		assertEquals(List.of(), missing, "rows the hub lacks"); //$NON-NLS-1$
		assertEquals(List.of(), unknown, "rows the desk never wrote"); //$NON-NLS-1$
		Map<Long, String> hashes = rowHashes();
		List<Long> otherHash = held.stream().filter(e -> !e.hash().equals(hashes.get(e.sequence()))).map(Push.Stored::sequence).toList();
		assertEquals(List.of(), otherHash, "rows whose event at the hub is not the desk's"); //$NON-NLS-1$
		assertEquals(head, hub.desks().highWater(deskName), "the hub's mark is the desk's head"); //$NON-NLS-1$
		assertEquals(hashes.get(head), hub.desks().headHash(deskName).orElseThrow(), "the hub's head is the desk's"); //$NON-NLS-1$
		assertInstanceOf(Verification.Intact.class, store.verifyLedger(n -> {
		}), "the desk's ledger verifies against the hub's checkpoint"); //$NON-NLS-1$
		return held.size();
	}

	@Override
	public void close() {
		store.close();
	}

	/**
	 * An officer's signing key for the test, certified by a desk's own root as the desk's officer
	 * keys are (the hub checks the signature, the certificate's officer and its validity); the
	 * product's own {@link OfficerSigner} signs.
	 */
	static DecisionSigner signer(String officerId) throws Exception {
		java.security.KeyPair keys = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair(); //$NON-NLS-1$
		java.time.Instant now = java.time.Instant.now();
		java.security.cert.X509Certificate certificate = new org.miaopi.seal.FileSealService(
				java.nio.file.Files.createTempDirectory("officer-seals"), null, org.miaopi.seal.KeyAlgorithm.EC_P256, //$NON-NLS-1$
				java.time.Clock.systemUTC()).certifyOfficerKey(officerId, keys.getPublic(), now.minusSeconds(3600),
						now.plusSeconds(86_400))[0];
		return new OfficerSigner(officerId, keys.getPrivate(), certificate);
	}

	/** The event's chain hash in an outbox row's payload ({"event": {…, "hash"}}). */
	private static final class HubTransportJson {
		static String hash(String payload) throws Exception {
			return org.miaopi.sync.internal.HubTransport.JSON.readTree(payload).path("event").path("hash").asText(); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
