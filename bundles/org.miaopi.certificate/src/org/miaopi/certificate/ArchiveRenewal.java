package org.miaopi.certificate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.miaopi.certificate.internal.Archive;

import com.itextpdf.signatures.ITSAClient;

/**
 * Keeps issued certificates verifiable for decades (PAdES B-LTA): a certificate whose latest
 * timestamp is by an authority whose certificate expires within the window gets a new document
 * security store (the certificates of every timestamp so far, the root's current CRL) and a new
 * archive timestamp, by an authority whose certificate is fresh. The file is replaced atomically;
 * the register's digest still names the file as issued, which stays its first part.
 * <p>
 * Only certificates the register records as issued are renewed, and only while they verify: a
 * revoked one is left to lapse, and one that no longer verifies cannot be saved by a timestamp.
 */
public final class ArchiveRenewal {

	/** What renewal did to one file. */
	public enum Status {
		RENEWED, CURRENT, SKIPPED, FAILED
	}

	public record Outcome(Path file, String number, Status status, String words) {
		@Override
		public String toString() {
			return status + " " + file.getFileName() + (number == null ? "" : " (" + number + ")") + ": " + words; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
	}

	/** The default window: renew when the latest timestamp's authority expires within a year. */
	public static final Duration DEFAULT_WINDOW = Duration.ofDays(365);

	private final DefaultCertificateService service;
	private final ITSAClient tsa;

	ArchiveRenewal(DefaultCertificateService service, ITSAClient tsa) {
		this.service = service;
		this.tsa = tsa;
	}

	/** Every {@code *.pdf} directly in each directory given, and each file given. */
	static List<Path> files(List<Path> places) throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path p : places) {
			if (Files.isDirectory(p)) {
				try (Stream<Path> s = Files.list(p)) {
					s.filter(f -> f.getFileName().toString().endsWith(".pdf") && Files.isRegularFile(f)).sorted().forEach(files::add); //$NON-NLS-1$
				}
			} else {
				files.add(p);
			}
		}
		return files;
	}

	Outcome renew(Path file, Duration window, boolean dryRun) {
		String number = null;
		try {
			byte[] bytes = Files.readAllBytes(file);
			Archive.Found found = Archive.read(bytes);
			number = found.number();
			if (number == null) {
				return new Outcome(file, null, Status.SKIPPED, "not a Miaopi certificate (no number)"); //$NON-NLS-1$
			}
			Optional<CertificateRegistry.Entry> entry = service.registry().lookup(number);
			if (entry.isEmpty() || entry.get().status() != CertificateRegistry.Status.ISSUED) {
				return new Outcome(file, number, Status.SKIPPED, entry.isEmpty() ? "not in this desk's register" //$NON-NLS-1$
						: "registered as " + entry.get().status() + ": left to lapse"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Instant now = service.clock().instant();
			X509Certificate latest = found.latestAuthority();
			if (latest != null && latest.getNotAfter().toInstant().isAfter(now.plus(window))) {
				return new Outcome(file, number, Status.CURRENT, "the latest timestamp's authority is valid until " + latest.getNotAfter().toInstant()); //$NON-NLS-1$
			}
			Verdict before = service.verify(bytes, now);
			if (!before.ok()) {
				return new Outcome(file, number, Status.FAILED, "does not verify now, a new timestamp cannot vouch for it: " + failing(before)); //$NON-NLS-1$
			}
			X509Certificate authority = service.seals().timestampAuthority().certificate();
			if (!authority.getNotAfter().toInstant().isAfter(now.plus(window))) {
				return new Outcome(file, number, Status.FAILED, "this desk's timestamp authority itself expires at " + authority.getNotAfter().toInstant()); //$NON-NLS-1$
			}
			if (dryRun) {
				return new Outcome(file, number, Status.RENEWED, "would be renewed (dry run): its latest timestamp's authority expires at " //$NON-NLS-1$
						+ (latest == null ? "?" : latest.getNotAfter().toInstant())); //$NON-NLS-1$
			}
			// the earlier signatures' data are in their VRI entries already; a file sealed before the
			// store moved out of the signed revision has none, and gets every certificate it uses
			List<X509Certificate> certs = new ArrayList<>(found.hasVri() ? List.of(latest) : found.certificates());
			certs.add(service.seals().root());
			certs.add(authority);
			byte[] renewed = Archive.extend(bytes, certs, List.of(service.seals().crl()), tsa);
			Verdict after = service.verify(renewed, now);
			if (!after.ok()) {
				return new Outcome(file, number, Status.FAILED, "the renewed file does not verify, the file is left as it was: " + failing(after)); //$NON-NLS-1$
			}
			replace(file, renewed);
			return new Outcome(file, number, Status.RENEWED, "PAdES " + after.level() + ", new archive timestamp by an authority valid until " //$NON-NLS-1$ //$NON-NLS-2$
					+ authority.getNotAfter().toInstant());
		} catch (Exception e) {
			return new Outcome(file, number, Status.FAILED, "cannot renew: " + (e.getMessage() == null ? "the file cannot be read" : e.getMessage())); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static String failing(Verdict v) {
		return String.join("; ", v.checks().stream().filter(c -> !c.ok()).map(Verdict.Check::en).toList()); //$NON-NLS-1$
	}

	/** Written beside, synced, renamed over: a crash leaves the old file or the new, never half of one. */
	private static void replace(Path file, byte[] bytes) throws IOException {
		Path part = file.resolveSibling(file.getFileName() + ".renew"); //$NON-NLS-1$
		try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
			ch.write(ByteBuffer.wrap(bytes));
			ch.force(false);
		}
		Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}
}
