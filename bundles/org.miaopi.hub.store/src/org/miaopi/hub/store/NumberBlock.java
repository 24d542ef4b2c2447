package org.miaopi.hub.store;

/** Sequence numbers {@code first..last} of a department's certificates, reserved for one desk. */
public record NumberBlock(String departmentCode, long first, long last, String desk) {
}
