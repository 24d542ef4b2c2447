package org.miaopi.certificate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts sealed certificates on disk: each file written as {@code .<number>.pdf.part} and fsynced,
 * renamed atomically to {@code <number>.pdf}, then recorded ISSUED in the register, whose sync
 * also syncs the directory (so the line is never on disk without the file's name). Whatever
 * fails, the certificate's file is removed and its number recorded VOID.
 */
final class DurableWrite {

	private final CertificateRegistry registry;
	private final Runnable beforeRename;

	DurableWrite(CertificateRegistry registry, Runnable beforeRename) {
		this.registry = registry;
		this.beforeRename = beforeRename;
	}

	/** One certificate; throws {@link CertificateException} (the number then void). */
	IssuedCertificate one(Sealed s) {
		Object outcome = group(List.of(s)).get(0);
		if (outcome instanceof CertificateException e) {
			throw e;
		}
		return (IssuedCertificate) outcome;
	}

	/**
	 * A group of certificates for one directory (a batch's group commit): one directory sync and one
	 * register sync for all of them. Returns, in order, each one's {@link IssuedCertificate} or the
	 * {@link CertificateException} that voided it.
	 */
	List<Object> group(List<Sealed> group) {
		Object[] outcome = new Object[group.size()];
		List<Integer> renamed = new ArrayList<>();
		try {
			Files.createDirectories(group.get(0).directory()); // a batch's group: one directory
		} catch (IOException e) {
			// each write below fails and says so
		}
		for (int i = 0; i < group.size(); i++) {
			Sealed s = group.get(i);
			try {
				write(s);
				beforeRename.run();
				if (registry instanceof FileCertificateRegistry) {
					FileCertificateRegistry.renameAtomically(s.part(), s.target()); // the directory sync comes with the register's
				} else {
					FileCertificateRegistry.moveAtomically(s.part(), s.target());
				}
				renamed.add(i);
			} catch (Exception e) {
				cleanUp(s.part());
				outcome[i] = voided(s, e);
			}
		}
		if (registry instanceof FileCertificateRegistry files) {
			List<FileCertificateRegistry.Issued> lines = new ArrayList<>();
			for (int i : renamed) {
				Sealed s = group.get(i);
				lines.add(new FileCertificateRegistry.Issued(s.number(), s.departmentCode(), s.sha256(), s.note()));
			}
			try {
				if (!lines.isEmpty()) {
					files.recordIssued(lines, group.get(renamed.get(0)).directory());
				}
				renamed.forEach(i -> outcome[i] = group.get(i).issued());
			} catch (RuntimeException e) {
				renamed.forEach(i -> outcome[i] = withdrawn(group.get(i), e));
			}
		} else {
			for (int i : renamed) {
				Sealed s = group.get(i);
				try {
					registry.recordIssued(s.number(), s.departmentCode(), s.sha256());
					outcome[i] = s.issued();
				} catch (RuntimeException e) {
					outcome[i] = withdrawn(s, e);
				}
			}
		}
		return java.util.Arrays.asList(outcome);
	}

	private CertificateException withdrawn(Sealed s, Exception cause) {
		cleanUp(s.target());
		return voided(s, cause);
	}

	private static void write(Sealed s) throws IOException {
		try (FileChannel ch = FileChannel.open(s.part(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			ch.write(ByteBuffer.wrap(s.bytes()));
			ch.force(false); // the data and the size (what reading it back needs); the name comes with the rename
		}
	}

	/** Records the number VOID and says so; the number is never handed out again either way. */
	CertificateException voided(Sealed s, Exception cause) {
		return voided(registry, s.number(), cause);
	}

	static CertificateException voided(CertificateRegistry registry, String number, Exception cause) {
		try {
			registry.recordVoid(number, cause.getClass().getSimpleName() + ": " + cause.getMessage()); //$NON-NLS-1$
		} catch (RuntimeException ignored) {
			// the number is consumed anyway: the counter was persisted before it was handed out
		}
		return new CertificateException(CertificateException.Code.ISSUANCE_FAILED,
				"certificate " + number + " was not issued (the number is void): " + cause.getMessage(), cause); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static void cleanUp(Path p) {
		try {
			Files.deleteIfExists(p);
		} catch (IOException e) {
			// nothing more to do: a leftover .part file is never taken for a certificate
		}
	}
}
