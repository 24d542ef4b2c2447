package org.miaopi.certificate;

import java.nio.file.Path;

/** A certificate that was sealed and written: where, its content and the file's SHA-256. */
public record IssuedCertificate(Path file, CertificateContent content, String sha256) {
}
