package org.miaopi.certificate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.CertificateLog;

/**
 * The end of 秒批 (received → pre-checked → approved → certificate issued, with no officer): the
 * certificates of the dossiers the 秒批 policy approved, issued by the system, one at a time
 * through the same issuance an officer's goes through (store transaction, audit event, verification).
 * A dossier whose issuance fails stays APPROVED and is tried again by the next run.
 */
public final class SystemIssuance {

	/** What a run did: certificates issued, and failures (one line each). */
	public record Result(int certificates, List<String> failures) {
	}

	static final int PAGE = 200;

	private SystemIssuance() {
	}

	/**
	 * Issues {@code d}'s certificate as the system; returns the run's line for it: dossier, matter,
	 * certificate number, and whether the written file failed verification.
	 */
	static String issue(CertificateService certificates, MatterRegistry matters, Dossier d, Path directory) {
		MatterDefinition m = matters.require(d.matterCode());
		DossierCertificate c = certificates.issue(Officer.SYSTEM, d, m.nameZh(), m.nameEn(), directory, Progress.NONE);
		return d.number() + "  " + m.nameEn() + "  -> " + c.number() //$NON-NLS-1$ //$NON-NLS-2$
				+ (c.verdict().ok() ? "" : "  (NOT VERIFIED: " + c.verdict().summary() + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	public static Result issueApproved(CertificateLog log, CertificateService certificates, MatterRegistry matters, Path directory, int limit,
			Consumer<String> progress) {
		int issued = 0;
		List<String> failures = new ArrayList<>();
		Set<String> failed = new HashSet<>();
		while (issued < limit) {
			List<Dossier> page = log.approvedWithoutOfficer(Officer.SYSTEM, Math.min(PAGE, limit - issued) + failed.size());
			List<Dossier> todo = page.stream().filter(d -> !failed.contains(d.number())).toList();
			if (todo.isEmpty()) {
				break;
			}
			for (Dossier d : todo) {
				if (issued >= limit) {
					break;
				}
				try {
					String line = issue(certificates, matters, d, directory);
					issued++;
					progress.accept(line);
				} catch (RuntimeException e) {
					failed.add(d.number());
					String line = d.number() + "  failed: " + e.getMessage(); //$NON-NLS-1$
					failures.add(line);
					progress.accept(line);
				}
			}
		}
		return new Result(issued, List.copyOf(failures));
	}
}
