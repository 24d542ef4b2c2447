package org.miaopi.sync.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.miaopi.core.MiaopiHome;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.sync.Outbox;
import org.miaopi.core.sync.PullCache;
import org.miaopi.sync.DeskIdentity;
import org.miaopi.sync.DeskSync;
import org.miaopi.sync.SyncReport;
import org.miaopi.sync.SyncSettings;
import org.miaopi.sync.SyncStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@link DeskSync} for the desk in {@code $MIAOPI_HOME}: its identity from {@code desk/}, its store's
 * pull cache and outbox from the service registry. One round at a time; the status is kept here so
 * the status bar reads it without asking the network.
 */
@Component(service = DeskSync.class)
public class SyncComponent implements DeskSync {

	private static final Logger LOG = Logger.getLogger(SyncComponent.class.getName());
	static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Reference
	private PullCache cache;
	@Reference
	private StoreAdmin files;
	@Reference
	private MatterRegistry matters;
	/** Written by the store with each change; absent on a store that keeps none yet. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile Outbox outbox;
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile org.miaopi.core.sync.NumberBlocks numbers;
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile org.miaopi.core.service.SharedSourceService sources;
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile org.miaopi.core.sync.HubMatterVersions matterVersions;

	private final ReentrantLock oneAtATime = new ReentrantLock();
	/** Used under {@link #oneAtATime} only. */
	private HttpsTransport transport;
	private java.security.cert.X509Certificate transportCertificate;
	private java.security.cert.X509CRL transportCrl;
	private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
	private volatile boolean online;
	private volatile Instant offlineSince;
	private volatile Instant lastEnded;
	private volatile String problem;
	private volatile long highWater;
	private volatile boolean running;
	private volatile int failures;

	Path directory() {
		return DeskIdentity.directory(MiaopiHome.current());
	}

	@Override
	public SyncReport syncNow(int attempts) throws InterruptedException {
		Path dir = directory();
		if (!DeskIdentity.exists(dir)) {
			throw new IllegalStateException("this desk is not enrolled at a hub (./miaopi enrol HUB_URL …); it works on its own data"); //$NON-NLS-1$
		}
		oneAtATime.lockInterruptibly();
		try {
			running = true;
			notifyListeners();
			DeskIdentity id;
			HttpsTransport hub;
			try {
				SyncSettings settings = SyncSettings.read(dir);
				id = DeskIdentity.load(dir);
				if (settings.hub() != null && !settings.hub().equals(id.hub())) {
					id = new DeskIdentity(settings.hub(), id.desk(), id.department(), id.key(), id.certificate(), id.root());
				}
				hub = transport(id, CaCrl.held(dir).orElse(null));
			} catch (IOException | GeneralSecurityException e) {
				throw new IllegalStateException("this desk's identity in " + dir + " cannot be read: " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
			}
			SyncReport r = new SyncRound(hub, cache, files, matters, outbox, id.desk(), id.department(), Backoff.DEFAULT,
					Backoff.Sleeper.REAL).numbers(numbers).sources(sources).matterVersions(matterVersions)
					.crl(new CaCrl(hub, dir, id.root()))
					.retention(SyncSettings.outboxRetention(dir)).run(attempts);
			record(r);
			return r;
		} finally {
			running = false;
			oneAtATime.unlock();
			notifyListeners();
		}
	}

	/**
	 * The HTTPS client of the last round when it was made for the same hub, desk certificate and CA's CRL
	 * (which the TLS check applies): its connection is kept between rounds ({@link HubClients#KEEP_ALIVE}),
	 * so a round need not start with a new mutual-TLS handshake. Anything else gets a new client.
	 */
	private HttpsTransport transport(DeskIdentity id, java.security.cert.X509CRL crl) throws GeneralSecurityException, IOException {
		HttpsTransport kept = transport;
		if (kept != null && kept.base().equals(id.hub()) && id.certificate().equals(transportCertificate)
				&& java.util.Objects.equals(crl, transportCrl)) {
			return kept;
		}
		transport = new HttpsTransport(id, TIMEOUT, crl);
		transportCertificate = id.certificate();
		transportCrl = crl;
		return transport;
	}

	private void record(SyncReport r) {
		if (r.reached()) {
			online = true;
			offlineSince = null;
			failures = 0;
		} else {
			if (online || offlineSince == null) {
				offlineSince = Instant.now();
			}
			online = false;
			failures++;
		}
		if (r.problem() == null) {
			lastEnded = Instant.now();
			highWater = r.highWater();
		} else {
			LOG.log(Level.INFO, "sync: {0}", r.problem()); //$NON-NLS-1$
		}
		problem = r.problem();
	}

	@Override
	public SyncStatus status() {
		if (!DeskIdentity.exists(directory())) {
			return SyncStatus.NOT_ENROLLED;
		}
		Outbox o = outbox;
		long waiting = 0;
		try {
			// the outbox keeps what the hub applied: above the mark last answered or checkpointed
			waiting = o == null ? 0 : o.waitingAbove(Math.max(highWater, o.latestCheckpoint().map(c -> c.sequence()).orElse(0L)));
		} catch (RuntimeException e) {
			// the store is busy or closed: the count comes back with the next status
		}
		Instant ended = lastEnded;
		if (ended == null && o != null) {
			// after a restart: the hub signed its last checkpoint at the end of the last sync that pushed
			try {
				ended = o.latestCheckpoint().map(c -> Instant.ofEpochMilli(c.signedAtMillis())).orElse(null);
			} catch (RuntimeException e) {
				// as above
			}
		}
		return new SyncStatus(true, online, offlineSince, ended, waiting, problem, running);
	}

	@Override
	public Duration nextDelay() {
		if (failures > 0) {
			return Backoff.DEFAULT.delay(failures);
		}
		try {
			return SyncSettings.read(directory()).interval();
		} catch (IOException e) {
			return SyncSettings.DEFAULT_INTERVAL;
		}
	}

	@Override
	public void addListener(Consumer<SyncStatus> listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(Consumer<SyncStatus> listener) {
		listeners.remove(listener);
	}

	private void notifyListeners() {
		SyncStatus s = status();
		for (Consumer<SyncStatus> l : listeners) {
			try {
				l.accept(s);
			} catch (RuntimeException e) {
				LOG.log(Level.WARNING, "a sync status listener failed", e); //$NON-NLS-1$
			}
		}
	}
}
