package org.miaopi.ui.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import javax.xml.parsers.DocumentBuilderFactory;

/**
 * The window layout e4 saves in the workspace (workbench.xmi). A layout that cannot be parsed,
 * or that an older build wrote, is moved aside so the workbench starts with its default layout
 * instead of failing or showing parts that no longer exist.
 */
public final class PersistedLayout {

	static final String MODEL_FILE = ".metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi"; //$NON-NLS-1$
	static final String VERSION_FILE = ".metadata/.plugins/org.miaopi.ui/layout.version"; //$NON-NLS-1$

	/** What {@link #check} found and did. */
	public record Outcome(Kind kind, String detail, Path movedTo) {
	}

	public enum Kind {
		NONE, KEPT, CORRUPT_MOVED, OTHER_VERSION_MOVED
	}

	private final Path workspace;

	public PersistedLayout(Path workspace) {
		this.workspace = workspace;
	}

	public Path modelFile() {
		return workspace.resolve(MODEL_FILE);
	}

	public Outcome check(String currentVersion) throws IOException {
		Path model = modelFile();
		Path versionFile = workspace.resolve(VERSION_FILE);
		String savedVersion = Files.exists(versionFile) ? Files.readString(versionFile).trim() : null;
		Outcome outcome;
		if (!Files.exists(model)) {
			outcome = new Outcome(Kind.NONE, null, null);
		} else {
			String problem = parseProblem(model);
			if (problem != null) {
				outcome = new Outcome(Kind.CORRUPT_MOVED, problem, moveAside(model, "corrupt")); //$NON-NLS-1$
			} else if (!currentVersion.equals(savedVersion)) {
				outcome = new Outcome(Kind.OTHER_VERSION_MOVED, String.valueOf(savedVersion),
						moveAside(model, "old")); //$NON-NLS-1$
			} else {
				outcome = new Outcome(Kind.KEPT, null, null);
			}
		}
		Files.createDirectories(versionFile.getParent());
		Files.writeString(versionFile, currentVersion);
		return outcome;
	}

	private static String parseProblem(Path model) {
		try (InputStream in = Files.newInputStream(model)) {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); //$NON-NLS-1$
			factory.newDocumentBuilder().parse(in);
			return null;
		} catch (Exception e) {
			return e.getClass().getSimpleName() + ": " + e.getMessage(); //$NON-NLS-1$
		}
	}

	private static Path moveAside(Path model, String why) throws IOException {
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")); //$NON-NLS-1$
		Path target = model.resolveSibling("workbench.xmi." + why + "-" + stamp); //$NON-NLS-1$ //$NON-NLS-2$
		return Files.move(model, target, StandardCopyOption.REPLACE_EXISTING);
	}
}
