package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.QueueSort;
import org.miaopi.store.jpa.NameKeys;
import org.miaopi.store.schema.Migrations;

/**
 * The queue's orders as an officer reads them: names in pinyin order (not by character code), and a
 * reversed order that keeps its ties most urgent first; also on a store written before either.
 */
class QueueNameOrderTest {

	/** By character code: 张 U+5F20, 李 U+674E, 王 U+738B, 阿 U+963F, 赵 U+8D75. */
	private static final List<String> NAMES = List.of("张伟", "李娜", "王芳", "阿强", "赵敏");
	private static final List<String> PINYIN = List.of("阿强", "李娜", "王芳", "张伟", "赵敏");

	@TempDir
	Path tmp;

	@Test
	void applicantNamesSortInPinyinOrderPageAfterPage() {
		try (DeskStore store = open(tmp)) {
			List<Dossier> ds = new ArrayList<>();
			for (int i = 0; i < NAMES.size(); i++) {
				ds.add(Fixtures.dossier("N" + i, "PSB", DossierStatus.IN_REVIEW, Fixtures.TODAY.plusDays(3), NAMES.get(i),
						List.of()));
			}
			store.putDossiers(ds, "test");
			assertEquals(PINYIN, names(store, QueueSort.APPLICANT, false));
			assertEquals(PINYIN.reversed(), names(store, QueueSort.APPLICANT, true));
		}
	}

	@Test
	void reversingTheMismatchOrderKeepsEqualCountsMostUrgentFirst() {
		try (DeskStore store = open(tmp)) {
			List<Dossier> ds = new ArrayList<>();
			int[] days = { 5, 1, 9, 3 };
			for (int i = 0; i < days.length; i++) {
				ds.add(Fixtures.dossier("M" + i, "PSB", DossierStatus.IN_REVIEW, Fixtures.TODAY.plusDays(days[i]), "张伟",
						List.of()));
			}
			ds.add(Fixtures.dossier("WORST", "PSB", DossierStatus.IN_REVIEW, Fixtures.TODAY.plusDays(20), "张伟", List.of()));
			store.putDossiers(ds, "test");
			for (Dossier d : ds) {
				int bad = d.number().equals("WORST") ? 3 : 2;
				List<ComparisonResult> rs = new ArrayList<>();
				for (int f = 0; f < bad; f++) {
					rs.add(new ComparisonResult("R1", "f" + f, "x", "y", ComparisonOutcome.MISMATCH, SharedSource.EDUCATION,
							Instant.parse("2026-01-01T00:00:00Z"), null));
				}
				store.putComparisons(Map.of(d.number(), rs));
			}
			// most mismatches first; of the two-mismatch ones, the nearest deadline first (1, 3, 5, 9 days)
			assertEquals(List.of("WORST", "M1", "M3", "M0", "M2"), numbers(store, QueueSort.MISMATCHES, true));
			assertEquals(List.of("M1", "M3", "M0", "M2", "WORST"), numbers(store, QueueSort.MISMATCHES, false));
			// reversing the deadline order reverses the deadline, and equal deadlines still go by number
			assertEquals(List.of("WORST", "M2", "M0", "M3", "M1"), numbers(store, QueueSort.DEADLINE, true));
		}
	}

	@Test
	void aStoreWrittenBeforeTheNameKeysGetsThemWhenOpened() throws SQLException {
		Path dir = tmp.resolve("old");
		BootSecret secret = BootSecret.keyFile(dir.resolve(DeskStore.KEY_FILE), true);
		int before = Migrations.CURRENT - 1;
		try (DerbyDatabase old = DerbyDatabase.open(dir.resolve(DeskStore.DATABASE_DIR), secret, before);
				Connection c = old.connect()) {
			for (int i = 0; i < NAMES.size(); i++) {
				insert(c, "OLD" + i, NAMES.get(i));
			}
		}
		try (DeskStore store = DeskStore.open(dir, secret)) {
			assertEquals(before, store.previousSchemaVersion());
			assertEquals(PINYIN, names(store, QueueSort.APPLICANT, false));
			try (Connection c = store.databaseForTests().connect(); Statement s = c.createStatement();
					ResultSet r = s.executeQuery("SELECT VERSION FROM NAME_COLLATION")) {
				r.next();
				assertEquals(NameKeys.version(), r.getString(1));
				// a row written without its key (a raw import) is given one at the next open
				insert(c, "RAW", "艾伦");
			}
		}
		try (DeskStore store = DeskStore.open(dir, secret)) {
			assertEquals(List.of("阿强", "艾伦", "李娜", "王芳", "张伟", "赵敏"), names(store, QueueSort.APPLICANT, false));
		}
	}

	private static void insert(Connection c, String no, String name) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("INSERT INTO DOSSIER (NUMBER, MATTER_CODE, APPLICANT_KIND,"
				+ " SUBJECT_ID, APPLICANT_NAME, RECEIVED_MS, DEADLINE, STATUS, DEPARTMENT_CODE, VERSION)"
				+ " VALUES (?, 'GRAD-HUKOU', 'N', ?, ?, 0, DATE('2026-12-01'), 'RECEIVED', 'PSB', 1)")) {
			ps.setString(1, no);
			ps.setString(2, Fixtures.residentId(11).value());
			ps.setString(3, name);
			ps.executeUpdate();
		}
	}

	private static DeskStore open(Path dir) {
		DeskStore store = DeskStore.open(dir, BootSecret.keyFile(dir.resolve(DeskStore.KEY_FILE), true));
		Fixtures.seed(store);
		return store;
	}

	private static List<String> names(DeskStore store, QueueSort sort, boolean descending) {
		return pages(store, sort, descending).stream().map(d -> d.applicant().name()).toList();
	}

	private static List<String> numbers(DeskStore store, QueueSort sort, boolean descending) {
		return pages(store, sort, descending).stream().map(Dossier::number).toList();
	}

	/** Every page, each read on from the last row of the one before (keyset paging). */
	private static List<Dossier> pages(DeskStore store, QueueSort sort, boolean descending) {
		QueueQuery first = new QueueQuery(null, null, null, 0, sort, descending);
		List<Dossier> seen = new ArrayList<>();
		QueuePage p = store.queue(Fixtures.OFFICER, first);
		for (int page = 1;; page++) {
			seen.addAll(p.rows());
			if (!p.hasMore()) {
				return seen;
			}
			p = store.queue(Fixtures.OFFICER, first.after(p.last(), page));
		}
	}
}
