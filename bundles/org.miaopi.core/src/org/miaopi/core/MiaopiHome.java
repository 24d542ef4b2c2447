package org.miaopi.core;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The desk's private directory: the encrypted store, its boot key, the seal keystores and the
 * workbench state live here. Resolved from the system property {@code miaopi.home}, then the
 * environment variable {@code MIAOPI_HOME}, then {@code ~/.miaopi}.
 */
public final class MiaopiHome {

	public static final String PROPERTY = "miaopi.home";
	public static final String ENVIRONMENT = "MIAOPI_HOME";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	private final Path root;

	private MiaopiHome(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/** The home the running desk uses; not created yet, see {@link #ensureExists()}. */
	public static MiaopiHome current() {
		String configured = System.getProperty(PROPERTY);
		if (configured == null || configured.isBlank()) {
			configured = System.getenv(ENVIRONMENT);
		}
		if (configured == null || configured.isBlank()) {
			return new MiaopiHome(Path.of(System.getProperty("user.home"), ".miaopi"));
		}
		return new MiaopiHome(Path.of(configured));
	}

	public static MiaopiHome at(Path root) {
		return new MiaopiHome(root);
	}

	public Path root() {
		return root;
	}

	public Path resolve(String relative) {
		return root.resolve(relative);
	}

	/**
	 * Creates the home if needed and restricts it to its owner: it holds key material, so other
	 * accounts on a shared desk must not read it.
	 */
	public MiaopiHome ensureExists() throws IOException {
		Files.createDirectories(root);
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(root, OWNER_ONLY);
		}
		return this;
	}

	@Override
	public String toString() {
		return root.toString();
	}
}
