package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.miaopi.core.sync.HubMatterVersions.Entry;

/**
 * {@link org.miaopi.core.sync.HubMatterVersions} on the desk's store (HUB_MATTER_VERSION, schema 19):
 * what the hub said about each matter and theme version, kept as pulled. Plain JDBC.
 */
final class HubMatterList {

	private final DeskStore store;

	HubMatterList(DeskStore store) {
		this.store = store;
	}

	List<Entry> all() {
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(
				"SELECT KIND, CODE, VERSION, ENABLED FROM HUB_MATTER_VERSION ORDER BY KIND, CODE, VERSION"); ResultSet r = ps.executeQuery()) {
			List<Entry> out = new ArrayList<>();
			while (r.next()) {
				out.add(new Entry(r.getString(1).strip(), r.getString(2).strip(), r.getString(3).strip(), r.getInt(4) != 0));
			}
			return out;
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading the matter versions enabled at the hub");
		}
	}

	void keep(Collection<Entry> changes) {
		try (Connection c = store.connect()) {
			c.setAutoCommit(false);
			try (PreparedStatement up = c.prepareStatement("UPDATE HUB_MATTER_VERSION SET ENABLED = ? WHERE KIND = ? AND CODE = ? AND VERSION = ?");
					PreparedStatement ins = c.prepareStatement("INSERT INTO HUB_MATTER_VERSION (KIND, CODE, VERSION, ENABLED) VALUES (?, ?, ?, ?)")) {
				for (Entry e : changes) {
					up.setInt(1, e.enabled() ? 1 : 0);
					up.setString(2, e.kind());
					up.setString(3, e.code());
					up.setString(4, e.version());
					if (up.executeUpdate() == 0) {
						ins.setString(1, e.kind());
						ins.setString(2, e.code());
						ins.setString(3, e.version());
						ins.setInt(4, e.enabled() ? 1 : 0);
						ins.executeUpdate();
					}
				}
				c.commit();
			} catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "keeping the matter versions enabled at the hub");
		}
	}
}
