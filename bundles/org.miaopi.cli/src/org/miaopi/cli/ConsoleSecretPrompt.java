package org.miaopi.cli;

import java.io.Console;
import java.util.Optional;

import org.miaopi.core.service.SecretPrompt;
import org.osgi.service.component.annotations.Component;

/**
 * Asks on the terminal, without echo. A job with no terminal (a pipe, a scheduled run) is asked
 * nothing: the secret then comes from its setting ({@code MIAOPI_SEAL_PASSWORD},
 * {@code MIAOPI_STORE_PASSWORD}).
 */
@Component(service = SecretPrompt.class)
public class ConsoleSecretPrompt implements SecretPrompt {

	@Override
	public Optional<char[]> ask(Secret what, String where, String problem) {
		Console console = System.console();
		if (console == null || !isTerminal(console)) {
			return Optional.empty();
		}
		if (problem != null) {
			console.printf("miaopi: %s%n", problem); //$NON-NLS-1$
		}
		String question = switch (what) {
			case SEAL_KEYSTORE -> "Password of the seal keystore's custodian (%s): "; //$NON-NLS-1$
			case STORE -> "Password of the desk's store (%s): "; //$NON-NLS-1$
			case TOKEN_PIN -> "PIN of the token that holds the decision key of %s: "; //$NON-NLS-1$
			case SEAL_TOKEN_PIN -> "PIN of the token that holds the seal key of %s: "; //$NON-NLS-1$
		};
		char[] answer = console.readPassword(question, where);
		return answer == null || answer.length == 0 ? Optional.empty() : Optional.of(answer);
	}

	/**
	 * Since Java 22 there is a console even when the streams are redirected: asking then would read
	 * a password from a pipe meant for something else (or wait on it), so only a terminal is asked.
	 */
	public static boolean isTerminal(Console console) {
		try {
			return (Boolean) Console.class.getMethod("isTerminal").invoke(console); //$NON-NLS-1$
		} catch (NoSuchMethodException before22) {
			return true; // before Java 22 a console is always a terminal
		} catch (ReflectiveOperationException e) {
			return false;
		}
	}
}
