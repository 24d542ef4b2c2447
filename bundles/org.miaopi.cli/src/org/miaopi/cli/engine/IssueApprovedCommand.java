package org.miaopi.cli.engine;

import java.io.PrintStream;
import java.util.List;

import org.miaopi.certificate.CertificateService;
import org.miaopi.certificate.SystemIssuance;
import org.miaopi.cli.Subcommand;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.service.CertificateLog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi issue-approved [--limit N]}: the certificates of the dossiers 秒批 approved with no
 * officer, issued by the system into the desk's certificate directory (theme members wait for
 * {@code issue-themes}). Safe to re-run: an issued dossier is no longer APPROVED.
 */
@Component(service = Subcommand.class)
public class IssueApprovedCommand implements Subcommand {

	@Reference
	private CertificateLog log;
	@Reference
	private CertificateService certificates;
	@Reference
	private MatterRegistry matters;

	@Override
	public String name() {
		return "issue-approved";
	}

	@Override
	public String summary() {
		return "issue the certificates of the dossiers 秒批 approved with no officer (the end of 秒批)";
	}

	@Override
	public String usage() {
		return "[--limit CERTIFICATES (default: all)]";
	}

	@Override
	public int run(List<String> raw, PrintStream out, PrintStream err) {
		int limit = IssueRuns.limit(raw);
		long start = System.nanoTime();
		SystemIssuance.Result r = SystemIssuance.issueApproved(log, certificates, matters, MiaopiHome.current().resolve("certificates"), limit,
				line -> out.println("  " + line));
		out.printf("issue-approved: %,d certificates issued, %,d failures (%.1f s)%n", r.certificates(), r.failures().size(),
				(System.nanoTime() - start) / 1e9);
		return IssueRuns.report(r.failures(), "their dossiers stay APPROVED", err);
	}
}
