package org.miaopi.supervision;

/** A case's live state for the dashboard: no signal, or its worst card level. */
public enum Signal {
	GREEN, WARNING, YELLOW, RED
}
