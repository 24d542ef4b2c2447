package org.miaopi.cli.admin;

import java.io.Console;

import org.miaopi.cli.ConsoleSecretPrompt;
import org.miaopi.cli.UsageException;

/**
 * The PIN of a PKCS#11 token for an admin's job: from {@value #ENV}, else typed at a terminal. A job
 * with no terminal (a pipe, a scheduled run) is asked nothing: since Java 22 there is a console
 * even then, and reading it would take the PIN from whatever the pipe carries.
 */
public final class TokenPin {

	/** Where a job finds the token's PIN; the same setting opens the token at a headless sign-in or seal. */
	public static final String ENV = "MIAOPI_TOKEN_PIN";

	private TokenPin() {
	}

	public static char[] read() {
		return read(System.getenv(ENV), System.console());
	}

	/** @throws UsageException when neither the setting nor a terminal gives a PIN */
	static char[] read(String set, Console console) {
		if (set != null && !set.isEmpty()) {
			return set.toCharArray();
		}
		char[] typed = console == null || !ConsoleSecretPrompt.isTerminal(console) ? null : console.readPassword("PIN of the token: ");
		if (typed == null || typed.length == 0) {
			throw new UsageException("give the token's PIN in " + ENV + " or type it at a terminal");
		}
		return typed;
	}
}
