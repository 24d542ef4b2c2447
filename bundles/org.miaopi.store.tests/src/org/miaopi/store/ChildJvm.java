package org.miaopi.store;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * A second desk in another JVM: a plain {@code java} process whose class path is made of the
 * jars (or class folders) of the bundles this test runs on, starting {@link CrashWorker}.
 */
final class ChildJvm implements AutoCloseable {

	private static final Set<String> NEEDED = Set.of("org.miaopi.core", "org.miaopi.store", "org.miaopi.store.tests",
			"derby", "derbyshared", "jakarta.persistence-api", "org.eclipse.persistence.core",
			"org.eclipse.persistence.jpa", "org.eclipse.persistence.jpa.jpql", "org.eclipse.persistence.asm", "com.ibm.icu");

	final Process process;
	final List<String> lines = new CopyOnWriteArrayList<>();
	private final Thread reader;

	ChildJvm(String... args) throws IOException {
		List<String> cmd = new ArrayList<>();
		cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		cmd.add("-Xmx256m");
		cmd.add("-XX:TieredStopAtLevel=1"); // starts faster; the child lives for a second
		cmd.add("-XX:+UseSerialGC");
		cmd.add("-Dderby.stream.error.file=" + System.getProperty("derby.stream.error.file", "/dev/null"));
		cmd.add("-cp");
		cmd.add(String.join(File.pathSeparator, classPath()));
		cmd.add(CrashWorker.class.getName());
		cmd.addAll(List.of(args));
		process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		reader = new Thread(() -> {
			try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line; (line = r.readLine()) != null;) {
					lines.add(line);
				}
			} catch (IOException ignored) {
				// the process was killed
			}
		});
		reader.setDaemon(true);
		reader.start();
	}

	/** Waits until the child printed READY (its store is open). */
	void awaitReady() throws InterruptedException {
		awaitLine("READY");
	}

	/** Waits until the child printed a line starting with {@code prefix}. */
	void awaitLine(String prefix) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (lines.stream().noneMatch(l -> l.startsWith(prefix))) {
			if (!process.isAlive()) {
				reader.join(2000);
				throw new IllegalStateException("the child JVM ended before " + prefix + ": " + lines + "; class path " + classPath());
			}
			if (System.nanoTime() > until) {
				throw new IllegalStateException("the child JVM printed no " + prefix + " in 60 s: " + lines);
			}
			Thread.sleep(10);
		}
	}

	/** SIGKILL: no shutdown hooks, no Derby shutdown, exactly like pulling the plug on the process. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(60, TimeUnit.SECONDS);
		// every line the child wrote before it died is still in the pipe: read to its end, however
		// long a loaded machine takes, or a committed-and-reported step would look unreported
		reader.join(60_000);
		if (reader.isAlive()) {
			throw new IllegalStateException("the child's output was not read to its end within 60 s");
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			kill();
		}
	}

	static List<String> classPath() {
		Bundle self = FrameworkUtil.getBundle(ChildJvm.class);
		BundleContext ctx = self.getBundleContext();
		if (ctx == null) {
			ctx = FrameworkUtil.getBundle(org.osgi.framework.Bundle.class) == null ? null
					: FrameworkUtil.getBundle(org.osgi.framework.Bundle.class).getBundleContext();
		}
		if (ctx == null) {
			throw new IllegalStateException("no bundle context to find the jars");
		}
		List<String> entries = new ArrayList<>();
		for (Bundle b : ctx.getBundles()) {
			String name = b.getSymbolicName();
			// EclipseLink needs an ASM implementation even with weaving off
			if (name != null && (NEEDED.contains(name) || name.startsWith("org.objectweb.asm"))) {
				entries.addAll(entriesOf(b.getLocation()));
			}
		}
		return entries;
	}

	private static Path installArea() {
		String area = System.getProperty("osgi.install.area");
		if (area == null) {
			return Path.of("").toAbsolutePath();
		}
		return Path.of(java.net.URI.create(area.replace(" ", "%20")));
	}

	private static List<String> entriesOf(String location) {
		// Equinox locations read like "initial@reference:file:/path/x.jar"
		int file = location.indexOf("file:");
		String path = file < 0 ? location : location.substring(file + "file:".length());
		Path p = Path.of(path);
		if (!p.isAbsolute()) {
			// Tycho's test runtime gives locations relative to the OSGi install area
			p = installArea().resolve(p).normalize();
		}
		List<String> out = new ArrayList<>();
		if (Files.isDirectory(p)) {
			// a reactor project: compiled classes in target/classes, META-INF at its root
			for (String sub : List.of("target/classes", "bin")) {
				if (Files.isDirectory(p.resolve(sub))) {
					out.add(p.resolve(sub).toString());
				}
			}
		}
		out.add(p.toString());
		return out;
	}
}
