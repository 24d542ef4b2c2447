package org.miaopi.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.core.model.Department;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.PasswordHashes;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.demo.DemoGenerator.Login;

/**
 * The demo desk's users: three officers and a supervisor per department, a city supervisor (every
 * department, {@link #CITY_SUPERVISOR}) and an admin, each with
 * a one-time password whose salted hash goes to the store (the password itself only to the caller).
 */
final class DemoOfficers {

	/** The demo's city supervisor (市监察), of the supervision office. */
	static final String CITY_SUPERVISOR = "city.supervisor";

	private DemoOfficers() {
	}

	static List<Login> create(StoreAdmin store, People people, boolean passwords) {
		List<Login> logins = new ArrayList<>();
		List<Officer> officers = new ArrayList<>();
		Map<String, String> hashes = new LinkedHashMap<>();
		SecureRandom secure = new SecureRandom();
		for (Department d : DemoCatalog.DEPARTMENTS) {
			String prefix = d.code().substring(2).toLowerCase();
			for (int i = 1; i <= 4; i++) {
				Role role = i == 4 ? Role.SUPERVISOR : Role.OFFICER;
				String id = prefix + (role == Role.SUPERVISOR ? ".supervisor" : ".officer" + i);
				officers.add(new Officer(id, people.name(), d.code(), EnumSet.of(role)));
			}
		}
		officers.add(new Officer("admin", people.name(), DemoCatalog.DEPARTMENTS.get(0).code(), EnumSet.of(Role.ADMIN)));
		// a fixed name: drawing one would shift every applicant the seed makes after it
		officers.add(new Officer(CITY_SUPERVISOR, "林监察", DemoCatalog.SUPERVISION_OFFICE.code(),
				EnumSet.of(Role.SUPERVISOR, Role.CITY_SUPERVISOR)));
		for (Officer o : officers) {
			String password = null;
			if (passwords) {
				byte[] b = new byte[9];
				secure.nextBytes(b);
				password = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
				hashes.put(o.id(), PasswordHashes.hash(password.toCharArray(), secure));
			}
			logins.add(new Login(o.id(), o.name(), o.departmentCode(), o.roles().iterator().next(), password));
		}
		store.putOfficers(officers, hashes);
		return logins;
	}
}
