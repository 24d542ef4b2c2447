package org.miaopi.cli.hub;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.MiaopiHome;
import org.miaopi.sync.DeskIdentity;
import org.miaopi.sync.DeskSync;
import org.miaopi.sync.SyncReport;
import org.miaopi.sync.SyncSettings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi sync}: one round with the desk's hub, headless (pull, then push), and what moved.
 * The same round as the workbench's background job.
 */
@Component(service = Subcommand.class)
public class SyncCommand implements Subcommand {

	@Reference
	private DeskSync sync;

	@Override
	public String name() {
		return "sync"; //$NON-NLS-1$
	}

	@Override
	public String summary() {
		return "one sync round with this desk's hub: pull the department's dossiers and files, push the outbox"; //$NON-NLS-1$
	}

	@Override
	public String usage() {
		return "[--hub HUB_URL (kept for later rounds)] [--interval SECONDS (the workbench's background sync)] [--attempts N (default 3)]"; //$NON-NLS-1$
	}

	@Override
	public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
		Options o = Options.parse(arguments).allow("--hub", "--interval", "--attempts"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		if (!o.words.isEmpty()) {
			throw new UsageException("unexpected argument '" + o.words.get(0) + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		var dir = DeskIdentity.directory(MiaopiHome.current());
		if (!DeskIdentity.exists(dir)) {
			err.println("miaopi sync: this desk is not enrolled at a hub; first: ./miaopi enrol HUB_URL --desk NAME --department CODE --code C"); //$NON-NLS-1$
			return FAILED;
		}
		int attempts = o.integer("--attempts", 3, 1); //$NON-NLS-1$
		if (o.values.get("--hub") != null || o.values.get("--interval") != null) { //$NON-NLS-1$ //$NON-NLS-2$
			SyncSettings now = SyncSettings.read(dir);
			URI hub = o.values.get("--hub") == null ? now.hub() : URI.create(o.values.get("--hub")); //$NON-NLS-1$ //$NON-NLS-2$
			java.time.Duration interval = o.values.get("--interval") == null ? now.interval() //$NON-NLS-1$
					: java.time.Duration.ofSeconds(o.integer("--interval", 300, 10)); //$NON-NLS-1$
			try {
				new SyncSettings(hub, interval).write(dir);
			} catch (IllegalArgumentException e) {
				throw new UsageException(e.getMessage());
			}
		}
		DeskIdentity id = DeskIdentity.load(dir);
		URI hub = SyncSettings.read(dir).hub();
		out.println("sync with " + (hub == null ? id.hub() : hub) + " as " + id.desk() + " (department " + id.department() + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		SyncReport r = sync.syncNow(attempts);
		print(r, out);
		if (r.problem() != null) {
			err.println("miaopi sync: " + r.problem()); //$NON-NLS-1$
			return FAILED;
		}
		return OK;
	}

	static void print(SyncReport r, PrintStream out) {
		if (r.attempts() > 1) {
			out.println("  " + r.attempts() + " attempts (the hub did not answer at first; retried with back-off)"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (r.reached() && r.problem() == null) {
			out.println(String.format(Locale.ROOT, "  pulled  %,d new dossiers in %,d pages (%,d held already), %,d files (%,.1f MB), %,d shared records", //$NON-NLS-1$
					r.pulled(), r.pages(), r.alreadyHeld(), r.files(), r.fileBytes() / 1e6, r.records()));
			for (String l : r.leftOut().subList(0, Math.min(10, r.leftOut().size()))) {
				out.println("    left out " + l); //$NON-NLS-1$
			}
			if (r.leftOut().size() > 10) {
				out.println("    … and " + (r.leftOut().size() - 10) + " more left out"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			out.println(String.format(Locale.ROOT, "  users   %,d of the department's users taken in or changed (sign-in works offline)%s", r.officers(), //$NON-NLS-1$
					r.numbersLeft() < 0 ? "" : String.format(Locale.ROOT, "; %,d certificate numbers left in the hub's blocks", r.numbersLeft()))); //$NON-NLS-1$ //$NON-NLS-2$
			if (r.pushSkipped() != null) {
				out.println("  pushed  nothing: " + r.pushSkipped()); //$NON-NLS-1$
			} else {
				out.println(String.format(Locale.ROOT, "  pushed  %,d changes (%,d refused by the hub); the hub's mark is %,d; %,d waiting", //$NON-NLS-1$
						r.pushed(), r.refused(), r.highWater(), r.waiting()));
			}
		} else {
			out.println(String.format(Locale.ROOT, "  nothing moved; %,d changes waiting", r.waiting())); //$NON-NLS-1$
		}
		out.println(String.format(Locale.ROOT, "  took %.2f s", r.took().toMillis() / 1000.0)); //$NON-NLS-1$
	}
}
