package org.miaopi.hub;

import java.io.PrintStream;
import java.util.List;

import org.miaopi.hub.HubApplication.UsageError;
import org.miaopi.hub.store.HubUser;
import org.miaopi.hub.store.HubUsers;

/** {@code ./miaopi hub users ...}: the city's users at the hub (docs/hub.md, "Users"). */
final class HubUsersJob {

	private HubUsersJob() {
	}

	static void run(HubUserAdmin admin, HubUsers users, List<String> args, PrintStream out) throws UsageError {
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
			default -> throw new UsageError("unknown users job '" + verb + "'"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		} catch (IllegalArgumentException e) {
			throw new UsageError(e.getMessage());
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
