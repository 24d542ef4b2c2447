package org.miaopi.sync.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.miaopi.core.sync.LedgerCheckpoint;
import org.miaopi.core.sync.Outbox;
import org.miaopi.core.sync.OutboxEntry;
import org.miaopi.core.sync.PushRefusal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends the desk's outbox to the hub (docs/hub.md, "Push"). The hub's high-water mark is the truth:
 * each push starts from {@code GET /v1/me}, sends the entries after the mark in batches
 * ({@code POST /v1/desks/me/batches}), keeps each returned checkpoint and records refusals. The outbox
 * keeps the entries the hub applied: a 409 (the batch does not follow the hub's mark, e.g. the hub was
 * restored from a backup) re-sends from the mark it names, however far back. Before sending, the desk
 * checks that the hub's head is this store's ledger (a store emptied by demo --force is not).
 */
public final class Push {

	/** After this many 409s in one push the hub and desk disagree in a way re-sending does not mend. */
	static final int MAX_REWINDS = 3;

	private final HubTransport hub;
	private final Outbox outbox;
	private final String desk;
	private final int batchSize;
	private final Documents documents;
	private long retentionMillis = DEFAULT_RETENTION.toMillis();
	private java.util.function.LongSupplier clock = System::currentTimeMillis;

	/** How long the desk keeps outbox rows the hub has held (docs/hub.md, "Outbox retention"). */
	public static final java.time.Duration DEFAULT_RETENTION = java.time.Duration.ofDays(30);

	/**
	 * What one push moved: entries the hub applied, refusals, the hub's mark, what still waits, and
	 * the certificates' PDFs uploaded (those the hub lacked) and not found on this desk.
	 */
	public record Result(long sent, int refused, long highWater, long waiting, int documents, List<String> documentsNotFound) {

		/** A push that sent no certificate documents. */
		public Result(long sent, int refused, long highWater, long waiting) {
			this(sent, refused, highWater, waiting, 0, List.of());
		}
	}

	public Push(HubTransport hub, Outbox outbox, String desk, int batchSize) {
		this(hub, outbox, desk, batchSize, null);
	}

	/** @param certificates where the desk keeps the PDFs it issued ({@code <number>.pdf}); null sends none */
	public Push(HubTransport hub, Outbox outbox, String desk, int batchSize, java.nio.file.Path certificates) {
		this.hub = hub;
		this.outbox = outbox;
		this.desk = desk;
		this.batchSize = batchSize;
		this.documents = certificates == null ? null : new Documents(hub, certificates, outbox);
	}

	/**
	 * Keeps the outbox rows the hub has held for {@code retention} before pruning them; the clock
	 * says when now is (tests move it).
	 */
	public Push retention(java.time.Duration retention, java.util.function.LongSupplier now) {
		if (retention.isNegative()) {
			throw new IllegalArgumentException("the outbox's retention is never negative: " + retention); //$NON-NLS-1$
		}
		this.retentionMillis = retention.toMillis();
		this.clock = now;
		return this;
	}

	/** The hub's mark for this desk ({@code GET /v1/me}). */
	public long highWater() throws IOException, InterruptedException, HubRefused {
		return me().path("highWater").asLong(0); //$NON-NLS-1$
	}

	private JsonNode me() throws IOException, InterruptedException, HubRefused {
		return me(hub);
	}

	/** {@code GET /v1/me}: the hub's mark and head for this desk, and where the feeds it pulls stand. */
	static JsonNode me(HubTransport hub) throws IOException, InterruptedException, HubRefused {
		HubTransport.Reply me = hub.get("/v1/me"); //$NON-NLS-1$
		if (!me.ok()) {
			throw new HubRefused("asking for this desk's mark", me); //$NON-NLS-1$
		}
		return me.json();
	}

	/**
	 * The hub holds this desk's ledger up to {@code mark}, ending in {@code headHash}: this store must
	 * hold that ledger too. A store emptied ({@code ./miaopi demo --force}) or replaced under the same
	 * enrolment is a new ledger numbered from 1; sending it would be either ignored as applied before
	 * or refused as a broken chain, for ever. Nothing is sent; the desk enrols again under a new name.
	 */
	private void sameLedger(long mark, String headHash) throws HubRefused {
		String why = null;
		if (mark > outbox.head()) {
			why = "the hub holds " + mark + " changes of desk " + desk + " but this store has written only " + outbox.head(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		} else if (mark > 0 && headHash != null) {
			List<OutboxEntry> at = outbox.after(mark - 1, 1);
			String mine = at.isEmpty() || at.get(0).sequence() != mark ? null : ledgerHash(at.get(0), null);
			if (mine != null && !mine.equals(headHash)) {
				why = "change " + mark + " of desk " + desk + " at the hub is not this store's change " + mark; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
		}
		if (why != null) {
			throw new HubRefused(why + ": this store is a new ledger (emptied by demo --force, or replaced), and nothing was sent." //$NON-NLS-1$
					+ " Enrol it again under a new desk name (./miaopi enrol HUB_URL --desk NEW-NAME --department CODE), then sync", 409); //$NON-NLS-1$
		}
	}

	/**
	 * One push: everything waiting, in batches, until the outbox is sent.
	 *
	 * @throws IOException the hub could not be reached; what it acknowledged stays acknowledged
	 */
	public Result run() throws IOException, InterruptedException, HubRefused {
		return run(null);
	}

	/** @param asked the answer of {@code GET /v1/me} this round read already, or null to ask now */
	public Result run(JsonNode asked) throws IOException, InterruptedException, HubRefused {
		JsonNode me = asked != null ? asked : me();
		long mark = me.path("highWater").asLong(0); //$NON-NLS-1$
		sameLedger(mark, me.path("headHash").isTextual() ? me.get("headHash").asText() : null); //$NON-NLS-1$ //$NON-NLS-2$
		if (documents != null) {
			documents.retry();
		}
		long sent = 0;
		int refused = 0;
		int rewinds = 0;
		while (true) {
			outbox.acknowledge(mark);
			pruned(mark);
			List<OutboxEntry> batch = outbox.after(mark, batchSize);
			if (batch.isEmpty()) {
				break;
			}
			long from = batch.get(0).sequence();
			long to = batch.get(batch.size() - 1).sequence();
			if (documents != null) {
				// the files first: a record the hub applies names a document it then holds
				documents.send(batch);
			}
			HubTransport.Reply r = hub.post("/v1/desks/me/batches", body(from, to, batch)); //$NON-NLS-1$
			JsonNode answer = r.status() == 200 || r.status() == 409 ? r.json() : null;
			if (r.status() == 409 && answer.has("highWater")) { //$NON-NLS-1$
				if ("chain-broken".equals(answer.path("error").asText())) { //$NON-NLS-1$ //$NON-NLS-2$
					// the same rows again would break the same way
					throw new HubRefused("batch " + from + ".." + to, r); //$NON-NLS-1$ //$NON-NLS-2$
				}
				if (++rewinds > MAX_REWINDS) {
					throw new HubRefused("batch " + from + ".." + to + " after " + MAX_REWINDS + " re-sends", r); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				}
				mark = answer.get("highWater").asLong(); //$NON-NLS-1$
				continue;
			}
			if (answer == null) {
				throw new HubRefused("batch " + from + ".." + to, r); //$NON-NLS-1$ //$NON-NLS-2$
			}
			long high = answer.path("highWater").asLong(mark); //$NON-NLS-1$
			if (answer.hasNonNull("checkpoint")) { //$NON-NLS-1$
				outbox.keepCheckpoint(checkpoint(answer.get("checkpoint"))); //$NON-NLS-1$
			}
			for (JsonNode f : answer.path("refused")) { //$NON-NLS-1$
				outbox.recordRefusal(new PushRefusal(f.path("sequence").asLong(), f.path("dossierNo").asText(null), //$NON-NLS-1$ //$NON-NLS-2$
						f.path("reason").asText(), f.path("hubState").asText(null), System.currentTimeMillis())); //$NON-NLS-1$ //$NON-NLS-2$
				refused++;
			}
			if (high <= mark) {
				throw new HubRefused("batch " + from + ".." + to + ": its mark stayed at " + high, r); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			sent += high - mark;
			mark = high;
		}
		outbox.prune(retentionMillis, clock.getAsLong());
		return new Result(sent, refused, mark, outbox.waitingAbove(mark), documents == null ? 0 : documents.sent(),
				documents == null ? List.of() : documents.notFound());
	}

	/**
	 * The hub's mark lies below what this desk pruned: the hub was restored from a backup older than
	 * the outbox's retention. The rows it lacks are no longer in the outbox (they are still in the
	 * desk's audit ledger); sending the rows after them would leave a gap at the hub, so nothing is sent.
	 */
	private void pruned(long mark) throws HubRefused {
		long gone = outbox.prunedTo();
		if (mark < gone) {
			throw new HubRefused("the hub holds desk " + desk + "'s changes up to " + mark + " but this desk pruned its outbox up to " + gone //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ " (kept " + java.time.Duration.ofMillis(retentionMillis).toDays() + " days after the hub held them): the hub was restored from a backup" //$NON-NLS-1$ //$NON-NLS-2$
					+ " older than that, and changes " + (mark + 1) + ".." + gone + " cannot be sent again; nothing was sent", 409); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}

	private ObjectNode body(long from, long to, List<OutboxEntry> batch) {
		ObjectNode o = HubTransport.JSON.createObjectNode().put("desk", desk).put("from", from).put("to", to); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		ArrayNode events = o.putArray("events"); //$NON-NLS-1$
		String head = null;
		for (OutboxEntry e : batch) {
			events.addObject().put("sequence", e.sequence()).put("kind", e.kind()).put("dossierNo", e.dossierNo()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					.put("payload", e.payload()).put("createdAt", Instant.ofEpochMilli(e.createdAtMillis()).toString()); //$NON-NLS-1$ //$NON-NLS-2$
			head = ledgerHash(e, head);
		}
		return o.put("ledgerHead", head); //$NON-NLS-1$
	}

	/**
	 * The batch's ledger head: the chain hash of its last audit event, read from the entry's payload
	 * ({@code {"event": {…, "hash"}}} as the store writes it; a bare {@code "hash"} is read too); the
	 * hub checks that the chain continues from the head it holds.
	 */
	static String ledgerHash(OutboxEntry e, String before) {
		try {
			JsonNode p = HubTransport.JSON.readTree(e.payload());
			if (p == null) {
				return before;
			}
			JsonNode hash = p.path("event").path("hash"); //$NON-NLS-1$ //$NON-NLS-2$
			if (!hash.isTextual()) {
				hash = p.path("hash"); //$NON-NLS-1$
			}
			return hash.isTextual() ? hash.asText() : before;
		} catch (IOException notJson) {
			return before;
		}
	}

	static LedgerCheckpoint checkpoint(JsonNode c) {
		return new LedgerCheckpoint(c.path("desk").asText(), c.path("sequence").asLong(), c.path("headHash").asText(), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				Base64.getDecoder().decode(c.path("signature").asText()), Base64.getDecoder().decode(c.path("hubCertificate").asText()), //$NON-NLS-1$ //$NON-NLS-2$
				signedAt(c.path("signedAt"))); //$NON-NLS-1$
	}

	private static long signedAt(JsonNode n) {
		return n.isNumber() ? n.asLong() : Instant.parse(n.asText()).toEpochMilli();
	}
}
