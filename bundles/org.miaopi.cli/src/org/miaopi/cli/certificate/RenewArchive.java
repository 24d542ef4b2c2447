package org.miaopi.cli.certificate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.miaopi.certificate.ArchiveRenewal;
import org.miaopi.certificate.CertificateService;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.MiaopiHome;

/**
 * {@code ./miaopi certificate renew-archive [DIR|FILE.pdf...] [--within DAYS] [--dry-run]}: the
 * scheduled job that keeps issued certificates verifiable (PAdES B-LTA). Headless and quiet
 * when there is nothing to do; exit 0 unless a certificate that needed renewal could not be renewed.
 */
final class RenewArchive {

	private RenewArchive() {
	}

	static int run(CertificateService certificates, List<String> args, PrintStream out) throws IOException {
		List<Path> places = new ArrayList<>();
		Duration window = ArchiveRenewal.DEFAULT_WINDOW;
		boolean dryRun = false;
		for (int i = 0; i < args.size(); i++) {
			switch (args.get(i)) {
			case "--dry-run" -> dryRun = true; //$NON-NLS-1$
			case "--within" -> { //$NON-NLS-1$
				if (i + 1 >= args.size()) {
					throw new UsageException("--within needs a number of days"); //$NON-NLS-1$
				}
				try {
					window = Duration.ofDays(Integer.parseInt(args.get(++i)));
				} catch (NumberFormatException e) {
					throw new UsageException("--within: '" + args.get(i) + "' is not a number of days"); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
			default -> places.add(Path.of(args.get(i)));
			}
		}
		if (places.isEmpty()) {
			places.add(MiaopiHome.current().resolve("certificates")); //$NON-NLS-1$
		}
		int renewed = 0;
		int failed = 0;
		int current = 0;
		for (ArchiveRenewal.Outcome o : certificates.renewArchives(places, window, dryRun)) {
			switch (o.status()) {
			case RENEWED -> renewed++;
			case FAILED -> failed++;
			case CURRENT -> current++;
			case SKIPPED -> {
				// said below, one line each
			}
			}
			if (o.status() != ArchiveRenewal.Status.CURRENT) {
				out.println(o);
			}
		}
		out.println((dryRun ? "dry run: " : "") + renewed + " renewed, " + current + " current (authority valid beyond " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ window.toDays() + " days), " + failed + " failed"); //$NON-NLS-1$ //$NON-NLS-2$
		return failed == 0 ? Subcommand.OK : Subcommand.FAILED;
	}
}
