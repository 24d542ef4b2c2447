package org.miaopi.hub.intake;

/** A line the hub did not import: its number in the file (from 1), its submission id if it had one, and why. */
public record Refusal(long line, String submissionId, String reason) {
}
