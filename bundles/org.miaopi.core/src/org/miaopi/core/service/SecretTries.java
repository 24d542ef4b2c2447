package org.miaopi.core.service;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Asks a person for a secret through a {@link SecretPrompt} until it opens what it protects, at
 * most {@value #TRIES} times: the one loop behind the store's password, the seal custodian's
 * password and the tokens' PINs. Each answer is wiped once tried; whoever keeps the secret for the
 * session keeps a copy.
 */
public final class SecretTries {

	/** How many answers a person may give before the secret's owner gives up. */
	public static final int TRIES = 3;

	/** One try with the given answer: what it opened, or an exception. */
	@FunctionalInterface
	public interface Attempt<T> {
		T open(char[] secret);
	}

	private SecretTries() {
	}

	/**
	 * @param wrong     which failures mean "wrong secret" (asked again, saying {@code wrongWords});
	 *                  any other failure is thrown at once, as is the last wrong one
	 * @return what the secret opened, or empty when the person gave nothing (cancelled, or no one to ask)
	 */
	public static <T> Optional<T> ask(SecretPrompt prompt, SecretPrompt.Secret what, String where, String wrongWords,
			Predicate<RuntimeException> wrong, Attempt<T> attempt) {
		String problem = null;
		for (int tried = 1;; tried++) {
			Optional<char[]> given = prompt == null ? Optional.empty() : prompt.ask(what, where, problem);
			if (given.isEmpty()) {
				return Optional.empty();
			}
			char[] secret = given.get();
			try {
				return Optional.of(attempt.open(secret));
			} catch (RuntimeException e) {
				if (!wrong.test(e) || tried >= TRIES) {
					throw e;
				}
				problem = wrongWords;
			} finally {
				Arrays.fill(secret, '\0');
			}
		}
	}
}
