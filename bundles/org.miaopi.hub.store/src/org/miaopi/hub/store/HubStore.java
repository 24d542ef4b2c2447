package org.miaopi.hub.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;

import org.eclipse.persistence.jpa.PersistenceProvider;
import org.miaopi.hub.store.internal.ContentRow;
import org.miaopi.hub.store.internal.Databases;
import org.miaopi.hub.store.internal.DossierRow;
import org.miaopi.hub.store.internal.Json;
import org.miaopi.hub.store.internal.MaterialRow;
import org.miaopi.hub.store.internal.ProgressRow;
import org.miaopi.hub.store.internal.Sequences;
import org.miaopi.hub.store.internal.SharedRecordRow;

/**
 * The hub's persistence: routed dossiers and the progress feed here, with the transactions; the
 * files (content-addressed) in {@link HubContents} and the shared records in {@link HubRecords},
 * which run inside them; clients, enrolment codes and per-desk marks in {@link Desks}. The same
 * code runs on embedded Derby and on PostgreSQL. Every method is one transaction.
 */
public final class HubStore implements AutoCloseable {

	private final HubDatabase db;
	private final EntityManagerFactory emf;
	private final Clock clock;
	private final int previousVersion;
	private final Desks desks;
	private final Pushes pushes;
	private final HubUsers users = new HubUsers(this);
	private final OfficerCertificates officerCertificates = new OfficerCertificates(this);
	private final HubCertificates certificates = new HubCertificates(this);
	private final CertificateNumbers numbers = new CertificateNumbers(this);
	private final SourceStates sources = new SourceStates(this);
	private final MatterVersions matterVersions = new MatterVersions(this);
	private final ContentBatches contentBatches = new ContentBatches(this);
	private final FeedMarks feedMarks = new FeedMarks(this);

	private HubStore(HubDatabase db, EntityManagerFactory emf, Clock clock, int previousVersion) {
		this.db = db;
		this.emf = emf;
		this.clock = clock;
		this.previousVersion = previousVersion;
		this.desks = new Desks(this);
		this.pushes = new Pushes(this);
	}

	/** Opens the database (creating an embedded one), upgrading its schema in place. */
	public static HubStore open(HubDatabase db) {
		return open(db, Clock.systemUTC());
	}

	public static HubStore open(HubDatabase db, Clock clock) {
		int previous = Databases.prepare(db);
		try {
			EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory("miaopi-hub", Databases.jpaProperties(db)); //$NON-NLS-1$
			if (emf == null) {
				throw new HubStoreException("the hub's persistence unit was not found in org.miaopi.hub.store"); //$NON-NLS-1$
			}
			emf.createEntityManager().close(); // connect now: a wrong password fails here, not at the first request
			return new HubStore(db, emf, clock, previous);
		} catch (PersistenceException e) {
			Databases.shutdown(db);
			throw new HubStoreException("cannot open the hub database " + db + ": " + rootMessage(e), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	public HubDatabase database() {
		return db;
	}

	public int previousSchemaVersion() {
		return previousVersion;
	}

	public Desks desks() {
		return desks;
	}

	/** Desks' outbox batches, and the hub's own moves (withdrawal, assignment) that outrank them. */
	public Pushes pushes() {
		return pushes;
	}

	/** The city's users, pulled by the desks of their department (sign-in offline). */
	/** The certificates desks issued and pushed (V4). */
	public HubCertificates certificates() {
		return certificates;
	}

	public OfficerCertificates officerCertificates() {
		return officerCertificates;
	}

	public HubUsers users() {
		return users;
	}

	/** Blocks of certificate numbers reserved for desks, and the numbers they reported void. */
	public CertificateNumbers numbers() {
		return numbers;
	}

	/** The shared data sources' availability, followed by every desk. */
	public SourceStates sources() {
		return sources;
	}

	/** The matter and theme versions enabled city-wide (V5), followed by every desk. */
	public MatterVersions matterVersions() {
		return matterVersions;
	}

	/** Many files in one read, for a desk's pull. */
	public ContentBatches contentBatches() {
		return contentBatches;
	}

	/** Where the feeds desks pull stand, so an empty round is one request. */
	public FeedMarks feedMarks() {
		return feedMarks;
	}

	Clock clock() {
		return clock;
	}

	// ------------------------------------------------------------------ dossiers

	/**
	 * Imports dossiers in one transaction: each gets the next id of the department pull cursor and
	 * a SUBMITTED progress entry. A submission id already at the hub (or twice in the list) is
	 * reported as a duplicate and not imported again.
	 *
	 * @param timeLimit working days of the dossier's matter (the progress entry's days left)
	 */
	public ImportResult importDossiers(List<HubDossier> dossiers, ToIntFunction<HubDossier> timeLimit) {
		return importDossiers(dossiers, List.of(), timeLimit);
	}

	/** The same, storing the files the dossiers carried in the same transaction (each hash once). */
	public ImportResult importDossiers(List<HubDossier> dossiers, List<HubContent> contents, ToIntFunction<HubDossier> timeLimit) {
		return inTransaction(em -> {
			HubContents.store(em, contents);
			Set<String> seen = existingSubmissions(em, dossiers.stream().map(HubDossier::submissionId).toList());
			List<HubDossier> fresh = new ArrayList<>();
			List<String> duplicates = new ArrayList<>();
			for (HubDossier d : dossiers) {
				if (seen.add(d.submissionId())) {
					fresh.add(d);
				} else {
					duplicates.add(d.submissionId());
				}
			}
			if (fresh.isEmpty()) {
				return new ImportResult(0, duplicates);
			}
			long id = Sequences.reserve(em, Sequences.DOSSIER, fresh.size());
			long feed = Sequences.reserve(em, Sequences.FEED, fresh.size());
			long now = clock.millis();
			for (HubDossier d : fresh) {
				DossierRow r = toRow(d, id++, now);
				em.persist(r);
				int position = 0;
				for (HubMaterial m : d.materials()) {
					em.persist(toRow(r.id, position++, m));
				}
				ProgressRow p = new ProgressRow();
				p.submissionId = d.submissionId();
				p.dossierId = r.id;
				p.department = d.departmentCode();
				p.stage = "SUBMITTED"; //$NON-NLS-1$
				p.daysLeft = timeLimit.applyAsInt(d);
				p.updatedMs = now;
				p.feedSeq = feed++;
				em.persist(p);
			}
			return new ImportResult(fresh.size(), duplicates);
		});
	}

	/** The department's dossiers after {@code cursor} in import order, at most {@code limit}. */
	public Page<HubDossier> departmentDossiers(String department, long cursor, int limit) {
		return read(em -> {
			List<DossierRow> rows = em.createQuery(
					"SELECT d FROM DossierRow d WHERE d.department = :dept AND d.id > :after ORDER BY d.id", DossierRow.class) //$NON-NLS-1$
					.setParameter("dept", department).setParameter("after", cursor).setMaxResults(limit + 1).getResultList(); //$NON-NLS-1$ //$NON-NLS-2$
			boolean more = rows.size() > limit;
			List<DossierRow> page = more ? rows.subList(0, limit) : rows;
			Map<Long, List<HubMaterial>> materials = materialsOf(em, page.stream().map(r -> r.id).toList());
			List<HubDossier> items = page.stream().map(r -> fromRow(r, materials.getOrDefault(r.id, List.of()))).toList();
			return new Page<>(items, items.isEmpty() ? cursor : items.get(items.size() - 1).id(), more);
		});
	}

	public Optional<HubDossier> dossier(String submissionId) {
		return read(em -> em.createQuery("SELECT d FROM DossierRow d WHERE d.submissionId = :s", DossierRow.class) //$NON-NLS-1$
				.setParameter("s", submissionId).getResultStream().findFirst() //$NON-NLS-1$
				.map(r -> fromRow(r, materialsOf(em, List.of(r.id)).getOrDefault(r.id, List.of()))));
	}

	// ------------------------------------------------------------------ contents (HubContents)

	/** Stores a file under its hash unless the hub has it already; the caller checked the hash. */
	public boolean putContent(String sha256, String mimeType, byte[] bytes) {
		return inTransaction(em -> HubContents.store(em, List.of(new HubContent(sha256, mimeType, bytes)))) == 1;
	}

	/** Of these hashes, those whose bytes the hub holds. */
	public Set<String> knownContents(Collection<String> hashes) {
		return read(em -> HubContents.known(em, hashes));
	}

	public Optional<byte[]> content(String sha256) {
		return read(em -> Optional.ofNullable(em.find(ContentRow.class, sha256)).map(c -> c.bytes));
	}

	/** Whether a dossier of the department carries this file (a desk may fetch only those). */
	public boolean departmentHasContent(String department, String sha256) {
		return read(em -> HubContents.inDepartment(em, department, sha256));
	}

	// ------------------------------------------------------------------ shared records (HubRecords)

	/** Imports shared records; one already held (same source, subject and as-of time) is skipped. */
	public int importRecords(List<HubRecord> records) {
		return inTransaction(em -> HubRecords.store(em, records, clock.millis()));
	}

	/** The records held for these subjects (a desk's cache of its applicants). */
	public List<HubRecord> records(Collection<String> subjectIds) {
		return read(em -> HubRecords.of(em, subjectIds));
	}

	// ------------------------------------------------------------------ progress

	public Optional<Progress> progress(String submissionId) {
		return read(em -> Optional.ofNullable(em.find(ProgressRow.class, submissionId)).map(HubStore::fromRow));
	}

	/** Progress changes after {@code cursor}, oldest first: each submission in its latest state. */
	public Page<Progress> progressFeed(long cursor, int limit) {
		return read(em -> {
			List<ProgressRow> rows = em.createQuery("SELECT p FROM ProgressRow p WHERE p.feedSeq > :after ORDER BY p.feedSeq", //$NON-NLS-1$
					ProgressRow.class).setParameter("after", cursor).setMaxResults(limit + 1).getResultList(); //$NON-NLS-1$
			boolean more = rows.size() > limit;
			List<Progress> items = (more ? rows.subList(0, limit) : rows).stream().map(HubStore::fromRow).toList();
			return new Page<>(items, items.isEmpty() ? cursor : items.get(items.size() - 1).feedSeq(), more);
		});
	}

	// ------------------------------------------------------------------ figures

	/** Rows per table, for `hub` start-up lines and tests. */
	public Map<String, Long> counts() {
		return read(em -> {
			Map<String, Long> m = new LinkedHashMap<>();
			for (String e : List.of("DossierRow", "MaterialRow", "ContentRow", "SharedRecordRow", "ProgressRow", "DeskRow", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
					"EnrolCodeRow", "DeskMarkRow", "CheckpointRow", "DeskEventRow")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				m.put(e.replace("Row", ""), em.createQuery("SELECT COUNT(x) FROM " + e + " x", Long.class).getSingleResult()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			}
			return m;
		});
	}

	@Override
	public void close() {
		if (emf.isOpen()) {
			emf.close();
		}
		Databases.shutdown(db);
	}

	// ------------------------------------------------------------------ plumbing

	<T> T inTransaction(Function<EntityManager, T> work) {
		EntityManager em = emf.createEntityManager();
		try {
			em.getTransaction().begin();
			T result = work.apply(em);
			em.getTransaction().commit();
			return result;
		} catch (PersistenceException e) {
			throw new HubStoreException("the hub database refused a write: " + rootMessage(e), e); //$NON-NLS-1$
		} finally {
			if (em.getTransaction().isActive()) {
				em.getTransaction().rollback();
			}
			em.close();
		}
	}

	<T> T read(Function<EntityManager, T> work) {
		EntityManager em = emf.createEntityManager();
		try {
			return work.apply(em);
		} catch (PersistenceException e) {
			throw new HubStoreException("the hub database could not be read: " + rootMessage(e), e); //$NON-NLS-1$
		} finally {
			em.close();
		}
	}

	private static Set<String> existingSubmissions(EntityManager em, List<String> ids) {
		Set<String> found = new HashSet<>();
		for (List<String> chunk : InClause.chunks(ids)) {
			found.addAll(em.createQuery("SELECT d.submissionId FROM DossierRow d WHERE d.submissionId IN :ids", String.class) //$NON-NLS-1$
					.setParameter("ids", chunk).getResultList()); //$NON-NLS-1$
		}
		return found;
	}

	private static Map<Long, List<HubMaterial>> materialsOf(EntityManager em, List<Long> dossierIds) {
		Map<Long, List<HubMaterial>> m = new LinkedHashMap<>();
		for (List<Long> chunk : InClause.chunks(dossierIds)) {
			for (MaterialRow r : em.createQuery("SELECT m FROM MaterialRow m WHERE m.dossierId IN :ids ORDER BY m.dossierId, m.position", //$NON-NLS-1$
					MaterialRow.class).setParameter("ids", chunk).getResultList()) { //$NON-NLS-1$
				m.computeIfAbsent(r.dossierId, k -> new ArrayList<>())
						.add(new HubMaterial(r.requirement, r.hash, r.fileName, r.mimeType, r.fileSize, r.replacedBy));
			}
		}
		return m;
	}

	private static DossierRow toRow(HubDossier d, long id, long now) {
		DossierRow r = new DossierRow();
		r.id = id;
		r.submissionId = d.submissionId();
		r.department = d.departmentCode();
		r.matterCode = d.matterCode();
		r.themeCode = d.themeCode();
		r.themeSubmissionId = d.themeSubmissionId();
		r.applicantKind = String.valueOf(d.applicantKind());
		r.subjectId = d.subjectId();
		r.applicantName = d.applicantName();
		r.legalRep = d.legalRepresentative();
		r.declared = Json.encode(d.declared());
		r.submittedMs = d.submittedAt().toEpochMilli();
		r.receivedMs = now;
		return r;
	}

	private static MaterialRow toRow(long dossierId, int position, HubMaterial m) {
		MaterialRow r = new MaterialRow();
		r.dossierId = dossierId;
		r.position = position;
		r.requirement = m.requirement();
		r.hash = m.sha256();
		r.fileName = m.fileName();
		r.mimeType = m.mimeType();
		r.fileSize = m.size();
		r.replacedBy = m.replacedBy();
		return r;
	}

	private static HubDossier fromRow(DossierRow r, List<HubMaterial> materials) {
		return new HubDossier(r.id, r.submissionId, r.department, r.matterCode, r.themeCode, r.themeSubmissionId,
				r.applicantKind.charAt(0), r.subjectId, r.applicantName, r.legalRep, Json.decode(r.declared), materials,
				Instant.ofEpochMilli(r.submittedMs), Instant.ofEpochMilli(r.receivedMs));
	}

	private static Progress fromRow(ProgressRow p) {
		List<String> reasons = p.reasons == null || p.reasons.isEmpty() ? List.of() : Arrays.asList(p.reasons.split(",")); //$NON-NLS-1$
		return new Progress(p.submissionId, p.department, p.stage, p.daysUsed, p.daysLeft, p.outcome, reasons, p.certificateNo,
				Instant.ofEpochMilli(p.updatedMs), p.feedSeq);
	}

	static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		String m = t.getMessage();
		return m == null ? "no reason given by the database" : m.strip(); //$NON-NLS-1$
	}
}
