package org.miaopi.hub.store;

import java.nio.file.Path;

import org.miaopi.hub.store.schema.HubMigrations;
import org.miaopi.hub.store.schema.HubMigrations.Dialect;

/**
 * Where the hub keeps its data: embedded Derby in a directory (the zero-set-up default), or a
 * PostgreSQL server by JDBC URL. The password is kept apart from the URL so that the URL can be
 * shown.
 */
public record HubDatabase(String url, String user, String password, Dialect dialect) {

	public static HubDatabase derby(Path dir) {
		return new HubDatabase("jdbc:derby:" + dir.toAbsolutePath(), null, null, Dialect.DERBY); //$NON-NLS-1$
	}

	/** A PostgreSQL URL; user and password may also be given in the URL's query. */
	public static HubDatabase postgres(String url, String user, String password) {
		if (HubMigrations.dialectOf(url) != Dialect.POSTGRESQL) {
			throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db): " + url); //$NON-NLS-1$
		}
		return new HubDatabase(url, user, password, Dialect.POSTGRESQL);
	}

	@Override
	public String toString() {
		return url.replaceAll("password=[^&;]*", "password=…"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
