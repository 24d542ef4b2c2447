package org.miaopi.seal;

import org.miaopi.core.service.SecretPrompt;
import org.miaopi.core.service.SecretTries;

/**
 * Opening a department's seal key that lives in a PKCS#11 token: the PIN, where it comes from, the
 * three tries, and what the custodian is told when the module, the token or the PIN fails. The
 * seal service keeps the opened key for the session ({@link FileSealService#seal}).
 */
final class TokenUnlock {

	private TokenUnlock() {
	}

	/**
	 * Opens the token that holds the department's seal key, with the PIN from {@value FileOfficerKeys#PIN_ENV}
	 * or asked through the {@link SecretPrompt} (three tries); the opened key is kept for the session.
	 * Nothing falls back to another key: a token that cannot be opened is an error that says which.
	 *
	 * @param e the token's entry ({@code tokens/<code>.token})
	 */
	static Seal open(String code, SealTokenFiles.Entry e, SecretPrompt prompt) {
		SealToken t = e.token();
		String advice = "; plug the token in (or install its module) and seal again, or set the seal up anew with ./miaopi seals token " //$NON-NLS-1$
				+ code + " MODULE SLOT. Nothing was sealed."; //$NON-NLS-1$
		if (!java.nio.file.Files.isReadable(t.module())) {
			throw new SealException(SealException.Code.FAILED, "the seal key of " + code + " is in the PKCS#11 token in slot " + t.slot() //$NON-NLS-1$ //$NON-NLS-2$
					+ " of " + t.module() + ", but there is no such module" + advice); //$NON-NLS-1$ //$NON-NLS-2$
		}
		SecretTries.Attempt<Seal> open = pin -> {
			try {
				return Pkcs11Token.open(t.module(), t.slot(), pin).seal(t.alias(), code, e.departmentName(), e.chain());
			} catch (SealException x) {
				if (FileSealService.wrongSecret(x)) {
					throw x;
				}
				throw new SealException(x.code(), "the seal key of " + code + " is in the PKCS#11 token in slot " + t.slot() + " of " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ t.module() + ", which cannot be used: " + x.getMessage() + advice, x); //$NON-NLS-1$
			}
		};
		String set = System.getenv(FileOfficerKeys.PIN_ENV);
		Seal opened;
		try {
			opened = set != null && !set.isEmpty() ? open.open(set.toCharArray())
					: SecretTries.ask(prompt, SecretPrompt.Secret.SEAL_TOKEN_PIN, code + " (" + t.where() + ")", "wrong PIN", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							FileSealService::wrongSecret, open).orElseThrow(() -> new SealException(SealException.Code.PASSWORD_NEEDED,
									"the seal key of " + code + " is in the PKCS#11 token in slot " + t.slot() + " of " + t.module() //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
											+ " and stays locked: its PIN was not given (a job with no one to ask takes it from " //$NON-NLS-1$
											+ FileOfficerKeys.PIN_ENV + "). Nothing was sealed.")); //$NON-NLS-1$
		} catch (SealException x) {
			if (!FileSealService.wrongSecret(x)) {
				throw x;
			}
			throw new SealException(SealException.Code.WRONG_PASSWORD, "the PKCS#11 token in slot " + t.slot() + " of " + t.module() //$NON-NLS-1$ //$NON-NLS-2$
					+ " refused the PIN" + (set != null && !set.isEmpty() ? " in " + FileOfficerKeys.PIN_ENV : " " + SecretTries.TRIES + " times") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					+ "; the seal of " + code + " stays locked. Nothing was sealed.", x); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return opened;
	}
}
