package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.LedgerRecords;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.ThemeApplication;
import org.miaopi.core.sync.PageTaken;
import org.miaopi.core.sync.PulledPage;
import org.miaopi.store.jpa.Rows;
import org.miaopi.store.jpa.SharedRecordRow;

/**
 * {@link org.miaopi.core.sync.PullCache} on the desk's store: a page and its feed's cursor in one
 * transaction (table SYNC_CURSOR, V13.sql), through the same intake as {@link Loading#putDossiers}
 * but leaving what the desk already holds as it is.
 */
final class Pulls {

	private final DeskStore store;

	Pulls(DeskStore store) {
		this.store = store;
	}

	long cursor(String feed) {
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement("SELECT POSITION FROM SYNC_CURSOR WHERE FEED = ?")) {
			ps.setString(1, feed);
			try (ResultSet r = ps.executeQuery()) {
				return r.next() ? r.getLong(1) : 0;
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading the pull cursor of " + feed);
		}
	}

	PageTaken takeIn(String feed, long next, PulledPage page, String actor) {
		int[] counts = new int[4];
		store.appendToLedger("taking in a page of " + feed, (em, head) -> {
			Connection c = em.unwrap(Connection.class);
			Instant now = Instant.now();
			Set<String> held = held(c, page.dossiers().stream().map(Dossier::number).toList());
			List<Dossier> fresh = new ArrayList<>();
			Set<String> numbers = new HashSet<>();
			for (Dossier d : page.dossiers()) {
				if (!held.contains(d.number()) && numbers.add(d.number())) {
					fresh.add(d);
				}
			}
			counts[0] = fresh.size();
			counts[1] = page.dossiers().size() - fresh.size();
			AuditEvent prev = head;
			Set<String> themesNeeded = new LinkedHashSet<>();
			fresh.stream().filter(Dossier::isPartOfTheme).forEach(d -> themesNeeded.add(d.themeDossierNo()));
			List<ThemeApplication> themes = page.themes().stream().filter(t -> themesNeeded.contains(t.number())).distinct().toList();
			if (!themes.isEmpty()) {
				prev = ThemeIntake.declare(em, themes, actor, prev, now);
			}
			if (!fresh.isEmpty()) {
				ThemeIntake.Admitted admitted = ThemeIntake.admit(em, fresh);
				for (Dossier d : fresh) {
					em.persist(Rows.row(d));
					for (Material m : d.materials()) {
						em.persist(Rows.row(d.number(), m));
					}
					prev = AuditChain.next(prev, now, actor, d.number(), "dossier.imported", Map.of("status", d.status().name(),
							"matter", d.matterCode(), LedgerRecords.DECLARED_DIGEST, LedgerRecords.declaredDigest(d).hex()));
					em.persist(Rows.row(prev));
				}
				SearchKeys.inserted(em, fresh);
				prev = ThemeIntake.audit(em, admitted, actor, prev, now);
				Map<String, String> themeCounts = new HashMap<>();
				fresh.stream().filter(Dossier::isPartOfTheme).forEach(d -> themeCounts.put(d.themeDossierNo(), d.number()));
				prev = ThemeBook.update(em, themeCounts, org.miaopi.core.model.Officer.SYSTEM, prev, now, false);
			}
			counts[2] = records(em, page.records());
			AuditEvent[] last = { prev };
			int users = PulledUsers.takeIn(em, page.officers(), actor, last, now);
			counts[3] = users;
			moveCursor(c, feed, next, now);
			return last[0];
		});
		return new PageTaken(counts[0], counts[1], counts[2], counts[3]);
	}

	Set<Sha256> lacking(Collection<Sha256> hashes) {
		Set<Sha256> out = new LinkedHashSet<>(hashes);
		try (Connection c = store.connect()) {
			for (List<String> chunk : Intake.chunks(out.stream().map(Sha256::hex).toList(), Intake.PROBES)) {
				try (PreparedStatement ps = c.prepareStatement("SELECT HASH FROM CONTENT WHERE HASH IN ("
						+ String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
					for (int i = 0; i < chunk.size(); i++) {
						ps.setString(i + 1, chunk.get(i));
					}
					try (ResultSet r = ps.executeQuery()) {
						while (r.next()) {
							out.remove(Sha256.parse(r.getString(1).strip()));
						}
					}
				}
			}
			return out;
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "looking up stored files");
		}
	}

	private static Set<String> held(Connection c, List<String> numbers) {
		Set<String> held = new HashSet<>();
		try {
			for (List<String> chunk : Intake.chunks(numbers, Intake.PROBES)) {
				try (PreparedStatement ps = c.prepareStatement("SELECT NUMBER FROM DOSSIER WHERE NUMBER IN ("
						+ String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
					for (int i = 0; i < chunk.size(); i++) {
						ps.setString(i + 1, chunk.get(i));
					}
					try (ResultSet r = ps.executeQuery()) {
						while (r.next()) {
							held.add(r.getString(1));
						}
					}
				}
			}
			return held;
		} catch (SQLException e) {
			throw new IllegalStateException("cannot look up " + numbers.size() + " dossiers", e);
		}
	}

	/** New shared records only: the same source, subject and as-of time is one record. */
	private static int records(EntityManager em, List<SharedRecord> records) {
		int n = 0;
		Set<String> seen = new HashSet<>();
		for (SharedRecord rec : records) {
			SharedRecordRow row = Rows.row(rec);
			if (seen.add(Rows.id(row)) && em.find(SharedRecordRow.class, Rows.id(row)) == null) {
				em.persist(row);
				n++;
			}
		}
		return n;
	}

	private static void moveCursor(Connection c, String feed, long next, Instant now) {
		try (PreparedStatement up = c.prepareStatement("UPDATE SYNC_CURSOR SET POSITION = ?, UPDATED_MS = ? WHERE FEED = ?")) {
			up.setLong(1, next);
			up.setLong(2, now.toEpochMilli());
			up.setString(3, feed);
			if (up.executeUpdate() == 0) {
				try (PreparedStatement in = c.prepareStatement("INSERT INTO SYNC_CURSOR (FEED, POSITION, UPDATED_MS) VALUES (?, ?, ?)")) {
					in.setString(1, feed);
					in.setLong(2, next);
					in.setLong(3, now.toEpochMilli());
					in.executeUpdate();
				}
			}
		} catch (SQLException e) {
			throw new IllegalStateException("cannot keep the pull cursor of " + feed, e);
		}
	}
}
