package org.miaopi.cli.audit;

import java.io.PrintStream;
import java.util.List;

import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.audit.SignatureVerifier;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.service.StoreAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi audit verify}: checks the audit ledger's hash chain end to end, so a supervisor
 * (or a cron job) learns whether any recorded event was removed, reordered or altered.
 */
@Component(service = Subcommand.class)
public class AuditCommand implements Subcommand {

	/** How often the long check says how far it got. */
	private static final long PROGRESS_EVERY = 100_000;

	@Reference
	private StoreAdmin store;

	@Reference
	private SignatureVerifier signatures;

	@Override
	public String name() {
		return "audit verify";
	}

	@Override
	public String summary() {
		return "check the audit ledger's hash chain, the decision rows and declared data it covers, and every officer's"
				+ " signature (exit 0 only if all hold)";
	}

	@Override
	public String usage() {
		return "";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		if (!args.isEmpty()) {
			throw new UsageException("takes no arguments");
		}
		return verify(store, signatures, out);
	}

	/** The check and its report, apart from the service wiring (tests call it with their own store). */
	public static int verify(StoreAdmin store, PrintStream out) {
		return verify(store, null, out);
	}

	/** @param signatures checks the officers' signatures; null counts them without checking */
	public static int verify(StoreAdmin store, SignatureVerifier signatures, PrintStream out) {
		long start = System.nanoTime();
		long[] lastShown = { 0 };
		Verification v = store.verifyLedger(signatures, n -> {
			if (n - lastShown[0] >= PROGRESS_EVERY) {
				lastShown[0] = n;
				out.printf("  %,d events checked%n", n);
			}
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		if (v instanceof Verification.Intact ok) {
			out.printf("Audit ledger intact: %,d events checked in %.1f s.%n", ok.eventsChecked(), seconds);
			Verification.Coverage c = ok.coverage();
			out.printf("Records compared with their events: %,d decisions, %,d dossiers' declared data.%n",
					c.decisionsCompared(), c.dossiersCompared());
			out.printf(c.signaturesChecked() ? "Officers' signatures: %,d checked, all valid.%n"
					: "Officers' signatures: %,d present, NOT checked (no verifier).%n", c.signatures());
			if (c.decisionsBeforeDigests() + c.dossiersBeforeDigests() > 0) {
				out.printf("Written before the ledger covered its records (schema 11): %,d decisions and %,d dossiers;"
						+ " their events cover the decision's kind and reasons only.%n", c.decisionsBeforeDigests(),
						c.dossiersBeforeDigests());
			}
			if (store instanceof org.miaopi.core.sync.Outbox outbox) {
				outbox.latestCheckpoint().ifPresent(cp -> out.printf("Matches the hub's signed checkpoint at outbox sequence %,d"
						+ " (head %s, signed %s).%n", cp.sequence(), cp.headHash().substring(0, 16),
						java.time.Instant.ofEpochMilli(cp.signedAtMillis())));
			}
			out.println("Head hash: " + ok.headHash().hex() + "  (keep a copy: a later check must extend it)");
			return OK;
		}
		Verification.Broken broken = (Verification.Broken) v;
		out.printf("Audit ledger BROKEN at event %,d (%s): %s.%n", broken.sequence(), words(broken.reason()),
				broken.message());
		out.println("Events before it are intact. Keep this store as it is and report it to the supervisor:"
				+ " the ledger must not be repaired in place.");
		return FAILED;
	}

	private static String words(Verification.Reason reason) {
		return switch (reason) {
		case SEQUENCE_GAP -> "an event is missing or out of order";
		case LINK_BROKEN -> "an event is not linked to the one before it";
		case CONTENT_CHANGED -> "an event's content was changed after it was recorded";
		case RECORD_CHANGED -> "a record was changed after its event recorded it";
		case SIGNATURE_INVALID -> "an officer's decision signature does not hold";
		case CHECKPOINT_MISMATCH -> "the ledger differs from what the hub witnessed";
		};
	}
}
