package org.miaopi.core.id;

import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of checking an identifier without throwing: either the parsed value or the
 * reason it was refused. Forms use it to show a message while the user types.
 */
public final class Validation<T> {

	private final T value;
	private final InvalidIdentifierException error;

	private Validation(T value, InvalidIdentifierException error) {
		this.value = value;
		this.error = error;
	}

	static <T> Validation<T> valid(T value) {
		return new Validation<>(value, null);
	}

	static <T> Validation<T> invalid(InvalidIdentifierException error) {
		return new Validation<>(null, error);
	}

	public boolean isValid() {
		return error == null;
	}

	/** The parsed identifier; throws the refusal when the input was not valid. */
	public T value() {
		if (error != null) {
			throw error;
		}
		return value;
	}

	public Optional<T> toOptional() {
		return Optional.ofNullable(value);
	}

	public Optional<InvalidIdentifierException.Problem> problem() {
		return error == null ? Optional.empty() : Optional.of(error.problem());
	}

	public Optional<InvalidIdentifierException> error() {
		return Optional.ofNullable(error);
	}

	/** The English message, or empty when valid. */
	public String message() {
		return error == null ? "" : error.getMessage();
	}

	/** The message in {@code locale}, or empty when valid. */
	public String message(Locale locale) {
		return error == null ? "" : error.getMessage(locale);
	}

	@Override
	public String toString() {
		return isValid() ? "valid " + value : "invalid: " + error.getMessage();
	}
}
