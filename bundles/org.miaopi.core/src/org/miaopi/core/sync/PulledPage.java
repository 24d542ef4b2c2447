package org.miaopi.core.sync;

import java.util.List;

import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.ThemeApplication;

/**
 * One page of a hub feed as the desk takes it in: dossiers (with the theme applications their
 * members name), shared records, and the department's users.
 */
public record PulledPage(List<ThemeApplication> themes, List<Dossier> dossiers, List<SharedRecord> records, List<PulledOfficer> officers) {

	public PulledPage {
		themes = List.copyOf(themes);
		dossiers = List.copyOf(dossiers);
		records = List.copyOf(records);
		officers = List.copyOf(officers);
	}

	public PulledPage(List<ThemeApplication> themes, List<Dossier> dossiers, List<SharedRecord> records) {
		this(themes, dossiers, records, List.of());
	}

	public static PulledPage ofDossiers(List<ThemeApplication> themes, List<Dossier> dossiers) {
		return new PulledPage(themes, dossiers, List.of());
	}

	public static PulledPage ofRecords(List<SharedRecord> records) {
		return new PulledPage(List.of(), List.of(), records);
	}

	/** The department's users the hub changed since the feed's cursor (created, locked, reset, removed). */
	public static PulledPage ofOfficers(List<PulledOfficer> officers) {
		return new PulledPage(List.of(), List.of(), List.of(), officers);
	}
}
