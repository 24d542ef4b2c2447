package org.miaopi.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.miaopi.core.model.Officer;
import org.miaopi.core.supervision.SupervisionAccess;
import org.miaopi.supervision.Dashboard.Figures;

/**
 * The dashboard's last figures, one file per viewer and scope under {@code $MIAOPI_HOME/supervision/dashboard}
 * (owner-only, as the home is), so that the Dashboard part paints at once, also after a restart, while the
 * fresh figures are computed. A kept snapshot is handed only to the viewer who computed it, for the scope
 * they have now: a supervisor whose scope shrank finds nothing, and a file whose viewer, scope or departments
 * do not match what it is filed under is ignored. A missing, unreadable or corrupt file is nothing kept (a
 * corrupt one is logged): the caller computes the figures as it would without.
 */
public final class DashboardSnapshots {

	/** The overdue list is kept this far (the part shows 200); its length is kept on its own. */
	public static final int KEPT_OVERDUE = 500;

	private static final String MAGIC = "miaopi-dashboard-snapshot 1"; //$NON-NLS-1$
	private static final String ALL = "*"; //$NON-NLS-1$
	private static final String NULL = "~"; //$NON-NLS-1$ URLEncoder never writes a ~
	private static final System.Logger LOG = System.getLogger(DashboardSnapshots.class.getName());

	/**
	 * Figures kept from an earlier computation.
	 *
	 * @param figures the figures, the overdue list cut to {@link #KEPT_OVERDUE}
	 * @param overdue how many open dossiers were overdue (the whole list's length)
	 * @param at      when they were computed
	 * @param current whether they are of the day asked for; figures of an earlier day are never today's
	 */
	public record Kept(Figures figures, int overdue, Instant at, boolean current) {
	}

	private final Path dir;

	public DashboardSnapshots(Path dir) {
		this.dir = dir;
	}

	/** The snapshots of the running desk: under its Miaopi home. */
	public static DashboardSnapshots inHome() {
		return new DashboardSnapshots(org.miaopi.core.MiaopiHome.current().resolve("supervision").resolve("dashboard")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	public Path directory() {
		return dir;
	}

	/**
	 * The figures last kept for this viewer and scope, if any.
	 *
	 * @param department the department asked for, null for the viewer's whole scope
	 * @throws org.miaopi.core.service.AccessDeniedException for anyone but a supervisor, or a department outside
	 *                                                       the viewer's scope (as {@link SupervisionService#dashboard})
	 */
	public Optional<Kept> read(Officer viewer, String department, LocalDate today) {
		SupervisionAccess.Scope scope = SupervisionAccess.scope(viewer).narrowedTo(department, viewer.id());
		Path file = file(viewer.id(), scope);
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		} catch (NoSuchFileException e) {
			return Optional.empty();
		} catch (IOException | UncheckedIOException e) {
			LOG.log(System.Logger.Level.WARNING, "The dashboard's kept figures " + file + " cannot be read; they are computed anew: " + e); //$NON-NLS-1$ //$NON-NLS-2$
			return Optional.empty();
		}
		try {
			return Optional.of(parse(lines, viewer.id(), scope, today));
		} catch (RuntimeException e) { // corrupt, cut short, or filed under another viewer or scope
			LOG.log(System.Logger.Level.WARNING, "The dashboard's kept figures " + file + " are ignored and computed anew: " //$NON-NLS-1$ //$NON-NLS-2$
					+ e.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * Keeps the figures just computed for this viewer and scope, replacing the last ones (written aside and
	 * moved in, so a reader never sees half a file). A failure is logged, never thrown: the figures are shown
	 * anyway.
	 */
	public void write(Officer viewer, String department, Figures f, Instant at) {
		SupervisionAccess.Scope scope = SupervisionAccess.scope(viewer).narrowedTo(department, viewer.id());
		Path file = file(viewer.id(), scope);
		try {
			Files.createDirectories(dir);
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) { //$NON-NLS-1$
				Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------")); //$NON-NLS-1$
			}
			Path tmp = Files.createTempFile(dir, "snapshot", ".tmp"); //$NON-NLS-1$ //$NON-NLS-2$ owner-only on POSIX
			try {
				Files.writeString(tmp, format(viewer.id(), scope, f, at), StandardCharsets.UTF_8);
				Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} finally {
				Files.deleteIfExists(tmp);
			}
		} catch (IOException | RuntimeException e) {
			LOG.log(System.Logger.Level.WARNING, "The dashboard's figures could not be kept in " + file + ": " + e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** The file of one viewer and scope: named by a digest, so an id never makes a path. */
	Path file(String viewerId, SupervisionAccess.Scope scope) {
		try {
			byte[] d = MessageDigest.getInstance("SHA-256").digest( //$NON-NLS-1$
					(viewerId + "\n" + scopeWord(scope)).getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
			return dir.resolve(HexFormat.of().formatHex(d, 0, 16) + ".txt"); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String scopeWord(SupervisionAccess.Scope scope) {
		return scope.all() ? ALL : enc(scope.department());
	}

	static String format(String viewerId, SupervisionAccess.Scope scope, Figures f, Instant at) {
		StringBuilder b = new StringBuilder(MAGIC).append('\n');
		line(b, "viewer", enc(viewerId)); //$NON-NLS-1$
		line(b, "scope", scopeWord(scope)); //$NON-NLS-1$
		line(b, "at", at.toEpochMilli()); //$NON-NLS-1$
		line(b, "days", f.today(), f.from()); //$NON-NLS-1$
		line(b, "totals", f.decided(), f.automatic(), f.officerApprovals(), f.overrides(), f.overdue().size()); //$NON-NLS-1$
		for (Dashboard.SignalRow r : f.signals()) {
			line(b, "S", enc(r.department()), enc(r.matter()), r.green(), r.warning(), r.yellow(), r.red()); //$NON-NLS-1$
		}
		for (Dashboard.Overdue o : f.overdue().subList(0, Math.min(KEPT_OVERDUE, f.overdue().size()))) {
			line(b, "O", enc(o.dossierNo()), enc(o.department()), enc(o.matter()), enc(o.officer()), o.used(), o.limit(), o.age(), //$NON-NLS-1$
					o.signal());
		}
		for (Dashboard.Week w : f.weeks()) {
			line(b, "W", enc(w.department()), w.monday(), w.received(), w.decided(), w.onTime(), w.automatic(), //$NON-NLS-1$
					w.officerApprovals(), w.overrides());
		}
		f.refusals().forEach((reason, n) -> line(b, "R", enc(reason), n)); //$NON-NLS-1$
		return b.append("end\n").toString(); //$NON-NLS-1$ a file cut short has no end
	}

	static Kept parse(List<String> lines, String viewerId, SupervisionAccess.Scope scope, LocalDate today) {
		if (lines.isEmpty() || !MAGIC.equals(lines.get(0)) || !"end".equals(lines.get(lines.size() - 1))) { //$NON-NLS-1$
			throw new IllegalArgumentException("not a whole snapshot"); //$NON-NLS-1$
		}
		Map<String, String[]> head = new LinkedHashMap<>();
		List<Dashboard.SignalRow> signals = new ArrayList<>();
		List<Dashboard.Overdue> overdue = new ArrayList<>();
		List<Dashboard.Week> weeks = new ArrayList<>();
		Map<String, Integer> refusals = new LinkedHashMap<>();
		for (String line : lines.subList(1, lines.size() - 1)) {
			String[] f = line.split("\t", -1); //$NON-NLS-1$
			switch (f[0]) {
			case "S" -> signals.add(new Dashboard.SignalRow(dec(f[1]), dec(f[2]), num(f[3]), num(f[4]), num(f[5]), num(f[6]))); //$NON-NLS-1$
			case "O" -> overdue.add(new Dashboard.Overdue(dec(f[1]), dec(f[2]), dec(f[3]), dec(f[4]), num(f[5]), num(f[6]), //$NON-NLS-1$
					num(f[7]), Signal.valueOf(f[8])));
			case "W" -> weeks.add(new Dashboard.Week(dec(f[1]), LocalDate.parse(f[2]), num(f[3]), num(f[4]), num(f[5]), num(f[6]), //$NON-NLS-1$
					num(f[7]), num(f[8])));
			case "R" -> refusals.put(dec(f[1]), num(f[2])); //$NON-NLS-1$
			default -> head.put(f[0], f);
			}
		}
		if (!enc(viewerId).equals(field(head, "viewer", 1)) || !scopeWord(scope).equals(field(head, "scope", 1))) { //$NON-NLS-1$ //$NON-NLS-2$
			throw new IllegalArgumentException("filed for " + viewerId + " (" + scopeWord(scope) + ") but written for " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ field(head, "viewer", 1) + " (" + field(head, "scope", 1) + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		// never another department's figures, whatever the file says
		Stream.of(signals.stream().map(Dashboard.SignalRow::department), overdue.stream().map(Dashboard.Overdue::department),
				weeks.stream().map(Dashboard.Week::department)).flatMap(s -> s).filter(d -> !scope.covers(d)).findFirst()
				.ifPresent(d -> {
					throw new IllegalArgumentException("figures of department " + d + " outside the scope " + scopeWord(scope)); //$NON-NLS-1$ //$NON-NLS-2$
				});
		LocalDate day = LocalDate.parse(field(head, "days", 1)); //$NON-NLS-1$
		LocalDate from = LocalDate.parse(field(head, "days", 2)); //$NON-NLS-1$
		int[] t = new int[5];
		for (int i = 0; i < 5; i++) {
			t[i] = num(field(head, "totals", i + 1)); //$NON-NLS-1$
		}
		Figures figures = new Figures(day, from, List.copyOf(signals), List.copyOf(overdue), List.copyOf(weeks), t[0], t[1], t[2],
				t[3], refusals);
		return new Kept(figures, t[4], Instant.ofEpochMilli(Long.parseLong(field(head, "at", 1))), day.equals(today)); //$NON-NLS-1$
	}

	private static String field(Map<String, String[]> head, String key, int i) {
		String[] f = head.get(key);
		if (f == null || f.length <= i) {
			throw new IllegalArgumentException("no " + key); //$NON-NLS-1$
		}
		return f[i];
	}

	private static void line(StringBuilder b, String kind, Object... fields) {
		b.append(kind);
		for (Object f : fields) {
			b.append('\t').append(f);
		}
		b.append('\n');
	}

	private static int num(String s) {
		return Integer.parseInt(s);
	}

	private static String enc(String s) {
		return s == null ? NULL : URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static String dec(String s) {
		return NULL.equals(s) ? null : URLDecoder.decode(s, StandardCharsets.UTF_8);
	}
}
