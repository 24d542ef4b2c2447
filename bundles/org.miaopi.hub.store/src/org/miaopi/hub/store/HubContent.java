package org.miaopi.hub.store;

/** A material file's bytes under their SHA-256 (checked by the caller). */
public record HubContent(String sha256, String mimeType, byte[] bytes) {
}
