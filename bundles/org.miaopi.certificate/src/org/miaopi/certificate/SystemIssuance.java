package org.miaopi.certificate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.CertificateLog;

/**
 * The end of 秒批 (received → pre-checked → approved → certificate issued, with no officer): the
 * certificates of the dossiers the 秒批 policy approved, issued by the system through the same
 * checks and steps an officer's goes through (store transaction, audit event, verification), a
 * page of dossiers at a time in one {@link CertificateBatch}.
 * A dossier whose issuance fails stays APPROVED and is tried again by the next run.
 */
public final class SystemIssuance {

	/** What a run did: certificates issued, and failures (one line each). */
	public record Result(int certificates, List<String> failures) {
	}

	static final int PAGE = 200;

	private SystemIssuance() {
	}

	/** One dossier's end in a run: its line (dossier, matter, certificate number, and whether the file failed verification), or why it failed. */
	record Line(Dossier dossier, String text, boolean failed) {
	}

	/**
	 * Issues the dossiers' certificates as the system, in one batch (sealing while earlier
	 * certificates are written, see {@link CertificateBatch}); returns once all are done, a line
	 * each in the dossiers' order.
	 */
	static List<Line> issueAll(CertificateService certificates, MatterRegistry matters, List<Dossier> dossiers, Path directory) {
		List<CompletableFuture<DossierCertificate>> issuing = new ArrayList<>();
		try (CertificateBatch batch = certificates.batch(directory)) {
			for (Dossier d : dossiers) {
				try {
					MatterDefinition m = matters.require(d.matterCode());
					issuing.add(batch.issue(Officer.SYSTEM, d, m.nameZh(), m.nameEn()));
				} catch (RuntimeException e) {
					issuing.add(CompletableFuture.failedFuture(e));
				}
			}
		}
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < dossiers.size(); i++) {
			Dossier d = dossiers.get(i);
			try {
				DossierCertificate c = issuing.get(i).join();
				lines.add(new Line(d, d.number() + "  " + matters.require(d.matterCode()).nameEn() + "  -> " + c.number() //$NON-NLS-1$ //$NON-NLS-2$
						+ (c.verdict().ok() ? "" : "  (NOT VERIFIED: " + c.verdict().summary() + ")"), false)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			} catch (CompletionException e) {
				Throwable why = e.getCause() == null ? e : e.getCause();
				lines.add(new Line(d, d.number() + "  failed: " + why.getMessage(), true)); //$NON-NLS-1$
			}
		}
		return lines;
	}

	public static Result issueApproved(CertificateLog log, CertificateService certificates, MatterRegistry matters, Path directory, int limit,
			Consumer<String> progress) {
		int issued = 0;
		List<String> failures = new ArrayList<>();
		Set<String> failed = new HashSet<>();
		while (issued < limit) {
			List<Dossier> page = log.approvedWithoutOfficer(Officer.SYSTEM, Math.min(PAGE, limit - issued) + failed.size());
			List<Dossier> todo = page.stream().filter(d -> !failed.contains(d.number())).limit(limit - issued).toList();
			if (todo.isEmpty()) {
				break;
			}
			for (Line line : issueAll(certificates, matters, todo, directory)) {
				if (line.failed()) {
					failed.add(line.dossier().number());
					failures.add(line.text());
				} else {
					issued++;
				}
				progress.accept(line.text());
			}
		}
		return new Result(issued, List.copyOf(failures));
	}
}
