package org.miaopi.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.core.id.ResidentId;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;

/**
 * Small, fixed test data: two departments, PSB with two officers and a supervisor, MSB with an
 * officer; an admin. Dossiers under review are held by li.na in PSB, by chen.jing in MSB.
 */
final class Fixtures {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
	static final Department PSB = new Department("PSB", "公安局", "Public Security Bureau");
	static final Department MSB = new Department("MSB", "市场监督管理局", "Market Supervision Bureau");
	static final Officer OFFICER = new Officer("li.na", "李娜", "PSB", EnumSet.of(Role.OFFICER));
	static final Officer OFFICER2 = new Officer("zhao.lei", "赵磊", "PSB", EnumSet.of(Role.OFFICER));
	static final Officer SUPERVISOR = new Officer("wang.qiang", "王强", "PSB", EnumSet.of(Role.SUPERVISOR));
	static final Officer OTHER = new Officer("chen.jing", "陈静", "MSB", EnumSet.of(Role.OFFICER));
	static final Officer ADMIN = new Officer("admin", "管理员", "PSB", EnumSet.of(Role.ADMIN));

	private Fixtures() {
	}

	static ResidentId residentId(int n) {
		String first17 = "440305" + "1990" + "0101" + String.format("%03d", n % 1000);
		return ResidentId.parse(first17 + ResidentId.checkDigit(first17), TODAY);
	}

	static void seed(DeskStore store) {
		store.putDepartments(List.of(PSB, MSB));
		store.putOfficers(List.of(OFFICER, OFFICER2, SUPERVISOR, OTHER, ADMIN), Map.of());
	}

	static Dossier dossier(String no, String dept, DossierStatus status, LocalDate deadline, String name,
			List<Material> materials) {
		Map<String, String> declared = new LinkedHashMap<>();
		declared.put("name", name);
		declared.put("school", "深圳大学");
		String officer = status == DossierStatus.ASSIGNED || status == DossierStatus.IN_REVIEW
				|| status == DossierStatus.SUPPLEMENT_REQUESTED ? (dept.equals("PSB") ? OFFICER : OTHER).id() : null;
		int n = Math.abs(no.hashCode());
		return new Dossier(no, dept.equals("PSB") ? "GRAD-HUKOU" : "PHARMACY", null,
				new NaturalPerson(residentId(n), name), declared, materials,
				Instant.parse("2026-11-02T02:00:00Z"), deadline, status, officer, dept);
	}

	static Dossier dossier(String no, String dept, DossierStatus status) {
		return dossier(no, dept, status, TODAY.plusDays(5), "张伟", List.of());
	}

	static Decision supplement(String no, Officer by) {
		return new Decision(no, DecisionKind.REQUEST_SUPPLEMENT, List.of("MATERIAL_UNREADABLE"), null, by.id(),
				Instant.now(), false, null, null, null, null);
	}

	static Decision approve(String no, Officer by) {
		return new Decision(no, DecisionKind.APPROVE, List.of(), null, by.id(), Instant.now(), false, null, null,
				null, null);
	}
}
