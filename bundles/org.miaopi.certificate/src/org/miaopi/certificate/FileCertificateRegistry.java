package org.miaopi.certificate;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.miaopi.core.MiaopiHome;
import org.miaopi.core.sync.NumberBlocks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The certificate register in two files under {@code <MiaopiHome>/certificates/}:
 * <ul>
 * <li>{@code counter}: the high-water mark of allocated sequence numbers. Numbers are reserved in
 * blocks: the new mark is written (temp file, fsync, atomic rename, directory fsync) before any
 * number of the block is handed out, so after a crash the register continues above the mark: a
 * number may be skipped, never reused.</li>
 * <li>{@code register.log}: append-only lines {@code number, status, time, sha256, department, note},
 * fsynced; the last line for a number is its state.</li>
 * </ul>
 */
@Component(service = { CertificateRegistry.class, NumberBlocks.class })
public class FileCertificateRegistry implements CertificateRegistry, NumberBlocks {

	/** Numbers reserved per sync of the counter (issuing threads wait for that sync). */
	private static final int BLOCK = 128;
	private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("[\\t\\r\\n]"); //$NON-NLS-1$
	private Path dir;
	private Clock clock = Clock.systemUTC();
	private long next = -1;
	private long reservedUpTo = -1;
	private Map<String, Entry> entries;
	private FileChannel log;
	/** Lines written (guarded by this) and lines known on disk (guarded by syncLock): group commit. */
	private long written;
	private long synced;
	private final Object syncLock = new Object();
	/** Directories with a rename not yet synced (guarded by this), synced by the next group commit. */
	private final java.util.Set<Path> pendingDirectories = new java.util.HashSet<>();

	public FileCertificateRegistry() {
	}

	public FileCertificateRegistry(Path directory, Clock clock) {
		this.dir = directory;
		this.clock = clock;
	}

	@Activate
	void activate() {
		dir = MiaopiHome.current().resolve("certificates"); //$NON-NLS-1$
	}

	/**
	 * {@inheritDoc} A department that took a block from the hub draws only from its blocks (see
	 * {@link NumberBlocks}); when they are used up it is refused, never numbered here.
	 */
	@Override
	public synchronized String allocate(String departmentCode, int year) {
		load();
		String dept = departmentCode.toUpperCase(Locale.ROOT);
		if (blocks().covers(dept)) {
			try {
				return blocks().next(dept, year).orElseThrow(() -> new CertificateException(CertificateException.Code.REGISTRY_FAILED,
						"no certificate numbers of " + dept + " are left on this desk: sync with the hub to reserve more")); //$NON-NLS-1$ //$NON-NLS-2$
			} catch (IOException e) {
				throw new CertificateException(CertificateException.Code.REGISTRY_FAILED, "cannot reserve certificate numbers: " + e.getMessage(), e); //$NON-NLS-1$
			}
		}
		if (next > reservedUpTo) {
			long mark = reservedUpTo + BLOCK;
			try {
				writeAtomically(dir.resolve("counter"), (mark + "\n").getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$ //$NON-NLS-2$
			} catch (IOException e) {
				throw new CertificateException(CertificateException.Code.REGISTRY_FAILED, "cannot reserve certificate numbers: " + e.getMessage(), e); //$NON-NLS-1$
			}
			reservedUpTo = mark;
		}
		long seq = next++;
		return String.format(Locale.ROOT, "%s-%d-%08d", departmentCode.toUpperCase(Locale.ROOT), year, seq); //$NON-NLS-1$
	}

	@Override
	public void recordIssued(String number, String departmentCode, String sha256) {
		durable(append(new Entry(number, Status.ISSUED, clock.instant(), sha256, departmentCode, ""))); //$NON-NLS-1$
	}

	/**
	 * One ISSUED line of a group (see {@link #recordIssued(List, Path)}).
	 *
	 * @param note e.g. the dossier the certificate was issued for (see {@link #DOSSIER_NOTE})
	 */
	public record Issued(String number, String departmentCode, String sha256, String note) {
	}

	/**
	 * Records issuances whose files were just renamed into {@code renamedIn} without syncing that
	 * directory: the directory is synced by the same group commit as the register's lines (before
	 * them), so a batch's group, and threads issuing together, share one directory sync and one log
	 * sync, and a line is never on disk without its file's name.
	 */
	public void recordIssued(List<Issued> group, Path renamedIn) {
		if (group.isEmpty()) {
			return;
		}
		long ticket = 0;
		synchronized (this) {
			pendingDirectories.add(renamedIn);
			for (Issued i : group) {
				ticket = append(new Entry(i.number(), Status.ISSUED, clock.instant(), i.sha256(), i.departmentCode(), i.note() == null ? "" : i.note())); //$NON-NLS-1$
			}
		}
		durable(ticket);
	}

	/** The note of an ISSUED line naming the dossier the certificate belongs to (read by reconciliation). */
	public static final String DOSSIER_NOTE = "dossier "; //$NON-NLS-1$

	@Override
	public void recordVoid(String number, String why) {
		durable(append(new Entry(number, Status.VOID, clock.instant(), "", "", why))); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Override
	public void recordRevoked(String number, String reason, String officerId) {
		durable(revokedLine(number, reason, officerId));
	}

	private synchronized long revokedLine(String number, String reason, String officerId) {
		Entry e = lookup(number).orElseThrow(() -> new CertificateException(CertificateException.Code.UNKNOWN_NUMBER,
				"no certificate " + number + " in the register")); //$NON-NLS-1$ //$NON-NLS-2$
		if (e.status() == Status.REVOKED) {
			throw new CertificateException(CertificateException.Code.ALREADY_REVOKED, "certificate " + number + " is already revoked: " + e.note()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (e.status() != Status.ISSUED) {
			throw new CertificateException(CertificateException.Code.NOT_ISSUED, "certificate " + number + " was never issued (" + e.status() + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return append(new Entry(number, Status.REVOKED, clock.instant(), e.sha256(), e.departmentCode(), reason + " (by " + officerId + ")")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Override
	public synchronized Optional<Entry> lookup(String number) {
		load();
		return Optional.ofNullable(entries.get(number));
	}

	@Override
	public synchronized List<Entry> entries() {
		load();
		return new ArrayList<>(entries.values());
	}

	/** Writes the line (not yet forced to disk); returns its ticket for {@link #durable(long)}. */
	private synchronized long append(Entry e) {
		load();
		String line = String.join("\t", e.number(), e.status().name(), e.when().toString(), e.sha256(), e.departmentCode(), //$NON-NLS-1$
				LINE_BREAKS.matcher(e.note()).replaceAll(" ")) + "\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		try {
			log.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
		} catch (IOException ex) {
			throw new CertificateException(CertificateException.Code.REGISTRY_FAILED, "cannot write the certificate register: " + ex.getMessage(), ex); //$NON-NLS-1$
		}
		entries.put(e.number(), e);
		return ++written;
	}

	/**
	 * Returns once the line with this ticket is on disk. Group commit: one fsync covers every line
	 * written before it started, so threads issuing at the same time do not each wait for their own
	 * fsync behind the register's lock.
	 */
	private void durable(long ticket) {
		synchronized (syncLock) {
			if (synced >= ticket) {
				return;
			}
			long upTo;
			FileChannel channel;
			List<Path> directories;
			synchronized (this) {
				upTo = written;
				channel = log;
				directories = new ArrayList<>(pendingDirectories);
				pendingDirectories.clear();
			}
			try {
				for (Path d : directories) {
					syncDirectory(d);
				}
				channel.force(false);
			} catch (IOException ex) {
				throw new CertificateException(CertificateException.Code.REGISTRY_FAILED, "cannot write the certificate register: " + ex.getMessage(), ex); //$NON-NLS-1$
			}
			synced = upTo;
		}
	}

	private void load() {
		if (entries != null) {
			return;
		}
		try {
			Files.createDirectories(dir);
			Path counter = dir.resolve("counter"); //$NON-NLS-1$
			long mark = Files.exists(counter) ? Long.parseLong(Files.readString(counter).trim()) : 0;
			// continue above the last reserved mark: numbers of an unfinished block are skipped
			next = mark + 1;
			reservedUpTo = mark;
			Map<String, Entry> read = new LinkedHashMap<>();
			Path file = dir.resolve("register.log"); //$NON-NLS-1$
			if (Files.exists(file)) {
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					String[] p = line.split("\t", -1); //$NON-NLS-1$
					if (p.length >= 6) { // a torn last line after a crash is ignored
						read.put(p[0], new Entry(p[0], Status.valueOf(p[1]), Instant.parse(p[2]), p[3], p[4], p[5]));
					}
				}
			}
			log = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
			entries = read;
		} catch (IOException | RuntimeException e) {
			throw new CertificateException(CertificateException.Code.REGISTRY_FAILED, "cannot open the certificate register in " + dir + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** Temp file, fsync, atomic rename, fsync of the directory: the new content or the old, never half. */
	public static void writeAtomically(Path target, byte[] content) throws IOException {
		Path tmp = target.resolveSibling(target.getFileName() + ".tmp"); //$NON-NLS-1$
		try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
			ch.write(java.nio.ByteBuffer.wrap(content));
			ch.force(true);
		}
		moveAtomically(tmp, target);
	}

	public static void moveAtomically(Path tmp, Path target) throws IOException {
		renameAtomically(tmp, target);
		syncDirectory(target.getParent());
	}

	/** The rename alone: the caller syncs the directory (see {@link #recordIssued(List, Path)}). */
	public static void renameAtomically(Path tmp, Path target) throws IOException {
		try {
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void syncDirectory(Path dir) {
		try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
			d.force(true);
		} catch (IOException e) {
			// some file systems cannot sync a directory; the rename itself is still atomic
		}
	}

	// ---------------------------------------------------------------- blocks from the hub

	private BlockFile blockFile;

	private BlockFile blocks() {
		if (blockFile == null) {
			blockFile = new BlockFile(dir);
		}
		return blockFile;
	}

	@Override
	public synchronized long remaining(String departmentCode) {
		return blocks().remaining(departmentCode);
	}

	@Override
	public synchronized long lastReserved(String departmentCode) {
		return blocks().lastReserved(departmentCode);
	}

	@Override
	public synchronized void add(Block block) {
		try {
			blocks().add(block);
		} catch (IOException e) {
			throw new CertificateException(CertificateException.Code.REGISTRY_FAILED, "cannot keep the certificate number block: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	@Override
	public synchronized List<String> unreportedVoids(String departmentCode) {
		load();
		return entries.values().stream().filter(e -> e.status() == Status.VOID && blocks().drawn(departmentCode, e.number())
				&& !blocks().wasReported(e.number())).map(Entry::number).toList();
	}

	@Override
	public synchronized void reported(java.util.Collection<String> numbers) {
		try {
			blocks().reported(numbers);
		} catch (IOException e) {
			throw new CertificateException(CertificateException.Code.REGISTRY_FAILED, "cannot keep the reported void numbers: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	/** Closes the register's log (tests and the CLI's end). */
	public synchronized void close() throws IOException {
		if (log != null) {
			log.close();
			log = null;
			entries = null;
			blockFile = null;
		}
	}
}
