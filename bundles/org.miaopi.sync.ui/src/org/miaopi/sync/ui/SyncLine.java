package org.miaopi.sync.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.eclipse.osgi.util.NLS;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.sync.SyncStatus;

/** The status bar's words for a sync status: "Offline since 10:42 · 17 waiting". */
public final class SyncLine {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ChinaTime.ZONE); //$NON-NLS-1$

	private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ChinaTime.ZONE); //$NON-NLS-1$

	private SyncLine() {
	}

	public static String text(SyncStatus s) {
		if (!s.enrolled()) {
			return Messages.Sync_alone;
		}
		if (s.running()) {
			return Messages.Sync_running;
		}
		String waiting = String.format("%,d", s.waiting()); //$NON-NLS-1$
		if (s.offlineSince() != null && !s.online()) {
			return NLS.bind(Messages.Sync_offline, clock(s.offlineSince()), waiting);
		}
		if (s.problem() != null) {
			return NLS.bind(Messages.Sync_refused, waiting);
		}
		if (s.lastEnded() != null && !s.online()) {
			// a sync of an earlier session (the workbench or ./miaopi sync): not yet tried since start
			return NLS.bind(Messages.Sync_last, when(s.lastEnded()), waiting);
		}
		if (s.lastEnded() != null) {
			return NLS.bind(Messages.Sync_online, clock(s.lastEnded()), waiting);
		}
		return NLS.bind(Messages.Sync_notYet, waiting);
	}

	/** The tooltip: when the last sync ended, the hub's last word if it refused, and the key. */
	public static String tip(SyncStatus s, long intervalMinutes) {
		if (!s.enrolled()) {
			return Messages.Sync_aloneTip;
		}
		StringBuilder t = new StringBuilder(s.lastEnded() == null ? Messages.Sync_tipNever
				: NLS.bind(Messages.Sync_tipLastEnded, clock(s.lastEnded())));
		if (s.problem() != null) {
			t.append('\n').append(s.problem());
		}
		return t.append('\n').append(NLS.bind(Messages.Sync_tipKeys, intervalMinutes)).toString();
	}

	/** "10:42" today, "12-03 10:42" on another day (China time). */
	static String when(Instant t) {
		boolean today = t.atZone(ChinaTime.ZONE).toLocalDate().equals(Instant.now().atZone(ChinaTime.ZONE).toLocalDate());
		return today ? clock(t) : DAY_CLOCK.format(t);
	}

	static String clock(Instant t) {
		return CLOCK.format(t);
	}
}
