package org.miaopi.cli.certificate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
		return "verify a sealed certificate or supervision report PDF (seal, changes, chain, timestamp, revocation, register)"; //$NON-NLS-1$
	}

	@Override
	public String usage() {
		return "FILE.pdf [--at DATE|INSTANT] [--zh]   (--at 2040-01-01: as a verifier then would, with the validation data in the file)"; //$NON-NLS-1$
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		boolean zh = args.contains("--zh"); //$NON-NLS-1$
		List<String> rest = new java.util.ArrayList<>(args.stream().filter(a -> !a.equals("--zh")).toList()); //$NON-NLS-1$
		Instant at = null;
		int i = rest.indexOf("--at"); //$NON-NLS-1$
		if (i >= 0) {
			if (i + 1 >= rest.size()) {
				throw new UsageException("--at needs a date (2040-01-01) or an instant (2040-01-01T00:00:00Z)"); //$NON-NLS-1$
			}
			at = when(rest.get(i + 1));
			rest.remove(i + 1);
			rest.remove(i);
		}
		if (rest.size() != 1) {
			throw new UsageException("expects one file"); //$NON-NLS-1$
		}
		Path file = Path.of(rest.get(0));
		Verdict verdict = at == null ? certificates.verify(file) : certificates.verify(file, at);
		out.println(file + (at == null ? ":" : " (validated at " + at + "):")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		out.println(zh ? verdict.summaryZh() : verdict.summary());
		return verdict.ok() ? OK : FAILED;
	}

	static Instant when(String text) {
		try {
			return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant(); //$NON-NLS-1$
		} catch (DateTimeParseException e) {
			throw new UsageException("--at: '" + text + "' is neither a date (2040-01-01) nor an instant (2040-01-01T00:00:00Z)"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
