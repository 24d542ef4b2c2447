package org.miaopi.core.matter;

/** How a compared value is normalised (the normalisers live in org.miaopi.checks). */
public enum ValueKind {
	/** Width, whitespace and case folded. */
	TEXT,
	/** A person's or firm's name: TEXT, and the middle dot variants of minority names are one. */
	NAME,
	/** A resident ID or credit code: TEXT, and a trailing x is X. */
	IDENTIFIER,
	/** 2025年3月1日, 2025/3/1 and 2025-03-01 are the same day. */
	DATE,
	/** Addresses match when one, stripped of the province/city prefix, is the other at a finer level. */
	ADDRESS,
	/** Numbers compare by value: 012 and 12.0 are 12. */
	NUMBER
}
