package org.miaopi.sync.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.service.SharedSourceService;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.sync.NumberBlocks;
import org.miaopi.core.sync.Outbox;
import org.miaopi.core.sync.PullCache;
import org.miaopi.sync.SyncReport;

/**
 * One sync round: pull the department's dossiers, then push the outbox. An unreachable hub is
 * retried with exponential back-off, the whole round each time: pull and push both resume from
 * what the desk kept (the pull cursor, the hub's mark), so a retry repeats nothing.
 */
public final class SyncRound {

	public static final int PAGE = 200;
	public static final int BATCH = 500;

	private final HubTransport hub;
	private final PullCache cache;
	private final StoreAdmin files;
	private final MatterRegistry matters;
	private final Outbox outbox;
	private final String desk;
	private final String department;
	private final Backoff backoff;
	private final Backoff.Sleeper sleeper;
	private NumberBlocks numbers;
	private SharedSourceService sources;
	private Duration retention = Push.DEFAULT_RETENTION;
	private org.miaopi.core.sync.HubMatterVersions matterVersions;
	private CaCrl crl;

	/** @param outbox the desk's outbox, or null where the store keeps none (then nothing is pushed) */
	public SyncRound(HubTransport hub, PullCache cache, StoreAdmin files, MatterRegistry matters, Outbox outbox, String desk,
			String department, Backoff backoff, Backoff.Sleeper sleeper) {
		this.hub = hub;
		this.cache = cache;
		this.files = files;
		this.matters = matters;
		this.outbox = outbox;
		this.desk = desk;
		this.department = department;
		this.backoff = backoff;
		this.sleeper = sleeper;
	}

	/** Keeps the desk's certificate numbers supplied from the hub's blocks (none: the desk numbers on its own). */
	public SyncRound numbers(NumberBlocks blocks) {
		this.numbers = blocks;
		return this;
	}

	/** Follows the sources' availability the hub keeps (none: the desk's own settings only). */
	public SyncRound sources(SharedSourceService service) {
		this.sources = service;
		return this;
	}

	/** Pulls the Miaopi CA's CRL when it changed (none: the desk holds no CRL). */
	public SyncRound crl(CaCrl caCrl) {
		this.crl = caCrl;
		return this;
	}

	/** Follows the matter versions the hub enables (none: every installed version is used). */
	public SyncRound matterVersions(org.miaopi.core.sync.HubMatterVersions versions) {
		this.matterVersions = versions;
		return this;
	}

	/** How long the outbox keeps rows the hub has held (docs/hub.md, "Outbox retention"). */
	public SyncRound retention(Duration keep) {
		this.retention = keep;
		return this;
	}

	public SyncReport run(int attempts) throws InterruptedException {
		long start = System.nanoTime();
		IOException last = null;
		for (int attempt = 1; attempt <= attempts; attempt++) {
			if (attempt > 1) {
				sleeper.sleep(backoff.delay(attempt - 1));
			}
			try {
				Pull.Result pulled = new Pull.Result(0, 0, 0, 0, 0, List.of());
				int records = 0;
				int officers = 0;
				long numbersLeft = -1;
				com.fasterxml.jackson.databind.JsonNode me = null;
				if (department != null) {
					// one request tells where every feed stands: a feed the desk is at is not asked (an empty round is this request)
					me = Push.me(hub);
					Marks marks = Marks.of(me);
					Pull pull = new Pull(hub, cache, files, new HubDossiers(matters), PAGE);
					if (marks.behind(cache.cursor(Pull.feed(department)), "dossiers")) { //$NON-NLS-1$
						pulled = pull.run(department, () -> false);
					}
					List<String> leftOut = new java.util.ArrayList<>(pulled.leftOut());
					if (marks.behind(cache.cursor(Pull.recordsFeed(department)), "dossiers")) { //$NON-NLS-1$
						records = pull.records(department, leftOut);
					}
					if (marks.behind(cache.cursor(Officers.feed(department)), "officers")) { //$NON-NLS-1$
						officers = new Officers(hub, cache, PAGE).run(department, leftOut);
					}
					pulled = new Pull.Result(pulled.pages(), pulled.dossiers(), pulled.alreadyHeld(), pulled.files(), pulled.fileBytes(), leftOut);
					if (sources != null && marks.behind(cache.cursor(Sources.FEED), "sources")) { //$NON-NLS-1$
						new Sources(hub, cache, sources, PAGE).run(leftOut);
					}
					if (crl != null && marks.behind(crl.heldNumber(), "crl")) { //$NON-NLS-1$
						crl.run(leftOut);
					}
					if (matterVersions != null && marks.behind(cache.cursor(MatterVersions.FEED), "matterVersions")) { //$NON-NLS-1$
						new MatterVersions(hub, cache, matterVersions, PAGE).run(leftOut);
					}
					if (numbers != null) {
						numbersLeft = new Blocks(hub, numbers).run(department);
					}
				}
				Push.Result pushed = outbox == null ? null : new Push(hub, outbox, desk, BATCH,
						org.miaopi.core.MiaopiHome.current().resolve("certificates")).retention(retention, System::currentTimeMillis).run(me); //$NON-NLS-1$
				return new SyncReport(true, attempt, pulled.pages(), pulled.dossiers(), pulled.alreadyHeld(), records, pulled.files(),
						pulled.fileBytes(), withDocuments(pulled.leftOut(), pushed), pushed == null ? 0 : pushed.sent(), pushed == null ? 0 : pushed.refused(),
						pushed == null ? 0 : pushed.highWater(), pushed == null ? 0 : pushed.waiting(),
						pushed == null ? "this desk's store keeps no outbox yet" : null, null, took(start), officers, numbersLeft); //$NON-NLS-1$
			} catch (IOException e) {
				last = e;
			} catch (HubRefused e) {
				return failed(true, attempt, e.getMessage(), start);
			}
		}
		return failed(false, attempts, "the hub could not be reached: " + describe(last), start); //$NON-NLS-1$
	}

	/** The hub's marks of the feeds ({@code GET /v1/me}'s {@code feeds}); a hub that sends none: every feed is asked. */
	private record Marks(com.fasterxml.jackson.databind.JsonNode feeds) {

		static Marks of(com.fasterxml.jackson.databind.JsonNode me) {
			return new Marks(me.path("feeds")); //$NON-NLS-1$
		}

		boolean behind(long cursor, String feed) {
			return !feeds.path(feed).isNumber() || cursor < feeds.path(feed).asLong();
		}
	}

	/** What the round left out, with the certificate documents the push could not send. */
	private static List<String> withDocuments(List<String> leftOut, Push.Result pushed) {
		if (pushed == null || pushed.documentsNotFound().isEmpty()) {
			return leftOut;
		}
		List<String> all = new java.util.ArrayList<>(leftOut);
		all.addAll(pushed.documentsNotFound());
		return all;
	}

	private SyncReport failed(boolean reached, int attempts, String problem, long start) {
		// the outbox keeps what the hub applied: the last checkpoint is the mark the desk knows
		long waiting = outbox == null ? 0 : outbox.waitingAbove(outbox.latestCheckpoint().map(c -> c.sequence()).orElse(0L));
		return new SyncReport(reached, attempts, 0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0, waiting, null, problem, took(start));
	}

	/** An unreachable hub in words: java.net.http often throws with no message at all. */
	static String describe(IOException e) {
		if (e == null) {
			return "no attempt was made"; //$NON-NLS-1$
		}
		Throwable t = e;
		while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
			t = t.getCause();
		}
		String m = t.getMessage();
		if (t instanceof java.net.ConnectException || m == null || m.isBlank()) {
			return "no answer (connection refused or timed out)"; //$NON-NLS-1$
		}
		return m;
	}

	private static Duration took(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}
}
