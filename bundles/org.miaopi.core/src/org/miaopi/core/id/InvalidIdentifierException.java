package org.miaopi.core.id;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * An identifier that cannot be accepted. {@link #problem()} says which rule failed so that
 * callers can react (e.g. highlight a field); the message names exactly what is wrong, in
 * English from {@link #getMessage()} and in the user's language from
 * {@link #getLocalizedMessage()}.
 */
public final class InvalidIdentifierException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private static final String BUNDLE = "org.miaopi.core.id.messages";

	/** The rule an identifier broke, in the order the rules are checked. */
	public enum Problem {
		EMPTY, LENGTH, CHARACTERS, PROVINCE, BIRTH_DATE, CHECKSUM
	}

	private final Problem problem;
	private final String messageKey;
	private final String[] arguments;

	InvalidIdentifierException(Problem problem, String messageKey, List<String> arguments) {
		super(messageKey);
		this.problem = Objects.requireNonNull(problem);
		this.messageKey = Objects.requireNonNull(messageKey);
		this.arguments = arguments.toArray(String[]::new);
	}

	public Problem problem() {
		return problem;
	}

	/** The English message; logs and audit details stay readable whatever the desk's locale. */
	@Override
	public String getMessage() {
		return getMessage(Locale.ROOT);
	}

	@Override
	public String getLocalizedMessage() {
		return getMessage(Locale.getDefault());
	}

	/** The message in {@code locale}; Chinese locales get Simplified Chinese, all others English. */
	public String getMessage(Locale locale) {
		return format(messageKey, arguments, locale);
	}

	private static String format(String key, Object[] arguments, Locale locale) {
		// No fallback to the default locale: asking for English on a Chinese desk must give English.
		ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
				InvalidIdentifierException.class.getClassLoader(),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		return new MessageFormat(bundle.getString(key), locale).format(arguments);
	}
}
