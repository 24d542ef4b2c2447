package org.miaopi.demo;

import java.util.ArrayList;
import java.util.List;

import org.miaopi.core.model.Department;
import org.miaopi.seal.Seal;
import org.miaopi.seal.SealService;

/**
 * Gives every demo department a seal in the desk's trust hierarchy, so that approving a demo
 * dossier ends in a sealed certificate. Keys are made on first run in the seal service's own
 * keystore (never in the repository, its password handled by the seal service).
 */
public final class DemoSeals {

	private DemoSeals() {
	}

	/** @return the codes of the departments that got a new seal (empty when all had a usable one) */
	public static List<String> ensure(SealService seals, List<Department> departments) {
		List<String> issued = new ArrayList<>();
		for (Department d : departments) {
			Seal before = seals.findSeal(d.code()).orElse(null);
			Seal after = seals.ensureSeal(d.code(), d.nameZh());
			if (before == null || !before.certificate().equals(after.certificate())) {
				issued.add(d.code());
			}
		}
		return issued;
	}
}
