package org.miaopi.conformance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The built product's command line as the conformance tests run it: in a Miaopi home of the test's own. */
final class ProductCli {

	private ProductCli() {
	}

	/** Runs {@code ./miaopi args} in {@code home}; returns its exit code, its output in {@code log}. */
	static int run(Path home, Path log, int seconds, String... args) throws Exception {
		Path launcher = Path.of(System.getProperty("miaopi.launcher", "../../miaopi")).toAbsolutePath().normalize();
		List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		pb.environment().put("MIAOPI_HOME", home.toString());
		pb.environment().put("MIAOPI_NO_BUILD", "1"); // this build made the product; never rebuild from inside it
		Process p = pb.start();
		if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("./miaopi " + String.join(" ", args) + " did not finish within " + seconds + " s; its output: " + read(log));
		}
		return p.exitValue();
	}

	static String read(Path log) {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		} catch (Exception e) {
			return "(no output: " + e.getMessage() + ")";
		}
	}

	static void delete(Path dir) throws Exception {
		if (Files.exists(dir)) {
			try (var walk = Files.walk(dir)) {
				walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
	}
}
