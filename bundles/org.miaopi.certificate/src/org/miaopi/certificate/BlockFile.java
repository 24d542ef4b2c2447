package org.miaopi.certificate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.miaopi.core.sync.NumberBlocks.Block;

/**
 * The certificate number blocks the hub reserved for this desk, in {@code certificates/blocks}
 * (lines {@code DEPT FIRST LAST NEXT}), and the void numbers the hub was told of, in
 * {@code certificates/voids-reported}. Each change is written whole and atomically before the
 * number it hands out is used, so after a crash a number is never handed out twice. Not
 * thread-safe: {@link FileCertificateRegistry} holds its lock around every call.
 */
final class BlockFile {

	/** Marks a number drawn from a hub block ({@code SZPSB-2026-H00000012}): never equal to one the desk numbered alone. */
	static final String HUB_MARK = "H"; //$NON-NLS-1$

	private static final class Held {
		final Block block;
		long next;

		Held(Block block, long next) {
			this.block = block;
			this.next = next;
		}
	}

	private final Path file;
	private final Path reportedFile;
	private List<Held> held;
	private Set<String> reported;

	BlockFile(Path directory) {
		this.file = directory.resolve("blocks"); //$NON-NLS-1$
		this.reportedFile = directory.resolve("voids-reported"); //$NON-NLS-1$
	}

	/** Whether the department's numbers come from hub blocks (it took one once). */
	boolean covers(String dept) {
		return load().stream().anyMatch(h -> h.block.departmentCode().equals(dept));
	}

	/** The next number of the department's blocks, durable before it is returned; empty when all are used. */
	Optional<String> next(String dept, int year) throws IOException {
		for (Held h : load()) {
			if (h.block.departmentCode().equals(dept) && h.next <= h.block.last()) {
				long seq = h.next++;
				write();
				return Optional.of(number(dept, year, seq));
			}
		}
		return Optional.empty();
	}

	static String number(String dept, int year, long seq) {
		return String.format(Locale.ROOT, "%s-%d-%s%08d", dept, year, HUB_MARK, seq); //$NON-NLS-1$
	}

	long remaining(String dept) {
		return load().stream().filter(h -> h.block.departmentCode().equals(dept)).mapToLong(h -> h.block.last() - h.next + 1).sum();
	}

	long lastReserved(String dept) {
		return load().stream().filter(h -> h.block.departmentCode().equals(dept)).mapToLong(h -> h.block.last()).max().orElse(0);
	}

	void add(Block b) throws IOException {
		if (lastReserved(b.departmentCode()) >= b.last()) {
			return; // held already, or an older answer: taking it again could hand out numbers twice
		}
		load().add(new Held(b, b.first()));
		write();
	}

	/** Whether {@code number} was drawn from one of the department's blocks. */
	boolean drawn(String dept, String number) {
		String prefix = dept + "-"; //$NON-NLS-1$
		int mark = number.lastIndexOf("-" + HUB_MARK); //$NON-NLS-1$
		if (!number.startsWith(prefix) || mark < 0) {
			return false;
		}
		try {
			long seq = Long.parseLong(number.substring(mark + 2));
			return load().stream().anyMatch(h -> h.block.departmentCode().equals(dept) && h.block.first() <= seq && seq < h.next);
		} catch (NumberFormatException e) {
			return false;
		}
	}

	boolean wasReported(String number) {
		return reported().contains(number);
	}

	void reported(Collection<String> numbers) throws IOException {
		if (reported().addAll(numbers)) {
			FileCertificateRegistry.writeAtomically(reportedFile, (String.join("\n", reported) + "\n").getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private List<Held> load() {
		if (held == null) {
			List<Held> read = new ArrayList<>();
			try {
				if (Files.exists(file)) {
					for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
						String[] p = line.strip().split(" "); //$NON-NLS-1$
						if (p.length == 4) {
							read.add(new Held(new Block(p[0], Long.parseLong(p[1]), Long.parseLong(p[2])), Long.parseLong(p[3])));
						}
					}
				}
			} catch (IOException | RuntimeException e) {
				throw new CertificateException(CertificateException.Code.REGISTRY_FAILED, "cannot read the certificate number blocks in " + file + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
			}
			held = read;
		}
		return held;
	}

	private Set<String> reported() {
		if (reported == null) {
			Set<String> read = new LinkedHashSet<>();
			try {
				if (Files.exists(reportedFile)) {
					Files.readAllLines(reportedFile, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(read::add);
				}
			} catch (IOException e) {
				throw new CertificateException(CertificateException.Code.REGISTRY_FAILED, "cannot read " + reportedFile + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
			}
			reported = read;
		}
		return reported;
	}

	private void write() throws IOException {
		StringBuilder s = new StringBuilder();
		for (Held h : held) {
			s.append(h.block.departmentCode()).append(' ').append(h.block.first()).append(' ').append(h.block.last()).append(' ').append(h.next).append('\n');
		}
		Files.createDirectories(file.getParent());
		FileCertificateRegistry.writeAtomically(file, s.toString().getBytes(StandardCharsets.US_ASCII));
	}
}
