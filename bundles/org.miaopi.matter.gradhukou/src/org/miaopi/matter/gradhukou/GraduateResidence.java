package org.miaopi.matter.gradhukou;

import static org.miaopi.core.model.SharedSource.EDUCATION;
import static org.miaopi.core.model.SharedSource.HOUSEHOLD_REGISTRATION;
import static org.miaopi.core.model.SharedSource.SOCIAL_SECURITY;

import org.miaopi.checks.Conditions;
import org.miaopi.checks.DefinedMatter;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonUse;
import org.miaopi.core.matter.ValueKind;
import org.miaopi.core.model.FieldType;
import org.osgi.service.component.annotations.Component;

/**
 * 应届毕业生接收落户: the first 秒批 matter. Diploma and hukou booklet are replaced by the education
 * and household records; the employer must pay the graduate's social security in Shenzhen.
 */
@Component(service = MatterDefinition.class)
public class GraduateResidence extends DefinedMatter {

	public static final String CODE = "GRAD-HUKOU";
	public static final String NO_SOCIAL_SECURITY = "SOCIAL-SECURITY-NONE";

	public GraduateResidence() {
		super(spec(CODE, "应届毕业生接收落户", "Graduate residence registration", "SZPSB")
				.legalBasis("《中华人民共和国户口登记条例》；《深圳市户籍迁入若干规定》")
				.timeLimit(10)
				.policy("policy.grad-hukou", "2026.1")
				.naturalPerson()
				.field("school", "毕业院校", "School", FieldType.TEXT)
				.field("degree", "学位", "Degree", FieldType.TEXT)
				.field("graduationYear", "毕业年份", "Year of graduation", FieldType.INTEGER)
				.field("employer", "接收单位", "Employer", FieldType.TEXT)
				.rule("edu.school", "school", EDUCATION, "school", ValueKind.NAME, 0)
				.rule("edu.degree", "degree", EDUCATION, "degree", ValueKind.TEXT, 0)
				.rule("edu.graduationYear", "graduationYear", EDUCATION, "graduationYear", ValueKind.NUMBER, 0)
				.rule("social.employer", "employer", SOCIAL_SECURITY, "employer", ValueKind.NAME, 365)
				.material("DIPLOMA", "毕业证书", "Diploma", true, EDUCATION)
				.material("EMPLOYMENT-CONTRACT", "劳动合同", "Employment contract", true, null)
				.material("HUKOU-BOOKLET", "户口簿", "Household registration booklet", true, HOUSEHOLD_REGISTRATION)
				.reason(NO_SOCIAL_SECURITY, "接收单位尚未为申请人缴纳社保", "The employer pays no social security for the applicant yet", null,
						ReasonUse.REJECT, ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.ROUTE)
				.condition(Conditions.atLeast(SOCIAL_SECURITY, "monthsContributed", 1, NO_SOCIAL_SECURITY,
						"接收单位已在深圳为申请人缴纳社保", "The employer pays the applicant's social security in Shenzhen")));
	}
}
