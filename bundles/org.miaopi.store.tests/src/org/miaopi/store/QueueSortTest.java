package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.QueueKey;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.QueueSort;

/**
 * The queue in every sort order, both directions, page after page: exactly the order a full sort
 * in Java gives (only the order's own key reversed descending, its ties always nearest deadline
 * first, then by number), so no row is skipped or repeated at a page boundary,
 * with and without the matter and text filters; by page number (offset) and read on from the last
 * row of the page before (keyset), in pages small enough to put a boundary inside every tie.
 */
class QueueSortTest {

	private static final String[] NAMES = { "张伟", "王芳", "欧阳修", "李娜", "张伟", "Zhang Wei", "阿强", "陈喆", "張偉" };
	private static final DossierStatus[] STATUSES = { DossierStatus.RECEIVED, DossierStatus.PRE_CHECKED,
			DossierStatus.ASSIGNED, DossierStatus.IN_REVIEW, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.APPROVED };

	@TempDir
	Path tmp;
	DeskStore store;
	List<Dossier> dossiers = new ArrayList<>();
	Map<String, Integer> attention = new HashMap<>();

	@BeforeEach
	void open() {
		store = DeskStore.open(tmp, BootSecret.keyFile(tmp.resolve(DeskStore.KEY_FILE), true));
		Fixtures.seed(store);
		for (int i = 0; i < 163; i++) {
			Dossier d = Fixtures.dossier(String.format("S%03d", (i * 37) % 163), "PSB", STATUSES[(i * 5 + i / 7) % STATUSES.length],
					Fixtures.TODAY.plusDays(i % 9), NAMES[i % NAMES.length], List.of());
			// few distinct matters and received times, so every key has ties
			dossiers.add(new Dossier(d.number(), i % 3 == 0 ? "ELDER-ALLOWANCE" : d.matterCode(), null, d.applicant(),
					d.declaredData(), d.materials(), Instant.parse("2026-11-02T02:00:00Z").plusSeconds(3600L * (i % 13)),
					d.deadline(), d.status(), d.assignedOfficerId(), d.departmentCode()));
		}
		dossiers.add(Fixtures.dossier("OTHER-DEPT", "MSB", DossierStatus.RECEIVED));
		store.putDossiers(dossiers, "test");
		Map<String, List<ComparisonResult>> compared = new LinkedHashMap<>();
		for (int i = 0; i < dossiers.size() - 1; i += 2) {
			List<ComparisonResult> results = new ArrayList<>();
			for (int f = 0; f < 3; f++) {
				results.add(compared("f" + f, f < i % 4 ? ComparisonOutcome.MISMATCH : ComparisonOutcome.MATCH));
			}
			compared.put(dossiers.get(i).number(), results);
			attention.put(dossiers.get(i).number(), i % 4);
		}
		store.putComparisons(compared);
	}

	@AfterEach
	void close() {
		store.close();
	}

	@Test
	void everySortKeyInBothDirectionsPagesLikeAFullSort() {
		for (QueueSort sort : QueueSort.values()) {
			for (boolean descending : new boolean[] { false, true }) {
				assertPaged(sort, descending, QueueQuery.OPEN, null, null);
				assertPaged(sort, descending, EnumSet.allOf(DossierStatus.class), null, null);
				assertPaged(sort, descending, QueueQuery.OPEN, "ELDER-ALLOWANCE", null);
				assertPaged(sort, descending, QueueQuery.OPEN, null, "张");
				assertPaged(sort, descending, EnumSet.of(DossierStatus.IN_REVIEW, DossierStatus.RECEIVED), "GRAD-HUKOU",
						"s0");
			}
		}
	}

	@Test
	void theMismatchCountFollowsTheComparisonsStoredLater() {
		String no = dossiers.stream().filter(d -> QueueQuery.OPEN.contains(d.status()) && d.departmentCode().equals("PSB")
				&& !attention.containsKey(d.number())).findFirst().orElseThrow().number(); // not compared yet
		List<String> ascending = numbers(new QueueQuery(null, null, null, 0, QueueSort.MISMATCHES, false));
		int uncompared = (int) ascending.stream().filter(n -> !attention.containsKey(n)).count();
		assertTrue(ascending.indexOf(no) < uncompared, "the dossiers not compared yet come first");
		store.putComparisons(no, List.of(compared("a", ComparisonOutcome.MISMATCH), missing("b"),
				compared("c", ComparisonOutcome.MISMATCH), compared("d", ComparisonOutcome.STALE)));
		QueuePage worst = store.queue(Fixtures.OFFICER, new QueueQuery(null, null, null, 0, QueueSort.MISMATCHES, true));
		assertEquals(no, worst.rows().get(0).number(), "four results need attention: more than any other dossier");
		assertEquals(4L, store.attentionCounts(Fixtures.OFFICER, List.of(no)).get(no));
	}

	private void assertPaged(QueueSort sort, boolean descending, Set<DossierStatus> statuses, String matter, String text) {
		Predicate<Dossier> filter = d -> d.departmentCode().equals("PSB") && statuses.contains(d.status())
				&& (matter == null || d.matterCode().equals(matter)) && (text == null || d.applicant().name().startsWith(text)
						|| d.number().toLowerCase().startsWith(text));
		Comparator<Dossier> key = key(sort);
		Comparator<Dossier> ties = Comparator.comparing(Dossier::deadline).thenComparing(Dossier::number);
		List<String> expected = dossiers.stream().filter(filter)
				.sorted((descending ? key.reversed() : key).thenComparing(ties)).map(Dossier::number).toList();
		assertTrue(expected.size() > 2, "the case has rows: " + sort + " " + matter + " " + text);
		QueueQuery first = new QueueQuery(statuses, matter, text, 0, sort, descending);
		String what = sort + (descending ? " descending" : " ascending") + " statuses " + statuses + " matter " + matter
				+ " text " + text;
		assertEquals(expected, numbers(first), what);
		assertEquals(expected, numbersByKey(first), "by keyset, " + what);
		// pages of 1 and 7 rows: a page boundary inside every run of ties (and of dossiers not compared yet)
		for (int size : new int[] { 1, 7 }) {
			assertEquals(expected, smallPagesByKey(first, size), "by keyset in pages of " + size + ", " + what);
		}
	}

	/** The pages as the table reads them on: each from the last row of the one before. */
	private List<String> numbersByKey(QueueQuery first) {
		List<String> seen = new ArrayList<>();
		QueuePage p = store.queue(Fixtures.OFFICER, first);
		for (int page = 1;; page++) {
			p.rows().forEach(d -> seen.add(d.number()));
			if (!p.hasMore()) {
				assertTrue(p.rows().isEmpty() || p.last().number().equals(seen.get(seen.size() - 1)));
				return seen;
			}
			assertEquals(seen.get(seen.size() - 1), p.last().number(), "the page's last key is its last row");
			p = store.queue(Fixtures.OFFICER, first.after(p.last(), page));
			assertEquals(page, p.page());
		}
	}

	private List<String> smallPagesByKey(QueueQuery first, int size) {
		List<String> seen = new ArrayList<>();
		try (Connection c = store.connect()) {
			QueueQuery q = first;
			while (true) {
				List<QueueReader.Key> keys = QueueReader.keys(c, "PSB", q, size);
				List<QueueReader.Key> page = keys.subList(0, Math.min(size, keys.size()));
				page.forEach(k -> seen.add(k.number()));
				if (keys.size() <= size) {
					return seen;
				}
				q = first.after(page.get(page.size() - 1).toQueueKey(first), q.page() + 1);
			}
		} catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void aPositionFromAnotherOrderIsRefusedWithAClearMessage() {
		QueuePage p = store.queue(Fixtures.OFFICER, new QueueQuery(null, null, null, 0, QueueSort.APPLICANT, false));
		QueueQuery byDeadline = new QueueQuery(null, null, null, 0, QueueSort.DEADLINE, false);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> byDeadline.after(p.last(), 1));
		assertTrue(e.getMessage().contains("APPLICANT"), e.getMessage());
		QueueKey forged = new QueueKey(QueueSort.MATTER, false, List.of("S001"));
		QueueQuery byMatter = new QueueQuery(null, null, null, 0, QueueSort.MATTER, false).after(forged, 1);
		e = assertThrows(IllegalArgumentException.class, () -> store.queue(Fixtures.OFFICER, byMatter));
		assertTrue(e.getMessage().contains("does not belong to the order MATTER"), e.getMessage());
	}

	@Test
	void everySortColumnIsNotNullAsKeysetPagingAssumes() throws SQLException {
		try (Connection c = store.connect()) {
			for (QueueSort sort : QueueSort.values()) {
				for (String column : SortPlan.of(sort).columns()) {
					try (ResultSet rs = c.getMetaData().getColumns(null, null, "DOSSIER", column)) {
						assertTrue(rs.next(), column);
						assertEquals("NO", rs.getString("IS_NULLABLE"), "DOSSIER." + column + " is NOT NULL");
					}
				}
			}
		}
	}

	private List<String> numbers(QueueQuery first) {
		List<String> seen = new ArrayList<>();
		for (int page = 0;; page++) {
			QueuePage p = store.queue(Fixtures.OFFICER, first.atPage(page));
			p.rows().forEach(d -> seen.add(d.number()));
			if (!p.hasMore()) {
				return seen;
			}
		}
	}

	/** The order's own key: the part a descending order reverses. */
	private Comparator<Dossier> key(QueueSort sort) {
		Collator pinyin = Collator.getInstance(ULocale.CHINA);
		return switch (sort) {
			case DEADLINE -> Comparator.comparing(Dossier::deadline);
			case NUMBER -> Comparator.comparing(Dossier::number);
			case APPLICANT -> Comparator.comparing((Dossier d) -> d.applicant().name(), pinyin);
			case MATTER -> Comparator.comparing(Dossier::matterCode);
			case RECEIVED -> Comparator.comparing(Dossier::received);
			case STATUS -> Comparator.comparing(Dossier::status);
			case MISMATCHES -> Comparator.comparingInt((Dossier d) -> attention.getOrDefault(d.number(), -1));
		};
	}

	private static ComparisonResult missing(String field) {
		return new ComparisonResult("R1", field, "x", null, ComparisonOutcome.MISSING, null, null, null);
	}

	private static ComparisonResult compared(String field, ComparisonOutcome outcome) {
		return new ComparisonResult("R1", field, "x", outcome == ComparisonOutcome.MATCH ? "x" : "y", outcome,
				SharedSource.EDUCATION, Instant.parse("2026-01-01T00:00:00Z"), null);
	}
}
