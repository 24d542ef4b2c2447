package org.miaopi.certificate;

import java.nio.file.Path;

/**
 * A certificate issued for a dossier: where the sealed PDF is, its number and SHA-256, and the
 * verification of the written file (what the officer is shown).
 */
public record DossierCertificate(Path file, String number, String sha256, Verdict verdict) {
}
