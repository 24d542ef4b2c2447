package org.miaopi.updates;

/**
 * A plugin change that was refused before anything was installed: the reason says which rule, the
 * message says it in plain words (naming the artifact, the signer key or the version needed).
 */
public class PluginRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public enum Reason {
		/** No PGP signature at all (a jar signed only with an X.509 certificate counts as unsigned here). */
		UNSIGNED,
		/** Signed with a PGP key that is not Miaopi's code-signing key. */
		FOREIGN_SIGNER,
		/** A PGP signature that claims Miaopi's key but does not verify. */
		BAD_SIGNATURE,
		/** Signed only with an X.509 certificate (even one a public CA vouches for). */
		CERTIFICATE_ONLY,
		/** The artifact's bytes do not match the checksum the repository states. */
		CHECKSUM,
		/** The plugin needs an API version this desk does not have. */
		INCOMPATIBLE,
		NOT_FOUND, ALREADY_INSTALLED, NOT_INSTALLED, PART_OF_PRODUCT, NOTHING_TO_ROLL_BACK, NOT_ALLOWED,
		/** The repository could not be read. */
		REPOSITORY, FAILED
	}

	private final Reason reason;
	private final String subject;

	public PluginRefusedException(Reason reason, String subject, String message) {
		super(message);
		this.reason = reason;
		this.subject = subject;
	}

	public Reason reason() {
		return reason;
	}

	/** The plugin, artifact or key the refusal is about. */
	public String subject() {
		return subject;
	}
}
