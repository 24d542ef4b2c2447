package org.miaopi.cli.certificate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.miaopi.certificate.CertificateService;
import org.miaopi.certificate.Verdict;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ./miaopi verify FILE.pdf}: every check in plain words; exit 0 only if all hold. */
@Component(service = Subcommand.class)
public class VerifyCommand implements Subcommand {

	@Reference
	private CertificateService certificates;

	@Override
	public String name() {
		return "verify"; //$NON-NLS-1$
	}

	@Override
	public String summary() {
		return "verify a sealed certificate PDF (seal, changes, chain, timestamp, revocation, register)"; //$NON-NLS-1$
	}

	@Override
	public String usage() {
		return "FILE.pdf [--zh]"; //$NON-NLS-1$
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		boolean zh = args.contains("--zh"); //$NON-NLS-1$
		List<String> files = args.stream().filter(a -> !a.equals("--zh")).toList(); //$NON-NLS-1$
		if (files.size() != 1) {
			throw new UsageException("expects one file"); //$NON-NLS-1$
		}
		Path file = Path.of(files.get(0));
		Verdict verdict = certificates.verify(file);
		out.println(file + ":"); //$NON-NLS-1$
		out.println(zh ? verdict.summaryZh() : verdict.summary());
		return verdict.ok() ? OK : FAILED;
	}
}
