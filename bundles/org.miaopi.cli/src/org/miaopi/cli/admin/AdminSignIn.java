package org.miaopi.cli.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.SignInResult;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.StoreAdmin;

/**
 * Who a headless admin job acts as: the admin signs in like at the workbench (same lock rules, same
 * audit events), with the password from {@value #PASSWORD_ENV}, the console, or a line on standard
 * input. In demo mode (and only then) the named admin signs in without a password.
 */
public final class AdminSignIn {

	public static final String PASSWORD_ENV = "MIAOPI_PASSWORD";
	/** The demo's admin, and the default of {@code --as}. */
	public static final String DEFAULT_ADMIN = "admin";

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

	private AdminSignIn() {
	}

	/** @throws IllegalStateException with the reason in words when the admin cannot act */
	public static Officer signIn(SignInService signIns, StoreAdmin store, String adminId) {
		String id = adminId == null ? DEFAULT_ADMIN : adminId;
		Officer officer;
		if (store.demoMode()) {
			officer = signIns.signInOnDemoStore(id).orElseThrow(() -> new IllegalStateException(id + " is not a user of this desk"));
		} else {
			char[] password = password(id);
			SignInResult r;
			try {
				r = signIns.attempt(id, password);
			} finally {
				java.util.Arrays.fill(password, '\0');
			}
			officer = switch (r.outcome()) {
			case SIGNED_IN -> r.officer();
			case MUST_CHANGE_PASSWORD -> throw new IllegalStateException(
					id + " has a one-time password: sign in at the workbench once to choose your own");
			case LOCKED -> throw new IllegalStateException(id + " is locked after too many wrong passwords until "
					+ UNTIL.format(r.lockedUntil()));
			case LOCKED_BY_ADMIN -> throw new IllegalStateException(id + " is locked by an admin");
			case REFUSED -> throw new IllegalStateException("wrong password or unknown user '" + id + "'");
			};
		}
		if (!officer.hasRole(Role.ADMIN)) {
			signIns.signOut(officer);
			throw new IllegalStateException(id + " is not an admin: only an admin may do this");
		}
		return officer;
	}

	private static char[] password(String id) {
		String env = System.getenv(PASSWORD_ENV);
		if (env != null && !env.isEmpty()) {
			return env.toCharArray();
		}
		if (System.console() != null) {
			char[] typed = System.console().readPassword("Password of %s: ", id);
			return typed == null ? new char[0] : typed;
		}
		try {
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			return line == null ? new char[0] : line.toCharArray();
		} catch (IOException e) {
			return new char[0];
		}
	}
}
