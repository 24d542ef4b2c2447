package org.miaopi.certificate;

import java.nio.file.Path;

/** Issues, revokes and verifies electronic certificates (电子证照). The UI and the CLI use this. */
public interface CertificateService {

	/**
	 * Allocates a number, lays the certificate out, seals it with the department's seal (PAdES
	 * B-LT: timestamp, chain and CRL embedded) and writes it atomically into {@code directory} as
	 * {@code <number>.pdf}. On failure no file is left and the number is recorded as void.
	 */
	IssuedCertificate issue(CertificateRequest request, Path directory);

	/** Revokes an issued certificate; the registry records the reason and the officer. */
	void revoke(String number, String reason, String officerId);

	/** Verifies any file; never throws for a bad file, the verdict says what is wrong. */
	Verdict verify(Path file);
}
