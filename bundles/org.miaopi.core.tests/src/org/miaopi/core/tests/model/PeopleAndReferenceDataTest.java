package org.miaopi.core.tests.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.miaopi.core.tests.model.Samples.COMPANY;
import static org.miaopi.core.tests.model.Samples.PERSON;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.miaopi.core.model.Applicant;
import org.miaopi.core.model.DeclaredField;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.FieldType;
import org.miaopi.core.model.LegalPerson;
import org.miaopi.core.model.MaterialRequirement;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

class PeopleAndReferenceDataTest {

	@Test
	void departmentNeedsCodeAndBothNames() {
		assertEquals("440306-RS", new Department("440306-RS", "宝安区人力资源局", "Bao'an HR Bureau").code());
		assertThrows(IllegalArgumentException.class, () -> new Department(" ", "宝安区人力资源局", "x"));
		assertThrows(IllegalArgumentException.class, () -> new Department("RS", null, "x"));
	}

	@Test
	void officerRolesAreCopiedAndRequired() {
		Set<Role> roles = EnumSet.of(Role.OFFICER);
		Officer officer = new Officer("o-1001", "张伟", "440306-RS", roles);
		roles.add(Role.ADMIN);
		assertEquals(Set.of(Role.OFFICER), officer.roles());
		assertFalse(officer.hasRole(Role.ADMIN));
		assertThrows(UnsupportedOperationException.class, () -> officer.roles().add(Role.ADMIN));
		assertThrows(IllegalArgumentException.class, () -> new Officer("o-1", "张伟", "RS", Set.of()));
		assertThrows(IllegalArgumentException.class, () -> new Officer("o-1", "张伟", null, Set.of(Role.OFFICER)));
	}

	@Test
	void onlyTheSystemActorHasTheSystemRole() {
		assertTrue(Officer.SYSTEM.isSystem());
		assertEquals(Set.of(Role.SYSTEM), Officer.SYSTEM.roles());
		assertThrows(IllegalArgumentException.class,
				() -> new Officer("o-1", "张伟", "RS", Set.of(Role.OFFICER, Role.SYSTEM)));
		assertThrows(IllegalArgumentException.class,
				() -> new Officer(Officer.SYSTEM_ID, "张伟", "RS", Set.of(Role.OFFICER)));
		assertThrows(IllegalArgumentException.class,
				() -> new Officer(Officer.SYSTEM_ID, "秒批", null, Set.of(Role.SYSTEM, Role.ADMIN)));
	}

	@Test
	void applicantsAreQueriedByTheirIdentifier() {
		assertEquals("11010519491231002X", PERSON.subjectId());
		assertEquals("91350100M000100Y43", COMPANY.subjectId());
		List<Applicant> applicants = List.of(PERSON, COMPANY);
		List<String> described = applicants.stream().map(a -> switch (a) {
			case NaturalPerson p -> p.name() + "/" + p.residentId().sex();
			case LegalPerson l -> l.name() + "/" + l.legalRepresentative();
		}).toList();
		assertEquals(List.of("王芳/FEMALE", "福州示例药房有限公司/李明"), described);
		assertThrows(NullPointerException.class, () -> new NaturalPerson(null, "王芳"));
		assertThrows(IllegalArgumentException.class, () -> new LegalPerson(COMPANY.creditCode(), "x", ""));
	}

	@Test
	void sharedRecordKeepsFieldOrderAndIsImmutable() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", "王芳");
		fields.put("address", "北京市朝阳区");
		fields.put("household", "户主");
		Instant asOf = Instant.parse("2025-06-01T00:00:00Z");
		SharedRecord record = new SharedRecord(SharedSource.HOUSEHOLD_REGISTRATION, PERSON.subjectId(), fields, asOf);
		fields.put("name", "改");
		assertEquals(List.of("name", "address", "household"), List.copyOf(record.fields().keySet()));
		assertEquals("王芳", record.field("name").orElseThrow());
		assertTrue(record.field("education").isEmpty());
		assertThrows(UnsupportedOperationException.class, () -> record.fields().put("x", "y"));
		assertEquals(asOf, record.ref().asOf());
		assertEquals(SharedSource.HOUSEHOLD_REGISTRATION, record.ref().source());

		Map<String, String> withNull = new LinkedHashMap<>();
		withNull.put("name", null);
		assertThrows(NullPointerException.class,
				() -> new SharedRecord(SharedSource.EDUCATION, "x", withNull, asOf));
	}

	@Test
	void sourcesHaveChineseNames() {
		assertEquals("失信名单", SharedSource.CREDIT_BLACKLIST.nameZh());
		assertEquals("市场主体登记", SharedSource.BUSINESS_REGISTRY.nameZh());
		assertEquals(6, SharedSource.values().length);
	}

	@Test
	void materialRequirementMayBeReplacedBySharedData() {
		MaterialRequirement hukou = new MaterialRequirement("M01", "户口簿", "Household register", true,
				SharedSource.HOUSEHOLD_REGISTRATION);
		MaterialRequirement photo = new MaterialRequirement("M02", "照片", "Photo", false, null);
		assertTrue(hukou.isReplaceable());
		assertFalse(photo.isReplaceable());
	}

	@Test
	void declaredFieldKeysArePlain() {
		assertEquals("graduationDate",
				new DeclaredField("graduationDate", "毕业时间", "Graduation date", FieldType.DATE).key());
		assertThrows(IllegalArgumentException.class, () -> new DeclaredField("Graduation date", "x", "x", FieldType.DATE));
		assertThrows(IllegalArgumentException.class, () -> new DeclaredField("毕业", "x", "x", FieldType.DATE));
		assertThrows(NullPointerException.class, () -> new DeclaredField("a", "x", "x", null));
	}

	@Test
	void fieldTypesCheckTheFormOfDeclaredValues() {
		assertTrue(FieldType.DATE.accepts("2024-02-29"));
		assertFalse(FieldType.DATE.accepts("2023-02-29"));
		assertFalse(FieldType.DATE.accepts("2024/02/01"));
		assertTrue(FieldType.INTEGER.accepts("-12"));
		assertFalse(FieldType.INTEGER.accepts("1,200"));
		assertTrue(FieldType.DECIMAL.accepts("1234.50"));
		assertFalse(FieldType.DECIMAL.accepts("1e3"));
		assertFalse(FieldType.DECIMAL.accepts("12."));
		assertTrue(FieldType.BOOLEAN.accepts("false"));
		assertFalse(FieldType.BOOLEAN.accepts("yes"));
		assertTrue(FieldType.RESIDENT_ID.accepts("11010519491231002X"));
		assertFalse(FieldType.RESIDENT_ID.accepts("110105194912310025"));
		assertTrue(FieldType.CREDIT_CODE.accepts("91350100M000100Y43"));
		assertFalse(FieldType.CREDIT_CODE.accepts("91350100M000100Y44"));
		assertFalse(FieldType.TEXT.accepts(" "));
		for (FieldType type : FieldType.values()) {
			assertFalse(type.accepts(null), type.name());
		}
	}
}
