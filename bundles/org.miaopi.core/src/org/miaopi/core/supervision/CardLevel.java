package org.miaopi.core.supervision;

/** How serious a supervision signal is, mildest first. */
public enum CardLevel {
	/** 预警: a limit is near. */
	WARNING,
	/** 黄牌: a limit passed, or a step taken against the rules. */
	YELLOW,
	/** 红牌: a limit passed by far, or yellow cards repeated. */
	RED
}
