package org.miaopi.cli.supervise;

import java.time.LocalDate;

import org.miaopi.cli.Options;
import org.miaopi.cli.UsageException;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.StoreAdmin;

/**
 * The options every {@code ./miaopi supervise} job shares. A job acts as a named supervisor of the desk
 * ({@code --as}): the record applies that supervisor's scope, and the ledger names them. The CLI runs
 * with the desk's store key, so naming a supervisor needs no password, as every headless job.
 */
final class Supervisors {

	static final String COMMON_USAGE = "--as SUPERVISOR_ID [--department CODE]";

	private Supervisors() {
	}

	static Officer actor(StoreAdmin store, Options o) {
		String id = o.values.get("--as");
		if (id == null) {
			throw new UsageException("name the supervisor to act as with --as, e.g. --as psb.supervisor");
		}
		Officer officer = store.officers().stream().filter(x -> x.id().equals(id)).findFirst()
				.orElseThrow(() -> new UsageException("no user '" + id + "' on this desk"));
		if (!officer.hasRole(Role.SUPERVISOR)) {
			throw new UsageException(id + " is not a supervisor");
		}
		return officer;
	}

	/** {@code -nl zh|en}, else the default language (./miaopi -nl sets it before the job sees its arguments). */
	static java.util.Locale language(Options o) {
		String lang = o.values.getOrDefault("-nl", java.util.Locale.getDefault().getLanguage());
		if (!lang.equals("zh") && !lang.equals("en") && o.values.containsKey("-nl")) {
			throw new UsageException("-nl takes zh or en, got '" + lang + "'");
		}
		return java.util.Locale.forLanguageTag(lang);
	}

	static LocalDate today(Options o) {
		return o.date("--today", ChinaTime.today());
	}

	/** --from (default: the first day of the previous month) to --to (default: today). */
	static LocalDate[] period(Options o, LocalDate today) {
		LocalDate from = o.date("--from", today.minusMonths(1).withDayOfMonth(1));
		LocalDate to = o.date("--to", today);
		if (to.isBefore(from)) {
			throw new UsageException("--to " + to + " is before --from " + from);
		}
		return new LocalDate[] { from, to };
	}
}
