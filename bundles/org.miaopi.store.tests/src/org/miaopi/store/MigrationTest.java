package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.store.schema.Migrations;

/** A store written with schema 1 opens with this build, is upgraded in place (every later script) and loses nothing. */
class MigrationTest {

	@TempDir
	Path tmp;

	@Test
	void aVersion1StoreIsUpgradedInPlace() throws Exception {
		BootSecret secret = BootSecret.keyFile(tmp.resolve(DeskStore.KEY_FILE), true);
		Path dbDir = tmp.resolve(DeskStore.DATABASE_DIR);
		try (DerbyDatabase v1 = DerbyDatabase.open(dbDir, secret, 1); Connection c = v1.connect()) {
			assertEquals(1, Migrations.version(c));
			String sql;
			try (InputStream in = MigrationTest.class.getResourceAsStream("v1-store.sql")) {
				sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{ID}",
						Fixtures.residentId(42).value());
			}
			try (Statement s = c.createStatement()) {
				StringBuilder body = new StringBuilder();
				for (String line : sql.split("\n", -1)) {
					if (!line.startsWith("--")) {
						body.append(line).append('\n');
					}
				}
				for (String st : body.toString().split(";\n")) {
					if (!st.isBlank()) {
						s.execute(st.strip());
					}
				}
				// an officer's approval over the dossier's mismatch, stored before the decision search had its columns
				s.execute("INSERT INTO DECISION (ID, DOSSIER_NO, KIND, REASON_CODES, OFFICER_ID, DECIDED_MS, AUTOMATIC)"
						+ " VALUES (900, 'SZ-V1-0001', 'APPROVE', '', 'li.na', 1764547200000, 0)");
			}
		}
		try (DeskStore store = DeskStore.open(tmp, secret)) {
			assertEquals(1, store.previousSchemaVersion());
			assertEquals(Migrations.CURRENT, store.info().schemaVersion());
			Dossier d = store.find(Fixtures.OFFICER, "SZ-V1-0001").orElseThrow();
			assertEquals("欧阳娜娜", d.applicant().name());
			assertEquals("深圳大学", d.declaredData().get("school"));
			// the column schema 2 added was filled for the old row: the text filter finds it
			assertEquals(List.of("SZ-V1-0001"), store.queue(Fixtures.OFFICER, new QueueQuery(null, null, "欧阳", 0))
					.rows().stream().map(Dossier::number).toList());
			// and so were the search keys of schema 5: the applicant's ID and given name find it
			assertEquals(List.of("SZ-V1-0001"), store.queue(Fixtures.OFFICER,
					new QueueQuery(null, null, Fixtures.residentId(42).value().substring(0, 8), 0)).rows().stream()
					.map(Dossier::number).toList());
			assertEquals(1, store.queue(Fixtures.OFFICER, new QueueQuery(null, null, "阳娜娜", 0)).rows().size());
			// the intake index schema 4 added is there
			try (Connection c = store.databaseForTests().connect();
					var ix = c.getMetaData().getIndexInfo(null, null, "DOSSIER", false, false)) {
				java.util.Set<String> names = new java.util.HashSet<>();
				while (ix.next()) {
					names.add(ix.getString("INDEX_NAME"));
				}
				assertTrue(names.contains("DOSSIER_INTAKE"), names.toString());
				assertTrue(names.contains("DOSSIER_SORT_MISMATCHES_D"), "the queue-sort indexes: " + names);
				// the queue-sort schema counted the mismatches the old store held
				try (Statement s = c.createStatement();
						var r = s.executeQuery("SELECT ATTENTION FROM DOSSIER WHERE NUMBER = 'SZ-V1-0001'")) {
					r.next();
					assertEquals(1, r.getInt(1));
				}
			}
			assertEquals(List.of("SZ-V1-0001"), store.queue(Fixtures.OFFICER, new QueueQuery(null, null, null, 0,
					org.miaopi.core.service.QueueSort.MISMATCHES, true)).rows().stream().map(Dossier::number).toList());
			// schema 17 copied the dossier's department and matter onto the old decision and marked it an override
			org.miaopi.core.model.Officer city = new org.miaopi.core.model.Officer("city.supervisor", "林监察", "JCJ",
					java.util.EnumSet.of(org.miaopi.core.model.Role.SUPERVISOR, org.miaopi.core.model.Role.CITY_SUPERVISOR));
			var overrides = store.searchDecisions(city, new org.miaopi.core.supervision.DecisionQuery("PSB", "GRAD-HUKOU",
					null, null, null, null, true, false, null, null, null, null, 10));
			assertEquals(List.of("SZ-V1-0001"), overrides.stream().map(org.miaopi.core.supervision.DecisionRecord::dossierNo).toList());
			// and the old dossier moves on like a new one
			store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.approve("SZ-V1-0001", Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER));
		}
		try (DeskStore again = DeskStore.open(tmp, secret)) {
			assertEquals(Migrations.CURRENT, again.previousSchemaVersion());
			assertEquals(DossierStatus.APPROVED, again.find(Fixtures.OFFICER, "SZ-V1-0001").orElseThrow().status());
			// schema 7 dropped the search triggers; the store's writers keep the keys in step instead
			try (Connection c = again.databaseForTests().connect(); Statement s = c.createStatement();
					var r = s.executeQuery("SELECT COUNT(*) FROM SYS.SYSTRIGGERS WHERE TRIGGERNAME LIKE 'DOSSIER_SEARCH%'")) {
				r.next();
				assertEquals(0, r.getInt(1));
			}
			assertEquals(List.of("SZ-V1-0001"), again.queue(Fixtures.OFFICER,
					new QueueQuery(java.util.Set.of(DossierStatus.APPROVED), null, "阳娜", 0)).rows().stream()
					.map(Dossier::number).toList(), "the search keys follow the status the transition set");
			assertTrue(again.queue(Fixtures.OFFICER, new QueueQuery(QueueQuery.OPEN, null, "阳娜", 0)).rows().isEmpty());
		}
	}
}
