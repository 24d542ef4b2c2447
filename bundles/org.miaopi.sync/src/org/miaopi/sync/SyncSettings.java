package org.miaopi.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The sync's settings beside the desk's identity, in {@code hub.properties}: the hub's address
 * (enrolment wrote it; Preferences and {@code ./miaopi sync --hub} change it) and the interval of the
 * background sync.
 */
public record SyncSettings(URI hub, Duration interval) {

	public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
	static final String INTERVAL = "syncIntervalSeconds"; //$NON-NLS-1$
	static final String RETENTION = "outboxRetentionDays"; //$NON-NLS-1$

	public SyncSettings {
		if (hub != null && !"https".equals(hub.getScheme())) { //$NON-NLS-1$
			throw new IllegalArgumentException("the hub's address starts with https:// (mutual TLS), not " + hub); //$NON-NLS-1$
		}
		if (interval.toSeconds() < 10) {
			throw new IllegalArgumentException("the sync interval is at least 10 seconds"); //$NON-NLS-1$
		}
	}

	/** The settings kept in {@code dir}, or the defaults (no hub) for a desk never enrolled. */
	public static SyncSettings read(Path dir) throws IOException {
		Path file = dir.resolve(DeskIdentity.PROPERTIES);
		if (!Files.isRegularFile(file)) {
			return new SyncSettings(null, DEFAULT_INTERVAL);
		}
		Properties p = load(file);
		String hub = p.getProperty("hub", ""); //$NON-NLS-1$ //$NON-NLS-2$
		long seconds;
		try {
			seconds = Long.parseLong(p.getProperty(INTERVAL, String.valueOf(DEFAULT_INTERVAL.toSeconds())));
		} catch (NumberFormatException e) {
			seconds = DEFAULT_INTERVAL.toSeconds();
		}
		return new SyncSettings(hub.isEmpty() ? null : URI.create(hub), Duration.ofSeconds(Math.max(10, seconds)));
	}

	/**
	 * How long the outbox keeps the rows the hub has held ({@code outboxRetentionDays} in
	 * {@code hub.properties}, default 30; docs/hub.md, "Outbox retention"). A hub restored from a
	 * backup older than this cannot be given those rows again: keep it longer than the hub's backups
	 * are kept.
	 */
	public static Duration outboxRetention(Path dir) {
		Path file = dir.resolve(DeskIdentity.PROPERTIES);
		try {
			if (Files.isRegularFile(file)) {
				long days = Long.parseLong(load(file).getProperty(RETENTION, "30").strip()); //$NON-NLS-1$
				if (days >= 1) {
					return Duration.ofDays(days);
				}
			}
		} catch (IOException | NumberFormatException e) {
			// an unreadable setting keeps the default: pruning less is always safe
		}
		return org.miaopi.sync.internal.Push.DEFAULT_RETENTION;
	}

	/** Writes these settings into an enrolled desk's {@code hub.properties}, whole or not at all. */
	public void write(Path dir) throws IOException {
		Path file = dir.resolve(DeskIdentity.PROPERTIES);
		if (!Files.isRegularFile(file)) {
			throw new IOException("this desk is not enrolled at a hub yet (./miaopi enrol): nothing in " + dir); //$NON-NLS-1$
		}
		Properties p = load(file);
		if (hub != null) {
			p.setProperty("hub", hub.toString()); //$NON-NLS-1$
		}
		p.setProperty(INTERVAL, String.valueOf(interval.toSeconds()));
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			p.store(out, "this desk's hub (./miaopi enrol) and sync interval"); //$NON-NLS-1$
			DeskIdentity.write(file, out.toByteArray());
		}
	}

	private static Properties load(Path file) throws IOException {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			p.load(in);
		}
		return p;
	}
}
