package org.miaopi.sync.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.MaterialRefusedException;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.model.ThemeApplication;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.sync.PageTaken;
import org.miaopi.core.sync.PullCache;
import org.miaopi.core.sync.PulledPage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Pulls a department's dossiers from the hub by cursor (docs/hub.md, "Sync protocol"): page after
 * page from the cursor the desk kept, each page's missing files first (checked against their
 * hash; each stored once, on its own), then the page and its next cursor in one desk transaction.
 * Killed midway, the next pull starts from the last page kept; a page read twice changes nothing.
 */
public final class Pull {

	/** The actor of the pulled dossiers' audit events. */
	public static final String ACTOR = "sync"; //$NON-NLS-1$

	private final HubTransport hub;
	private final PullCache cache;
	private final StoreAdmin files;
	private final HubDossiers dossiers;
	private final int pageSize;

	/** What one pull moved. */
	public record Result(int pages, int dossiers, int alreadyHeld, int files, long fileBytes, List<String> leftOut) {
	}

	public Pull(HubTransport hub, PullCache cache, StoreAdmin files, HubDossiers dossiers, int pageSize) {
		this.hub = hub;
		this.cache = cache;
		this.files = files;
		this.dossiers = dossiers;
		this.pageSize = pageSize;
	}

	public static String feed(String department) {
		return "dossiers/" + department; //$NON-NLS-1$
	}

	/** The records' cursor: a dossier's id, as the dossiers' (the hub pages them together). */
	public static String recordsFeed(String department) {
		return "records/" + department; //$NON-NLS-1$
	}

	/**
	 * Pulls until the hub has no more, or until {@code stop} says so between pages.
	 *
	 * @throws IOException the hub could not be reached (what was kept stays kept)
	 * @throws HubRefused the hub refused (another department's desk, a revoked certificate…)
	 */
	public Result run(String department, BooleanSupplier stop) throws IOException, InterruptedException, HubRefused {
		String feed = feed(department);
		int pages = 0;
		int taken = 0;
		int held = 0;
		int[] fileCount = { 0 };
		long[] fileBytes = { 0 };
		List<String> leftOut = new ArrayList<>();
		boolean more = true;
		while (more && !stop.getAsBoolean()) {
			long cursor = cache.cursor(feed);
			HubTransport.Reply r = hub.get("/v1/departments/" + department + "/dossiers?after=" + cursor + "&limit=" + pageSize); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (!r.ok()) {
				throw new HubRefused("the pull of " + department + "'s dossiers", r); //$NON-NLS-1$ //$NON-NLS-2$
			}
			JsonNode page = r.json();
			Map<String, ThemeApplication> themes = new LinkedHashMap<>();
			List<Dossier> list = new ArrayList<>();
			for (JsonNode item : page.path("items")) { //$NON-NLS-1$
				try {
					Dossier d = dossiers.dossier(item);
					if (d.isPartOfTheme()) {
						themes.put(d.themeDossierNo(), dossiers.theme(item));
					}
					list.add(d);
				} catch (HubDossiers.LeftOut e) {
					leftOut.add(e.getMessage());
				}
			}
			fetchFiles(list, fileCount, fileBytes, leftOut);
			PageTaken t = cache.takeIn(feed, page.path("next").asLong(cursor), //$NON-NLS-1$
					PulledPage.ofDossiers(new ArrayList<>(themes.values()), list), ACTOR);
			taken += t.dossiers();
			held += t.alreadyHeld();
			pages++;
			more = page.path("more").asBoolean(false); //$NON-NLS-1$
		}
		return new Result(pages, taken, held, fileCount[0], fileBytes[0], leftOut);
	}

	/**
	 * Pulls the shared records of the department's applicants, page by page under their own cursor
	 * (the hub pages them with its dossiers); a record the desk holds (same source, subject and
	 * as-of time) is kept once.
	 *
	 * @return how many new records the desk stored
	 */
	public int records(String department, List<String> leftOut) throws IOException, InterruptedException, HubRefused {
		String feed = recordsFeed(department);
		return CursorFeed.follow(hub, cache, feed, "/v1/departments/" + department + "/records", pageSize, //$NON-NLS-1$ //$NON-NLS-2$
				"the pull of " + department + "'s shared records", false, //$NON-NLS-1$ //$NON-NLS-2$
				(items, next) -> cache.takeIn(feed, next, PulledPage.ofRecords(records(items, leftOut)), ACTOR).records());
	}

	/** The page's shared records; one that does not read is left out and named. */
	private static List<SharedRecord> records(JsonNode items, List<String> leftOut) {
		List<SharedRecord> records = new ArrayList<>();
		for (JsonNode item : items) {
			try {
				Map<String, String> fields = new LinkedHashMap<>();
				item.path("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText())); //$NON-NLS-1$
				records.add(new SharedRecord(SharedSource.valueOf(item.path("source").asText()), item.path("subjectId").asText(), //$NON-NLS-1$ //$NON-NLS-2$
						fields, java.time.Instant.parse(item.path("asOf").asText()))); //$NON-NLS-1$
			} catch (RuntimeException e) {
				leftOut.add("shared record " + item.path("source").asText() + " of " + item.path("subjectId").asText() + ": " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			}
		}
		return records;
	}

	/** Files asked for in one request at most (the hub takes up to 1,000 and answers up to 8 MiB of them). */
	static final int FILES_PER_REQUEST = 500;

	/**
	 * The page's files the desk lacks, many in one request ({@code POST /v1/contents}), each checked
	 * against its hash before it is stored; the files of one answer are stored in one desk
	 * transaction. An answer cut short keeps the files that came whole and checked, never the one it
	 * was cut in, and fails the round: the next asks only for what is still lacking.
	 */
	private void fetchFiles(List<Dossier> page, int[] count, long[] bytes, List<String> leftOut)
			throws IOException, InterruptedException, HubRefused {
		Map<Sha256, String> types = new LinkedHashMap<>();
		for (Dossier d : page) {
			for (Material m : d.materials()) {
				if (m.hasFile()) {
					types.putIfAbsent(m.contentHash(), m.mimeType());
				}
			}
		}
		List<Sha256> lacking = new ArrayList<>(cache.lacking(types.keySet()));
		while (!lacking.isEmpty()) {
			List<Sha256> ask = new ArrayList<>(lacking.subList(0, Math.min(FILES_PER_REQUEST, lacking.size())));
			com.fasterxml.jackson.databind.node.ObjectNode body = HubTransport.JSON.createObjectNode();
			com.fasterxml.jackson.databind.node.ArrayNode list = body.putArray("sha256"); //$NON-NLS-1$
			ask.forEach(h -> list.add(h.hex()));
			HubTransport.Reply r = hub.post("/v1/contents", body); //$NON-NLS-1$
			if (!r.ok()) {
				throw new HubRefused(ask.size() + " files (the first " + ask.get(0).hex() + ")", r); //$NON-NLS-1$ //$NON-NLS-2$
			}
			ContentFrames.Read read = ContentFrames.read(r.body());
			Map<String, List<byte[]>> byType = new LinkedHashMap<>();
			Set<Sha256> got = new java.util.HashSet<>();
			IOException bad = null;
			for (ContentFrames.Frame f : read.frames()) {
				Sha256 named = Sha256.parse(f.sha256());
				Sha256 actual = ContentHashing.sha256(f.bytes());
				if (!types.containsKey(named) || !actual.equals(named)) {
					bad = new IOException("the hub sent file " + f.sha256() + " with other bytes (SHA-256 " + actual.hex() //$NON-NLS-1$ //$NON-NLS-2$
							+ "); nothing of it was kept"); //$NON-NLS-1$
					break;
				}
				if (got.add(named)) {
					byType.computeIfAbsent(types.get(named), t -> new ArrayList<>()).add(f.bytes());
				}
			}
			store(byType, count, bytes, leftOut);
			if (bad != null) {
				throw bad;
			}
			if (!read.whole()) {
				throw new IOException("the hub's answer with " + ask.size() + " files was cut short after " + got.size() //$NON-NLS-1$ //$NON-NLS-2$
						+ "; those were kept, the rest is asked for again"); //$NON-NLS-1$
			}
			if (got.isEmpty()) {
				throw new IOException("the hub answered none of the " + ask.size() + " files asked for"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			lacking.removeAll(got);
		}
	}

	/** Checked files, each type's in one transaction; a file the store refuses is named and the others kept. */
	private void store(Map<String, List<byte[]>> byType, int[] count, long[] bytes, List<String> leftOut) {
		for (Map.Entry<String, List<byte[]>> e : byType.entrySet()) {
			try {
				files.putContents(e.getValue(), e.getKey());
				count[0] += e.getValue().size();
				e.getValue().forEach(b -> bytes[0] += b.length);
			} catch (MaterialRefusedException refused) {
				for (byte[] b : e.getValue()) {
					try {
						files.putContent(b, e.getKey());
						count[0]++;
						bytes[0] += b.length;
					} catch (MaterialRefusedException one) {
						leftOut.add("file " + ContentHashing.sha256(b).hex() + ": " + one.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
					}
				}
			}
		}
	}
}
