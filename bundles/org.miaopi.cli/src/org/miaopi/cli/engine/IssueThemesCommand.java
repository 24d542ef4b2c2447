package org.miaopi.cli.engine;

import java.io.PrintStream;
import java.util.List;

import org.miaopi.certificate.CertificateService;
import org.miaopi.certificate.ThemeIssuance;
import org.miaopi.cli.Subcommand;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.service.ThemeService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi issue-themes [--limit N]}: one issuance per theme (一次出件). The certificates of
 * every theme whose members are all approved are issued together, into the desk's certificate
 * directory (where the workbench finds them); themes still pending wait, rejected ones issue nothing.
 * Safe to re-run: what was issued is not issued again.
 */
@Component(service = Subcommand.class)
public class IssueThemesCommand implements Subcommand {

	@Reference
	private ThemeService themes;
	@Reference
	private CertificateService certificates;
	@Reference
	private MatterRegistry matters;

	@Override
	public String name() {
		return "issue-themes";
	}

	@Override
	public String summary() {
		return "issue the certificates of every theme (一件事) whose members are all approved, together (一次出件)";
	}

	@Override
	public String usage() {
		return "[--limit THEMES (default: all)]";
	}

	@Override
	public int run(List<String> raw, PrintStream out, PrintStream err) {
		int limit = IssueRuns.limit(raw);
		long start = System.nanoTime();
		ThemeIssuance.Result r = ThemeIssuance.issueReady(themes, certificates, matters,
				MiaopiHome.current().resolve("certificates"), limit, line -> out.println("  " + line));
		out.printf("issue-themes: %,d themes issued in full, %,d certificates, %,d failures (%.1f s)%n", r.themes(),
				r.certificates(), r.failures().size(), (System.nanoTime() - start) / 1e9);
		return IssueRuns.report(r.failures(), "their themes stay ready", err);
	}
}
