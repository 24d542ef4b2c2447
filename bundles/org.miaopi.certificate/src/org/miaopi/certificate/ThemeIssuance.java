package org.miaopi.certificate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.ThemeService;

/**
 * One issuance for a theme (一次出件): once every member of a theme is approved, the certificates
 * of all its members are issued in one run (one {@link CertificateBatch} per page of themes), by
 * the system, for each member's own department and seal. A member's certificate is never issued
 * while its theme is PENDING (the store refuses it), and a REJECTED theme issues nothing. A member
 * already issued is no longer APPROVED and is not offered again, so a re-run (after an
 * interruption or a failure) issues only what is left.
 */
public final class ThemeIssuance {

	/** What a run did: themes whose members were all issued, certificates issued, and failures (one line each). */
	public record Result(int themes, int certificates, List<String> failures) {
	}

	/** Themes read per round. */
	static final int PAGE = 100;

	private ThemeIssuance() {
	}

	/**
	 * Issues the certificates of up to {@code limit} APPROVED themes that still have members without one.
	 *
	 * @param progress told of each certificate issued or failed, one line each
	 */
	public static Result issueReady(ThemeService themes, CertificateService certificates, MatterRegistry matters, Path directory,
			int limit, Consumer<String> progress) {
		int done = 0;
		int issued = 0;
		List<String> failures = new ArrayList<>();
		java.util.Set<String> failedThemes = new java.util.HashSet<>();
		while (done + failedThemes.size() < limit) {
			Map<String, List<Dossier>> ready = themes.readyForIssuance(Officer.SYSTEM,
					Math.min(PAGE, limit - done) + failedThemes.size());
			ready.keySet().removeAll(failedThemes); // a theme that failed is tried again by the next run, not in a loop
			if (ready.isEmpty()) {
				break;
			}
			List<Map.Entry<String, List<Dossier>>> page = new ArrayList<>(ready.entrySet());
			page = page.subList(0, Math.min(page.size(), limit - done - failedThemes.size()));
			// every member of the page's themes in one batch; a theme is done when all its members are
			List<Dossier> members = page.stream().flatMap(t -> t.getValue().stream()).toList();
			java.util.Iterator<SystemIssuance.Line> lines = SystemIssuance.issueAll(certificates, matters, members, directory).iterator();
			for (var theme : page) {
				boolean whole = true;
				for (int i = 0; i < theme.getValue().size(); i++) {
					SystemIssuance.Line line = lines.next();
					String text = theme.getKey() + "  " + line.text(); //$NON-NLS-1$
					if (line.failed()) {
						whole = false;
						failures.add(text);
					} else {
						issued++;
					}
					progress.accept(text);
				}
				if (whole) {
					done++;
				} else {
					failedThemes.add(theme.getKey());
				}
			}
		}
		return new Result(done, issued, List.copyOf(failures));
	}
}
