package org.miaopi.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.miaopi.core.OwnerOnlyFile;
import org.miaopi.core.model.Role;
import org.miaopi.demo.DemoCatalog;
import org.miaopi.demo.DemoGenerator.Login;
import org.miaopi.hub.store.HubUsers;

/**
 * The demo's officers and department supervisors as users of the hub, so that a desk that synced
 * from a demo hub has someone to sign in: each gets a one-time password (changed at the first
 * sign-in, which also gives an officer a decision key), kept in an owner-only file of the hub's home.
 */
final class DemoUsers {

	static final String FILE = "demo-users.txt"; //$NON-NLS-1$

	private DemoUsers() {
	}

	/** @return how many users were created; those the hub has already keep their passwords */
	static int ensure(HubUsers users, List<Login> logins, Path hubDir) throws IOException {
		HubUserAdmin admin = new HubUserAdmin(users);
		Path file = hubDir.resolve(FILE);
		if (!Files.exists(file)) {
			OwnerOnlyFile.write(file, "# Miaopi hub demo users: id, role, department, name, one-time password\n"); //$NON-NLS-1$
		}
		StringBuilder lines = new StringBuilder();
		int made = 0;
		for (Login l : logins) {
			boolean department = DemoCatalog.DEPARTMENTS.stream().anyMatch(d -> d.code().equals(l.departmentCode()));
			if (!department || (l.role() != Role.OFFICER && l.role() != Role.SUPERVISOR) || users.user(l.officerId()).isPresent()) {
				continue;
			}
			String password = admin.create(l.officerId(), l.name(), l.departmentCode(), l.role().name());
			lines.append(String.join("\t", l.officerId(), l.role().name(), l.departmentCode(), l.name(), password)).append('\n'); //$NON-NLS-1$
			made++;
		}
		Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		return made;
	}
}
