package org.miaopi.demo;

import java.time.LocalDate;
import java.util.Map;
import java.util.Random;

import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.lifecycle.DossierStatus;

/**
 * The hard cases of one demo application, drawn in controlled shares: a declared value the
 * shared records contradict, stale records, a blacklisted applicant, a missing material, and
 * where the dossier stands against its deadline.
 */
final class DemoCase {
	boolean mismatch;
	boolean stale;
	boolean blacklisted;
	boolean missingMaterial;
	/** 0 normal, 1 near the deadline, 2 past it (open dossiers), 3 decided long ago */
	int timing;

	static DemoCase draw(Random r) {
		DemoCase c = new DemoCase();
		c.mismatch = r.nextInt(100) < 10;
		c.stale = r.nextInt(100) < 6;
		c.blacklisted = r.nextInt(100) < 3;
		c.missingMaterial = r.nextInt(100) < 7;
		int t = r.nextInt(100);
		c.timing = t < 8 ? 1 : t < 12 ? 2 : t < 40 ? 3 : 0;
		return c;
	}

	LocalDate receivedDate(WorkingDayCalendar calendar, LocalDate today, Random r, int limit) {
		int k = switch (timing) {
			case 1 -> Math.max(0, limit - 2) + r.nextInt(Math.min(3, limit + 1));
			case 2 -> limit + 1 + r.nextInt(10);
			case 3 -> limit + 1 + r.nextInt(80);
			default -> r.nextInt(Math.max(1, limit - 2));
		};
		return calendar.addWorkingDays(today, -k);
	}

	DossierStatus status(Random r) {
		if (timing == 3) {
			int p = r.nextInt(100);
			return p < 35 ? DossierStatus.CERTIFICATE_ISSUED : p < 60 ? DossierStatus.ARCHIVED
					: p < 85 ? DossierStatus.APPROVED : p < 95 ? DossierStatus.REJECTED : DossierStatus.WITHDRAWN;
		}
		if (missingMaterial) {
			return r.nextBoolean() ? DossierStatus.SUPPLEMENT_REQUESTED : DossierStatus.PRE_CHECKED;
		}
		int p = r.nextInt(100);
		return p < 10 ? DossierStatus.RECEIVED : p < 25 ? DossierStatus.PRE_CHECKED
				: p < 45 ? DossierStatus.ASSIGNED : p < 92 ? DossierStatus.IN_REVIEW : DossierStatus.SUPPLEMENT_REQUESTED;
	}

	void count(Map<String, Integer> hard, int n) {
		if (mismatch) {
			hard.merge("declared data mismatch records", n, Integer::sum);
		}
		if (stale) {
			hard.merge("stale shared records", n, Integer::sum);
		}
		if (blacklisted) {
			hard.merge("blacklisted applicant", n, Integer::sum);
		}
		if (missingMaterial) {
			hard.merge("missing material", n, Integer::sum);
		}
		if (timing == 1) {
			hard.merge("near deadline (<= 2 working days)", n, Integer::sum);
		}
		if (timing == 2) {
			hard.merge("past deadline", n, Integer::sum);
		}
	}
}
