package org.miaopi.cli.store;

import java.io.PrintStream;
import java.util.List;

import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.service.StoreAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ./miaopi store ledger}: checks the audit ledger's hash chain end to end; exit 1 where it breaks. */
@Component(service = Subcommand.class)
public class LedgerCommand implements Subcommand {

	@Reference
	private StoreAdmin store;

	@Override
	public String name() {
		return "store ledger";
	}

	@Override
	public String summary() {
		return "check the audit ledger's hash chain (every event's sequence, link and content)";
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
		long start = System.nanoTime();
		Verification v = store.verifyLedger();
		double s = (System.nanoTime() - start) / 1e9;
		if (v instanceof Verification.Intact i) {
			out.printf("audit ledger intact: %,d events checked in %.1f s, head %s%n", i.eventsChecked(), s, i.headHash().hex());
			return OK;
		}
		Verification.Broken b = (Verification.Broken) v;
		err.printf("audit ledger BROKEN at event %,d (%s): %s%n", b.sequence(), b.reason(), b.message());
		return FAILED;
	}
}
