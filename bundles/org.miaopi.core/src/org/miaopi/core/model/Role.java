package org.miaopi.core.model;

/** What a user of the workbench may do. */
public enum Role {
	/** Decides assigned dossiers and issues their certificates (审批人员). */
	OFFICER,
	/** Audits decisions, sees overdue cases, samples for review (监察). */
	SUPERVISOR,
	/**
	 * Supervises every department (市监察): held together with {@link #SUPERVISOR}, it widens the
	 * supervision views from the own department to all. It grants no other right.
	 */
	CITY_SUPERVISOR,
	/** Installs matter plugins, manages seals and users. */
	ADMIN,
	/** The 秒批 engine: decides by policy with no human; held only by {@link Officer#SYSTEM_ID}. */
	SYSTEM
}
