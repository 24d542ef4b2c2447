package org.miaopi.cli.seal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.miaopi.certificate.DefaultCertificateService;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.demo.DemoCatalog;
import org.miaopi.demo.DemoGenerator;
import org.miaopi.demo.DemoMatter;
import org.miaopi.demo.DemoSeals;
import org.miaopi.seal.SealService;

/**
 * Dossiers for (d): the certificate of an approved dossier issued as the workbench issues it, on
 * a throwaway encrypted demo store. On top of (c): the store's transaction (certificate row,
 * dossier APPROVED → CERTIFICATE_ISSUED, audit event in the hash-chained ledger) and the
 * verification of the written file that the officer is shown.
 */
final class StoreIssuanceBench {

	/** An approved dossier with what its issuance needs. */
	record Ready(Officer officer, Dossier dossier, DemoMatter matter) {
	}

	private StoreIssuanceBench() {
	}

	/**
	 * Fills the store with demo dossiers and approves up to {@code wanted} of those in review, of
	 * single matters (a theme's members wait for each other), as their officers.
	 */
	static List<Ready> approved(OpenStore store, SealService seals, int wanted, LocalDate today) {
		DemoSeals.ensure(seals, DemoCatalog.DEPARTMENTS); // the demo departments' seals, beside the bench's own
		DemoGenerator.Summary s = new DemoGenerator().fill(store, new DemoGenerator.Options(Math.max(1000, wanted * 5), 1, today, false), p -> {
		});
		List<Ready> ready = new ArrayList<>();
		for (DemoGenerator.Login l : s.logins()) {
			if (l.role() != Role.OFFICER) {
				continue;
			}
			Officer viewer = new Officer(l.officerId(), l.name(), l.departmentCode(), EnumSet.of(Role.OFFICER));
			for (DemoMatter m : DemoCatalog.MATTERS) {
				if (m.themeCode() != null || !m.departmentCode().equals(l.departmentCode())) {
					continue;
				}
				for (int page = 0; ready.size() < wanted; page++) {
					QueuePage p = store.queue(viewer, new QueueQuery(EnumSet.of(DossierStatus.IN_REVIEW), m.code(), null, page));
					for (Dossier d : p.rows()) {
						if (ready.size() < wanted && l.officerId().equals(d.assignedOfficerId())) {
							approve(store, viewer, d, m, seals).ifPresent(ready::add);
						}
					}
					if (!p.hasMore()) {
						break;
					}
				}
			}
		}
		return ready;
	}

	private static java.util.Optional<Ready> approve(OpenStore store, Officer by, Dossier d, DemoMatter m, SealService seals) {
		try {
			Decision decision = new Decision(d.number(), DecisionKind.APPROVE, List.of(), null, by.id(), Instant.now(), false, null, null, null, null);
			org.miaopi.cli.CliActor actor = org.miaopi.cli.CliActor.benchOfficer(seals, by);
			return java.util.Optional.of(new Ready(by, store.transition(by, TransitionRequest.decide(decision), actor.signer()), m));
		} catch (RuntimeException e) {
			return java.util.Optional.empty(); // e.g. a mismatch that needs a justification: not this bench's business
		}
	}

	/** Issues one dossier's certificate through the service, with the store as its certificate log. */
	static void issue(DefaultCertificateService service, Ready r, Path directory) {
		service.issue(r.officer(), r.dossier(), r.matter().nameZh(), r.matter().nameEn(), directory, null);
	}
}
