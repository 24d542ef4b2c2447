package org.miaopi.hub;

import java.io.PrintStream;
import java.util.List;

import org.miaopi.hub.HubApplication.UsageError;
import org.miaopi.hub.store.HubUser;
import org.miaopi.hub.store.HubUsers;
import org.miaopi.hub.store.SourceStates;
import org.miaopi.core.model.SharedSource;

/** {@code ./miaopi hub users ...} and {@code hub sources ...}: what the hub keeps for the desks' own running (docs/hub.md). */
final class HubUsersJob {

	private HubUsersJob() {
	}

	static void run(HubUserAdmin admin, HubUsers users, List<String> args, PrintStream out) throws UsageError {
		run(admin, users, null, args, out);
	}

	/** @param keys the officers' decision certificates the hub knows ({@code keys}, {@code revoke-key}) */
	static void run(HubUserAdmin admin, HubUsers users, org.miaopi.hub.store.OfficerCertificates keys, List<String> args, PrintStream out)
			throws UsageError {
		String verb = args.isEmpty() ? "list" : args.remove(0); //$NON-NLS-1$
		try {
			switch (verb) {
			case "list" -> { //$NON-NLS-1$
				count(args, 0, "list"); //$NON-NLS-1$
				for (HubUser u : users.all()) {
					out.println(HubUserAdmin.line(u));
				}
			}
			case "add" -> { //$NON-NLS-1$
				count(args, 4, "add ID NAME DEPT ROLE"); //$NON-NLS-1$
				String password = admin.create(args.get(0), args.get(1), args.get(2), args.get(3));
				out.println(password);
				out.println("(one-time password of " + args.get(0) + ", shown once: it must be changed at the first sign-in; the desks of " //$NON-NLS-1$ //$NON-NLS-2$
						+ args.get(2) + " take the account at their next sync)"); //$NON-NLS-1$
			}
			case "lock" -> { //$NON-NLS-1$
				count(args, 2, "lock ID REASON"); //$NON-NLS-1$
				say(out, admin.lock(args.get(0), args.get(1)), args.get(0) + " is locked; desks lock the account at their next sync", //$NON-NLS-1$
						args.get(0) + " was locked already"); //$NON-NLS-1$
			}
			case "unlock" -> { //$NON-NLS-1$
				count(args, 1, "unlock ID"); //$NON-NLS-1$
				say(out, admin.unlock(args.get(0)), args.get(0) + " is unlocked", args.get(0) + " was not locked (or was removed)"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			case "reset" -> { //$NON-NLS-1$
				count(args, 1, "reset ID"); //$NON-NLS-1$
				out.println(admin.resetPassword(args.get(0)));
				out.println("(new one-time password of " + args.get(0) + ", shown once)"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			case "remove" -> { //$NON-NLS-1$
				count(args, 1, "remove ID"); //$NON-NLS-1$
				say(out, admin.remove(args.get(0)), args.get(0) + " is removed; desks lock the account at their next sync", //$NON-NLS-1$
						args.get(0) + " was removed already"); //$NON-NLS-1$
			}
			case "keys" -> { //$NON-NLS-1$
				if (args.size() > 1 || keys == null) {
					throw new UsageError("users keys [ID]"); //$NON-NLS-1$
				}
				for (var k : keys.of(args.isEmpty() ? null : args.get(0))) {
					out.println(k.fingerprint() + "  " + k.officer() + "  " + k.department() + "  first from " + k.desk() + " on " + k.firstSeen() //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
							+ (k.revokedAt() == null ? "" : "  REVOKED " + k.revokedAt() + " (" + k.revokedReason() + ")")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				}
			}
			case "revoke-key" -> { //$NON-NLS-1$
				count(args, 2, "revoke-key FINGERPRINT REASON"); //$NON-NLS-1$
				if (keys == null || args.get(1).isBlank()) {
					throw new UsageError("users revoke-key FINGERPRINT REASON"); //$NON-NLS-1$
				}
				say(out, keys.revoke(args.get(0), args.get(1).strip()), "certificate " + args.get(0) //$NON-NLS-1$
						+ " is revoked: decisions dated from now on under it are refused at the hub", args.get(0) + " was revoked already"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			default -> throw new UsageError("unknown users job '" + verb + "'"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		} catch (IllegalArgumentException e) {
			throw new UsageError(e.getMessage());
		}
	}

	static void sources(SourceStates sources, List<String> args, PrintStream out) throws UsageError {
		String verb = args.isEmpty() ? "list" : args.remove(0); //$NON-NLS-1$
		switch (verb) {
		case "list" -> { //$NON-NLS-1$
			count(args, 0, "sources list"); //$NON-NLS-1$
			java.util.Map<String, SourceStates.State> set = new java.util.HashMap<>();
			sources.changes(0, Integer.MAX_VALUE - 1).items().forEach(s -> set.put(s.source(), s));
			for (SharedSource s : SharedSource.values()) {
				SourceStates.State st = set.get(s.name());
				out.println(String.format(java.util.Locale.ROOT, "%-24s %s", s.name(), //$NON-NLS-1$
						st == null || st.available() ? "available" : "UNAVAILABLE since " + st.updatedAt() + " (" + st.note() + ")")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			}
		}
		case "offline", "online" -> { //$NON-NLS-1$ //$NON-NLS-2$
			boolean offline = verb.equals("offline"); //$NON-NLS-1$
			count(args, offline ? 2 : 1, offline ? "sources offline SOURCE REASON" : "sources online SOURCE"); //$NON-NLS-1$ //$NON-NLS-2$
			SharedSource s;
			try {
				s = SharedSource.valueOf(args.get(0).toUpperCase(java.util.Locale.ROOT));
			} catch (IllegalArgumentException e) {
				throw new UsageError("no source '" + args.get(0) + "'; the sources are " + java.util.Arrays.toString(SharedSource.values())); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (offline && args.get(1).isBlank()) {
				throw new UsageError("marking a source unavailable needs a reason"); //$NON-NLS-1$
			}
			boolean changed = sources.set(s.name(), !offline, offline ? args.get(1).strip() : null);
			say(out, changed, s.name() + (offline ? " is unavailable" : " is available") + "; desks follow at their next sync", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					s.name() + " was " + (offline ? "unavailable" : "available") + " already"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		default -> throw new UsageError("unknown sources job '" + verb + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static void count(List<String> args, int n, String form) throws UsageError {
		if (args.size() != n) {
			throw new UsageError("users " + form); //$NON-NLS-1$
		}
	}

	private static void say(PrintStream out, boolean changed, String yes, String no) {
		out.println("hub: " + (changed ? yes : no)); //$NON-NLS-1$
	}
}
