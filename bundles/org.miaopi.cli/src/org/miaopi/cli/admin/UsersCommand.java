package org.miaopi.cli.admin;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.miaopi.admin.UserAdmin;
import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.service.UserAccount;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi users list|add|set|lock|unlock|reset [--as ADMIN]}: the desk's users, managed by
 * an admin who signs in for the job (see {@link AdminSignIn}); the same service as the Admin
 * perspective's Users part, so the store enforces the role and audits every change.
 */
@Component(service = Subcommand.class)
public class UsersCommand implements Subcommand {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

	@Reference
	private UserAdmin users;
	@Reference
	private SignInService signIns;
	@Reference
	private StoreAdmin store;

	@Override
	public String name() {
		return "users";
	}

	@Override
	public String summary() {
		return "the desk's users (admin): list, add an officer or supervisor, set department and role, lock, unlock, reset a password,"
				+ " put an officer's signing key on a PKCS#11 token";
	}

	@Override
	public String usage() {
		return "list | add ID NAME DEPT ROLE | set ID DEPT ROLE | lock ID REASON | unlock ID | reset ID | token ID MODULE SLOT"
				+ "  [--as ADMIN (default admin);"
				+ " password from " + AdminSignIn.PASSWORD_ENV + ", the console or standard input; none in demo mode]"
				+ " (ROLE: officer, supervisor or admin; token: MODULE is the token's PKCS#11 library, e.g. "
				+ "/usr/lib/softhsm/libsofthsm2.so, the PIN from " + TOKEN_PIN_ENV + " or the console)";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Options o = Options.parse(args).allow("--as");
		List<String> w = o.words;
		String what = w.isEmpty() ? "list" : w.get(0);
		int arity = switch (what) {
		case "list" -> 1;
		case "add" -> 5;
		case "set" -> 4;
		case "lock" -> -3; // and more words of the reason
		case "unlock", "reset" -> 2;
		case "token" -> 4;
		default -> throw new UsageException("unknown action '" + what + "'; say list, add, set, lock, unlock, reset or token");
		};
		if (arity > 0 ? w.size() != arity : w.size() < -arity) {
			throw new UsageException(what + ": wrong number of arguments");
		}
		Officer admin = AdminSignIn.signIn(signIns, store, o.values.get("--as"));
		try {
			switch (what) {
			case "list" -> list(admin, out);
			case "add" -> {
				String oneTime = users.create(admin, w.get(1), w.get(2), w.get(3).toUpperCase(Locale.ROOT), role(w.get(4)));
				out.println("created " + w.get(1) + "; one-time password (give it to the user; it must be changed at the first sign-in): "
						+ oneTime);
			}
			case "set" -> out.println(users.change(admin, w.get(1), w.get(2).toUpperCase(Locale.ROOT), role(w.get(3)))
					? w.get(1) + " is now " + role(w.get(3)).name().toLowerCase(Locale.ROOT) + " of " + w.get(2).toUpperCase(Locale.ROOT)
					: "nothing to change");
			case "lock" -> out.println(users.lock(admin, w.get(1), String.join(" ", w.subList(2, w.size())))
					? w.get(1) + " is locked: cannot sign in until unlocked" : w.get(1) + " already was locked");
			case "unlock" -> out.println(users.unlock(admin, w.get(1)) ? w.get(1) + " is unlocked" : w.get(1) + " was not locked");
			case "reset" -> out.println("new one-time password of " + w.get(1) + " (it must be changed at the next sign-in): "
					+ users.resetPassword(admin, w.get(1)));
			case "token" -> token(admin, w.get(1), w.get(2), w.get(3), out);
			default -> throw new IllegalStateException(what);
			}
		} finally {
			signIns.signOut(admin);
		}
		return OK;
	}

	static final String TOKEN_PIN_ENV = TokenPin.ENV;

	private void token(Officer admin, String id, String module, String slot, PrintStream out) {
		long slotNo;
		try {
			slotNo = Long.parseLong(slot);
		} catch (NumberFormatException e) {
			throw new UsageException("the slot is a number (softhsm2-util --show-slots lists them): '" + slot + "'");
		}
		char[] pin = TokenPin.read();
		try {
			String serial = users.moveKeyToToken(admin, id, java.nio.file.Path.of(module), slotNo, pin);
			out.println(id + "'s decision key was made inside the token in slot " + slot + " (certificate " + serial
					+ "); from now on sign-in asks for the token's PIN, and the password-protected key is retired");
		} finally {
			java.util.Arrays.fill(pin, '\0');
		}
	}

	private void list(Officer admin, PrintStream out) {
		out.printf("%-20s %-12s %-8s %-12s %s%n", "user", "name", "dept", "role", "state");
		for (UserAccount a : users.users(admin)) {
			Officer u = a.officer();
			String state = a.locked() ? "LOCKED by an admin" + (a.lockReason() == null ? "" : ": " + a.lockReason())
					: a.lockedUntil() != null ? "LOCKED until " + TIME.format(a.lockedUntil()) + " (failed sign-ins)"
							: a.mustChangePassword() ? "one-time password, to change at the next sign-in" : "active";
			out.printf("%-20s %-12s %-8s %-12s %s%n", u.id(), u.name(), u.departmentCode(),
					String.join(",", u.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList()), state);
		}
	}

	private static Role role(String word) {
		try {
			Role r = Role.valueOf(word.toUpperCase(Locale.ROOT));
			if (UserAdmin.ROLES.contains(r)) {
				return r;
			}
		} catch (IllegalArgumentException e) {
			// below
		}
		throw new UsageException("no role '" + word + "'; say officer, supervisor or admin");
	}
}
