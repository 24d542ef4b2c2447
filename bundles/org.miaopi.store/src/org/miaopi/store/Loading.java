package org.miaopi.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.LedgerRecords;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.MaterialLimits;
import org.miaopi.core.content.MaterialRefusedException;
import org.miaopi.core.content.MaterialRefusedException.Reason;
import org.miaopi.core.content.MimeTypes;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.service.StoreInfo;
import org.miaopi.store.jpa.ComparisonRow;
import org.miaopi.store.jpa.ContentRow;
import org.miaopi.store.jpa.DepartmentRow;
import org.miaopi.store.jpa.OfficerRow;
import org.miaopi.store.jpa.Rows;
import org.miaopi.store.schema.Migrations;

/**
 * The admin side of {@link DeskStore}: bulk loading for the demo generator and a future sync, and
 * the figures of {@code ./miaopi store info}. Loading bypasses the officers' access rules but not
 * the audit ledger.
 */
final class Loading {

	static final String[] TABLES = { "AUDIT_EVENT", "DECISION", "CERTIFICATE", "COMPARISON", "MATERIAL",
			"DOSSIER", "SHARED_RECORD", "CONTENT", "OFFICER", "DEPARTMENT" };
	/**
	 * Emptied with the tables above: what is derived from them (search keys), the themes' applications
	 * and outcomes, the sources' state, and the pull cursors (a store emptied is pulled again from the start).
	 * The outbox, its checkpoints and refusals go too ({@link DeskOutbox#empty}): the hub holds the
	 * old ledger under this desk's name, so an emptied desk enrols again under a new name.
	 */
	private static final String[] DERIVED_TABLES = { "DOSSIER_SEARCH", "THEME", "THEME_MATTER", "SHARED_SOURCE",
			"SIGNER_CERTIFICATE", "SUPERVISION_CARD", "SUPERVISION_SAMPLE", "SUPERVISION_REVIEW", "SYNC_CURSOR" };

	private final DeskStore store;

	Loading(DeskStore store) {
		this.store = store;
	}

	/** Empties every table (the ledger's head is reset around this by {@link Ledger#reset}). */
	void emptyTables() {
		try (Connection c = store.connect(); Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			for (String table : TABLES) {
				s.execute("TRUNCATE TABLE " + table);
			}
			for (String table : DERIVED_TABLES) {
				s.execute("TRUNCATE TABLE " + table);
			}
			// the outbox carried the old ledger: an emptied store is a new ledger, numbered from 1
			DeskOutbox.empty(c);
			c.commit();
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "emptying it");
		}
	}

	/**
	 * The order {@code ./miaopi store info} counts in, the same for every store: the dossiers, then
	 * what a dossier gathers on its way (materials, comparisons, decisions, certificates, audit
	 * events), then what the desk holds for all of them (shared records, stored files, officers,
	 * departments).
	 */
	static final String[] INFO_ORDER = { "DOSSIER", "MATERIAL", "COMPARISON", "DECISION", "CERTIFICATE", "AUDIT_EVENT",
			"SHARED_RECORD", "CONTENT", "OFFICER", "DEPARTMENT" };

	StoreInfo info() {
		Map<String, Long> counts = new LinkedHashMap<>();
		Map<DossierStatus, Long> byStatus = new EnumMap<>(DossierStatus.class);
		try (Connection c = store.connect(); Statement s = c.createStatement()) {
			for (String table : INFO_ORDER) {
				try (var r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
					r.next();
					counts.put(table.toLowerCase(java.util.Locale.ROOT), r.getLong(1));
				}
			}
			try (var r = s.executeQuery("SELECT STATUS, COUNT(*) FROM DOSSIER GROUP BY STATUS")) {
				while (r.next()) {
					try {
						byStatus.put(DossierStatus.valueOf(r.getString(1)), r.getLong(2));
					} catch (IllegalArgumentException newer) {
						// a status a newer Miaopi wrote: still counted in the dossiers' total
					}
				}
			}
			return new StoreInfo(store.location(), Migrations.version(c), store.database().encrypted(),
					store.secret().mode(), sizeOnDisk(), counts, byStatus);
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "counting its contents");
		}
	}

	StoreInfo.Schema schema() {
		try (Connection c = store.connect()) {
			return new StoreInfo.Schema(Migrations.version(c), store.database().encrypted(), store.secret().mode());
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading its schema version");
		}
	}

	long sizeOnDisk() {
		try (Stream<Path> files = Files.walk(store.location().resolve(DeskStore.DATABASE_DIR))) {
			return files.filter(Files::isRegularFile).mapToLong(f -> {
				try {
					return Files.size(f);
				} catch (IOException e) {
					return 0;
				}
			}).sum();
		} catch (IOException e) {
			return -1;
		}
	}

	void putDepartments(List<Department> departments) {
		store.write(em -> departments.forEach(d -> em.merge(Rows.row(d))), "storing departments");
	}

	void putOfficers(List<Officer> officers, Map<String, String> passwordHashes) {
		store.write(em -> officers.forEach(o -> em.merge(Rows.row(o, passwordHashes.get(o.id())))), "storing officers");
	}

	/** The stored password hash of an officer, for sign-in; empty if none. */
	Optional<String> passwordHash(String officerId) {
		return store.read(em -> Optional.ofNullable(em.find(OfficerRow.class, officerId)).map(Rows::passwordHash));
	}

	List<Officer> officers() {
		return store.read(em -> em.createQuery("SELECT o FROM OfficerRow o ORDER BY o.id", OfficerRow.class)
				.getResultStream().map(Rows::officer).toList());
	}

	List<Department> departments() {
		return store.read(em -> em.createQuery("SELECT d FROM DepartmentRow d ORDER BY d.code", DepartmentRow.class)
				.getResultStream().map(Rows::department).toList());
	}

	Sha256 putContent(byte[] content, String mimeType) {
		checkContent(content, mimeType);
		Sha256 hash = ContentHashing.sha256(content);
		store.write(em -> {
			if (em.find(ContentRow.class, hash.hex()) == null) {
				em.persist(Rows.content(hash, mimeType, content.clone()));
			}
		}, "storing material content");
		return hash;
	}

	List<Sha256> putContents(List<byte[]> contents, String mimeType) {
		contents.forEach(c -> checkContent(c, mimeType));
		List<Sha256> hashes = new ArrayList<>();
		store.write(em -> {
			java.util.Set<Sha256> seen = new java.util.HashSet<>();
			for (byte[] content : contents) {
				Sha256 hash = ContentHashing.sha256(content);
				hashes.add(hash);
				if (seen.add(hash) && em.find(ContentRow.class, hash.hex()) == null) {
					em.persist(Rows.content(hash, mimeType, content.clone()));
				}
			}
		}, "storing material content");
		return hashes;
	}

	/**
	 * The store's own floor under every intake: bytes of an accepted format that is the one stated,
	 * no larger than any matter may accept. A matter's own limits (size, pages) are checked before,
	 * by {@link org.miaopi.core.content.MaterialVetting}, where the matter is known.
	 */
	static void checkContent(byte[] content, String mimeType) {
		String name = "content of type " + mimeType;
		if (content.length > MaterialLimits.CEILING_BYTES) {
			throw new MaterialRefusedException(Reason.TOO_LARGE, name, "the file is " + MaterialLimits.size(content.length)
					+ "; no matter accepts more than " + MaterialLimits.size(MaterialLimits.CEILING_BYTES));
		}
		String sniffed = MimeTypes.sniff(content).orElseThrow(() -> new MaterialRefusedException(Reason.UNKNOWN_TYPE,
				name, "the content is not a PDF, PNG or JPEG file"));
		if (!sniffed.equals(mimeType)) {
			throw new MaterialRefusedException(Reason.TYPE_MISMATCH, name, "the content is " + sniffed);
		}
	}

	void putSharedRecords(List<SharedRecord> records) {
		store.write(em -> records.forEach(r -> em.persist(Rows.row(r))), "storing shared records");
	}

	void putComparisons(String dossierNo, List<ComparisonResult> results) {
		store.write(em -> {
			em.createQuery("DELETE FROM ComparisonRow c WHERE c.dossierNo = :no").setParameter("no", dossierNo)
					.executeUpdate();
			results.forEach(r -> em.persist(Rows.row(dossierNo, r)));
			AttentionColumn.replaced(em, Map.of(dossierNo, results));
		}, "storing comparison results");
	}

	/**
	 * All deletes first, one per {@link Intake#CHUNK} dossiers, then all inserts (JDBC batches):
	 * a delete between persists would flush, and every flush re-examines every object persisted
	 * so far in the transaction, which made a bulk load quadratic.
	 */
	void putComparisons(Map<String, List<ComparisonResult>> byDossier) {
		store.write(em -> {
			// one primary-key range per dossier: Derby ran a long IN list as a scan of the whole table
			try (java.sql.PreparedStatement ps = em.unwrap(java.sql.Connection.class)
					.prepareStatement("DELETE FROM COMPARISON WHERE DOSSIER_NO = ?")) {
				for (String no : byDossier.keySet()) {
					ps.setString(1, no);
					ps.addBatch();
				}
				ps.executeBatch();
			} catch (java.sql.SQLException e) {
				throw new IllegalStateException("cannot replace the comparison results of " + byDossier.size() + " dossiers", e);
			}
			byDossier.forEach((no, results) -> results.forEach(r -> em.persist(Rows.row(no, r))));
			AttentionColumn.replaced(em, byDossier);
		}, "storing comparison results");
	}

	void putCertificates(List<CertificateRecord> certificates) {
		store.write(em -> certificates.forEach(c -> em.merge(Rows.row(c))), "storing certificate records");
	}

	void putThemeApplications(List<org.miaopi.core.model.ThemeApplication> themes, String actor) {
		store.appendToLedger("taking in theme applications",
				(em, prev) -> ThemeIntake.declare(em, themes, actor, prev, Instant.now()));
	}

	void putDossiers(List<Dossier> dossiers, String actor) {
		store.appendToLedger("importing dossiers", (em, prev) -> {
			Instant now = Instant.now();
			// a member must fit its theme's list: checked before anything is written
			ThemeIntake.Admitted admitted = ThemeIntake.admit(em, dossiers);
			for (Dossier d : dossiers) {
				em.persist(Rows.row(d));
				for (Material m : d.materials()) {
					em.persist(Rows.row(d.number(), m));
				}
				prev = AuditChain.next(prev, now, actor, d.number(), "dossier.imported", Map.of("status", d.status().name(),
						"matter", d.matterCode(), LedgerRecords.DECLARED_DIGEST, LedgerRecords.declaredDigest(d).hex()));
				em.persist(Rows.row(prev));
			}
			SearchKeys.inserted(em, dossiers);
			prev = ThemeIntake.audit(em, admitted, actor, prev, now);
			// every member changes its theme's counts; imported decisions are not decided here: no theme.decided event
			Map<String, String> themes = new java.util.HashMap<>();
			dossiers.stream().filter(Dossier::isPartOfTheme).forEach(d -> themes.put(d.themeDossierNo(), d.number()));
			return ThemeBook.update(em, themes, org.miaopi.core.model.Officer.SYSTEM, prev, now, false);
		});
	}

	void putDecisions(List<Decision> decisions, String actor) {
		store.appendToLedger("importing decisions", (em, prev) -> {
			Instant now = Instant.now();
			long first = prev == null ? 1 : prev.sequence() + 1;
			for (Decision d : decisions) {
				long sequence = prev == null ? 1 : prev.sequence() + 1;
				prev = AuditChain.next(prev, now, actor, d.dossierNo(), "decision.imported", Map.of("decision",
						d.kind().name(), "by", d.officerId(), LedgerRecords.DECISION_DIGEST,
						LedgerRecords.decisionDigest(sequence, d).hex()));
				em.persist(Rows.row(prev));
				em.persist(Rows.row(prev.sequence(), d));
			}
			if (!decisions.isEmpty()) {
				DecisionSearchColumns.filled(em, first, prev.sequence());
			}
			return prev;
		});
	}
}
