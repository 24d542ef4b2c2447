package org.miaopi.cli;

/** Wrong or missing arguments: the CLI prints the message and the subcommand's usage. */
public class UsageException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public UsageException(String message) {
		super(message);
	}
}
