package org.miaopi.certificate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

import org.miaopi.certificate.internal.CertificateLayout;
import org.miaopi.certificate.internal.CertificateVerifier;
import org.miaopi.certificate.internal.Digests;
import org.miaopi.certificate.internal.InProcessTsaClient;
import org.miaopi.certificate.internal.PdfSealer;
import org.miaopi.seal.Seal;
import org.miaopi.seal.SealService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.itextpdf.signatures.ITSAClient;

/**
 * Issuance: allocate a number, lay out, seal with timestamp and embedded CRL, write to a temporary
 * file, fsync, rename atomically, then record the file's digest in the register. Any failure
 * deletes the temporary file and marks the number void, so it is never handed out again.
 */
@Component(service = CertificateService.class)
public class DefaultCertificateService implements CertificateService {

	@Reference
	private SealService seals;
	@Reference
	private CertificateRegistry registry;
	private Clock clock = Clock.systemUTC();
	private ITSAClient timestampClient;
	/** Test hook: runs after the temporary file is written, before the rename. */
	Runnable beforeRename = () -> {
	};

	public DefaultCertificateService() {
	}

	public DefaultCertificateService(SealService seals, CertificateRegistry registry, Clock clock) {
		this.seals = seals;
		this.registry = registry;
		this.clock = clock;
	}

	@Activate
	void activate() {
		// nothing to open eagerly: the keystore and register open on first use
	}

	/** Use a remote (e.g. loopback HTTP) timestamp authority instead of the in-process one. */
	public void setTimestampClient(ITSAClient client) {
		this.timestampClient = client;
	}

	@Override
	public IssuedCertificate issue(CertificateRequest request, Path directory) {
		Seal seal = seals.seal(request.departmentCode()); // refuses an expired or revoked seal before a number is used
		String number = registry.allocate(seal.departmentCode(), request.issueDate().getYear());
		Path target = directory.resolve(number + ".pdf"); //$NON-NLS-1$
		Path part = directory.resolve("." + number + ".pdf.part"); //$NON-NLS-1$ //$NON-NLS-2$
		boolean renamed = false;
		try {
			CertificateContent content = new CertificateContent(number, request, seal.departmentName());
			byte[] pdf = CertificateLayout.render(content);
			ITSAClient tsa = timestampClient != null ? timestampClient : new InProcessTsaClient(seals.timestampAuthority());
			byte[] sealed = PdfSealer.seal(pdf, seal, tsa, seals.crl(), java.util.List.of(seals.timestampAuthority().certificate()), clock.instant(),
					CertificateLayout.SEAL_RECT);
			Files.createDirectories(directory);
			try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				ch.write(ByteBuffer.wrap(sealed));
				ch.force(true);
			}
			beforeRename.run();
			FileCertificateRegistry.moveAtomically(part, target);
			renamed = true;
			String sha = Digests.sha256(sealed);
			registry.recordIssued(number, seal.departmentCode(), sha);
			return new IssuedCertificate(target, content, sha);
		} catch (Exception e) {
			cleanUp(part);
			if (renamed) {
				cleanUp(target);
			}
			try {
				registry.recordVoid(number, e.getClass().getSimpleName() + ": " + e.getMessage()); //$NON-NLS-1$
			} catch (RuntimeException ignored) {
				// the number is consumed anyway: the counter was persisted before it was handed out
			}
			throw new CertificateException(CertificateException.Code.ISSUANCE_FAILED,
					"certificate " + number + " was not issued (the number is void): " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static void cleanUp(Path p) {
		try {
			Files.deleteIfExists(p);
		} catch (IOException e) {
			// nothing more to do: a leftover .part file is never taken for a certificate
		}
	}

	@Override
	public void revoke(String number, String reason, String officerId) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("a revocation needs a reason"); //$NON-NLS-1$
		}
		registry.recordRevoked(number, reason, officerId);
	}

	@Override
	public Verdict verify(Path file) {
		byte[] bytes;
		try {
			if (Files.size(file) > 64L * 1024 * 1024) {
				return new Verdict(java.util.List.of(new Verdict.Check(CertificateVerifier.FILE, false, "the file is larger than 64 MB; not a Miaopi certificate"))); //$NON-NLS-1$
			}
			bytes = Files.readAllBytes(file);
		} catch (IOException e) {
			return new Verdict(java.util.List.of(new Verdict.Check(CertificateVerifier.FILE, false, "cannot read " + file + ": " + e.getMessage()))); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return verify(bytes);
	}

	public Verdict verify(byte[] bytes) {
		return new CertificateVerifier(seals, registry).verify(bytes);
	}

	public SealService seals() {
		return seals;
	}

	public CertificateRegistry registry() {
		return registry;
	}
}
