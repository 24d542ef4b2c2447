package org.miaopi.hub;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.StoreFactory;
import org.miaopi.hub.http.HubHandler;
import org.miaopi.hub.store.Desk;
import org.miaopi.hub.store.HubStore;
import org.miaopi.seal.SealService;
import org.miaopi.sync.DeskIdentity;
import org.miaopi.sync.HubEnrolment;
import org.miaopi.sync.SyncReport;
import org.miaopi.sync.internal.Backoff;
import org.miaopi.sync.internal.HttpsTransport;
import org.miaopi.sync.internal.SyncRound;

/**
 * The desks' half of {@code ./miaopi bench hub --desks D}: D desks on loopback, each enrolled with a
 * one-time code through the desk's own enrolment client (its key, the hub's CA, mutual TLS), each
 * with an encrypted desk store of its own, syncing through the desk's own sync round (the one the
 * workbench's job and {@code ./miaopi sync} run). Measured: each desk's first round, one desk
 * after the other (the pull of its department's dossiers, shared records, the files it lacks,
 * users and sources, then the push of what the pull wrote to its outbox), then empty rounds of all
 * desks at once: on the desk's kept HTTPS client (as the desk's sync job keeps it between rounds),
 * then each on a new client (a connection the hub closed while the desk waited). Enrolling and
 * creating the desk stores are not timed.
 */
final class DeskBench {

	/** Empty rounds each desk runs before the measured ones (class loading, the JIT compiler). */
	static final int WARMUP_ROUNDS = 5;

	/** What the desks saw of one hub. */
	record Result(int desks, long dossiers, long records, long files, double wallSeconds, double[] per1000, long[] roundNanos,
			double roundsSeconds, long[] freshNanos, double freshSeconds) {

		/** Empty rounds the hub served a second, all desks together. */
		double roundsPerSecond() {
			return roundNanos.length / roundsSeconds;
		}

		/** The median desk's first pull, in seconds per 1,000 dossiers. */
		double medianPer1000() {
			return percentile(per1000, 50);
		}

		double slowestPer1000() {
			return Arrays.stream(per1000).max().orElse(Double.NaN);
		}

		double roundMillis(int percent) {
			return percentile(Arrays.stream(roundNanos).asDoubleStream().toArray(), percent) / 1e6;
		}

		/** Empty rounds on a new connection each (a desk whose connection the hub closed while it waited). */
		double freshMillis(int percent) {
			return percentile(Arrays.stream(freshNanos).asDoubleStream().toArray(), percent) / 1e6;
		}

		double freshPerSecond() {
			return freshNanos.length / freshSeconds;
		}
	}

	private record Pulled(SyncReport report, double seconds) {
	}

	private final HubStore hubStore;
	private final SealService seals;
	private final MatterRegistry matters;
	private final StoreFactory stores;

	DeskBench(HubStore hubStore, SealService seals, MatterRegistry matters, StoreFactory stores) {
		this.hubStore = hubStore;
		this.seals = seals;
		this.matters = matters;
		this.stores = stores;
	}

	Result run(List<String> departments, int desks, int rounds, Path dir) throws Exception {
		Hub hub = new Hub(hubStore, seals, matters, java.time.Clock.systemUTC());
		List<OpenStore> deskStores = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(desks);
		try (HubServer server = hub.serve(Hub.LOOPBACK, 0, HubHandler.Limits.DEFAULT)) {
			URI url = URI.create(server.url());
			String root = DeskIdentity.fingerprint(seals.root());
			List<DeskIdentity> ids = new ArrayList<>();
			for (int i = 0; i < desks; i++) {
				String dept = departments.get(i % departments.size());
				String code = hubStore.desks().createCode(Desk.Role.DESK, dept, Duration.ofHours(1));
				ids.add(HubEnrolment.enrol(url, "bench-desk-" + (i + 1), dept, code, root)); //$NON-NLS-1$
				deskStores.add(stores.open(dir.resolve("desk-" + (i + 1)), true)); //$NON-NLS-1$
			}
			// one desk after the other: a desk's first pull as when it is installed, not shared with the others' on these cores
			List<Pulled> first = new ArrayList<>();
			long start = System.nanoTime();
			List<HttpsTransport> clients = new ArrayList<>();
			for (DeskIdentity id : ids) {
				clients.add(new HttpsTransport(id, Duration.ofSeconds(60)));
			}
			for (int i = 0; i < desks; i++) {
				long t0 = System.nanoTime();
				SyncReport r = round(ids.get(i), clients.get(i), deskStores.get(i));
				first.add(new Pulled(r, (System.nanoTime() - t0) / 1e9));
			}
			long dossiers = 0;
			long records = 0;
			long files = 0;
			double[] per1000 = new double[desks];
			for (int i = 0; i < desks; i++) {
				Pulled p = first.get(i);
				SyncReport r = p.report();
				if (r.pulled() == 0 || !r.leftOut().isEmpty()) {
					throw new IllegalStateException(ids.get(i).desk() + "'s first pull took " + r.pulled() + " dossiers, left out " + r.leftOut()); //$NON-NLS-1$ //$NON-NLS-2$
				}
				dossiers += r.pulled();
				records += r.records();
				files += r.files();
				per1000[i] = p.seconds() / r.pulled() * 1000;
			}
			double wall = (System.nanoTime() - start) / 1e9;
			double[] keptSeconds = new double[1];
			long[] kept = allAtOnce(pool, ids, clients, deskStores, rounds, keptSeconds);
			double[] freshSeconds = new double[1];
			long[] fresh = allAtOnce(pool, ids, null, deskStores, rounds, freshSeconds);
			return new Result(desks, dossiers, records, files, wall, per1000, kept, keptSeconds[0], fresh, freshSeconds[0]);
		} finally {
			pool.shutdownNow();
			deskStores.forEach(OpenStore::close);
		}
	}

	/**
	 * Empty rounds of all desks at once, each desk on its kept client ({@code clients}), or, when null,
	 * on a new client each round.
	 */
	private long[] allAtOnce(ExecutorService pool, List<DeskIdentity> ids, List<HttpsTransport> clients, List<OpenStore> deskStores,
			int rounds, double[] seconds) throws Exception {
		int desks = ids.size();
		List<Future<long[]>> empty = new ArrayList<>();
		for (int i = 0; i < desks; i++) {
			DeskIdentity id = ids.get(i);
			OpenStore store = deskStores.get(i);
			HttpsTransport client = clients == null ? null : clients.get(i);
			empty.add(pool.submit(() -> emptyRounds(id, client, store, rounds)));
		}
		long[] nanos = new long[desks * rounds];
		long from = Long.MAX_VALUE;
		long to = Long.MIN_VALUE;
		for (int i = 0; i < desks; i++) {
			long[] desk = empty.get(i).get();
			System.arraycopy(desk, 0, nanos, i * rounds, rounds);
			from = Math.min(from, desk[rounds]);
			to = Math.max(to, desk[rounds + 1]);
		}
		seconds[0] = (to - from) / 1e9;
		return nanos;
	}

	/** @return each measured round's time, then when the first measured round began and the last ended */
	private long[] emptyRounds(DeskIdentity id, HttpsTransport client, OpenStore store, int rounds) throws Exception {
		long[] nanos = new long[rounds + 2];
		for (int i = -WARMUP_ROUNDS; i < rounds; i++) {
			long t0 = System.nanoTime();
			SyncReport r = round(id, client != null ? client : new HttpsTransport(id, Duration.ofSeconds(60)), store);
			long took = System.nanoTime() - t0;
			if (r.pulled() != 0 || r.files() != 0) {
				throw new IllegalStateException(id.desk() + ": an empty round pulled " + r.pulled() + " dossiers"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (i == 0) {
				nanos[rounds] = t0;
			}
			if (i >= 0) {
				nanos[i] = took;
			}
		}
		nanos[rounds + 1] = System.nanoTime();
		return nanos;
	}

	/** One round as {@code SyncComponent.syncNow} runs it: on the desk's HTTPS client, pull then push, one attempt. */
	private SyncReport round(DeskIdentity id, HttpsTransport client, OpenStore store) throws Exception {
		SyncReport r = new SyncRound(client, store, store, matters, store, id.desk(), id.department(),
				Backoff.DEFAULT, Backoff.Sleeper.REAL).sources(store).run(1);
		if (r.problem() != null) {
			throw new IllegalStateException(id.desk() + ": " + r.problem()); //$NON-NLS-1$
		}
		return r;
	}

	static double percentile(double[] values, int percent) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
	}
}
