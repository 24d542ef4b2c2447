package org.miaopi.ui.api;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.eclipse.core.runtime.Platform;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Role;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.model.Timeliness;
import org.miaopi.ui.Messages;

/** The domain's own bilingual names (kept in the core enums), in the workbench's language. */
public final class Texts {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm") //$NON-NLS-1$
			.withZone(ChinaTime.ZONE);

	private Texts() {
	}

	public static boolean chinese() {
		String nl = Platform.getNL();
		return nl != null && nl.startsWith("zh"); //$NON-NLS-1$
	}

	public static String of(DossierStatus s) {
		return chinese() ? s.nameZh() : s.nameEn();
	}

	public static String of(ComparisonOutcome o) {
		return chinese() ? o.nameZh() : o.nameEn();
	}

	public static String of(DecisionKind k) {
		return chinese() ? k.nameZh() : k.nameEn();
	}

	public static String of(SharedSource s) {
		return chinese() ? s.nameZh() : s.nameEn();
	}

	public static String of(Department d) {
		return d == null ? "" : chinese() ? d.nameZh() : d.nameEn(); //$NON-NLS-1$
	}

	public static String of(Role r) {
		return switch (r) {
			case OFFICER -> Messages.Role_OFFICER;
			case SUPERVISOR -> Messages.Role_SUPERVISOR;
			case CITY_SUPERVISOR -> Messages.Role_CITY_SUPERVISOR;
			case ADMIN -> Messages.Role_ADMIN;
			case SYSTEM -> Messages.Role_SYSTEM;
		};
	}

	/** Roles in their order, named in the workbench's language, joined with commas. */
	public static String of(java.util.Collection<Role> roles) {
		return roles.stream().sorted().map(Texts::of).collect(java.util.stream.Collectors.joining(chinese() ? "\u3001" : ", ")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * Where a dossier stands against its time limit (core {@link Timeliness}, the one rule): an open
	 * dossier's countdown, marked at risk or overdue; for a decided one, whether it kept its limit and
	 * the working days it used. The queue's deadline column and the dossier part say the same.
	 */
	public static String of(Timeliness t) {
		int n = t.days();
		// MessageFormat, not NLS.bind: the English texts choose "day" or "days" by the number
		return switch (t.kind()) {
			case DECIDED_ON_TIME -> MessageFormat.format(Messages.Timeliness_decidedOnTime, n, t.limit());
			case DECIDED_LATE -> MessageFormat.format(Messages.Timeliness_decidedLate, n, t.limit());
			case CLOSED -> Messages.Timeliness_closed;
			case OPEN -> t.overdue() ? MessageFormat.format(Messages.Timeliness_overdue, -n)
					: t.atRisk() ? MessageFormat.format(Messages.Timeliness_atRisk, n)
							: MessageFormat.format(Messages.Timeliness_daysLeft, n);
		};
	}

	/** A moment as a Beijing date and time. */
	public static String time(Instant t) {
		return t == null ? "" : DATE_TIME.format(t); //$NON-NLS-1$
	}
}
