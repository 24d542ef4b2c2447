package org.miaopi.matter.nocriminalrecord;

import static org.miaopi.core.model.SharedSource.HOUSEHOLD_REGISTRATION;

import org.miaopi.checks.DefinedMatter;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.model.FieldType;
import org.osgi.service.component.annotations.Component;

/**
 * 无犯罪记录证明: the identity is checked against the household register; the application form
 * can be printed from the declared data, so it may follow later (容缺). A blacklisted applicant is
 * not barred from the certificate but goes to an officer.
 */
@Component(service = MatterDefinition.class)
public class NoCriminalRecord extends DefinedMatter {

	public static final String CODE = "NO-CRIMINAL-RECORD";

	public NoCriminalRecord() {
		super(spec(CODE, "无犯罪记录证明", "No-criminal-record certificate", "SZPSB")
				.legalBasis("《公安机关办理犯罪记录查询工作规定》")
				.timeLimit(7)
				.policy("policy.no-criminal-record", "2026.1")
				.naturalPerson()
				.field("purpose", "用途", "Purpose", FieldType.TEXT)
				.material("APPLICATION-FORM", "申请表", "Application form", false, null)
				.material("HUKOU-BOOKLET", "户口簿", "Household registration booklet", true, HOUSEHOLD_REGISTRATION)
				.deferral(5));
	}
}
