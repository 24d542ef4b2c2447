package org.miaopi.matter.elderallowance;

import static org.miaopi.core.model.SharedSource.HOUSEHOLD_REGISTRATION;

import org.miaopi.checks.Conditions;
import org.miaopi.checks.DefinedMatter;
import org.miaopi.checks.Reasons;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonUse;
import org.miaopi.core.model.FieldType;
import org.osgi.service.component.annotations.Component;

/**
 * 高龄老人津贴: a Shenzhen resident of 80 or more. An allowance, so barred to the blacklisted
 * (信用审批); the bank account form may follow later (容缺).
 */
@Component(service = MatterDefinition.class)
public class ElderlyAllowance extends DefinedMatter {

	public static final String CODE = "ELDER-ALLOWANCE";
	public static final String TOO_YOUNG = "AGE-BELOW-80";
	public static final String NOT_RESIDENT = "HUKOU-NOT-SHENZHEN";
	static final String BASIS = "《深圳市高龄老人津贴发放办法》第三条";

	public ElderlyAllowance() {
		super(spec(CODE, "高龄老人津贴", "Elderly allowance", "SZMCA")
				.legalBasis(BASIS)
				.timeLimit(20)
				.policy("policy.elder-allowance", "2026.1")
				.naturalPerson()
				.field("bankAccount", "收款银行账号", "Bank account", FieldType.TEXT)
				.material("BANK-ACCOUNT", "银行账户证明", "Bank account statement", false, null)
				.material("HUKOU-BOOKLET", "户口簿", "Household registration booklet", true, HOUSEHOLD_REGISTRATION)
				.reason(TOO_YOUNG, "申请人未满80周岁", "The applicant is not yet 80", BASIS,
						ReasonUse.REJECT, ReasonUse.ROUTE)
				.reason(NOT_RESIDENT, "申请人非深圳户籍", "The applicant's household registration is not in Shenzhen", BASIS,
						ReasonUse.REJECT, ReasonUse.ROUTE)
				.condition(Conditions.minimumAge(80, TOO_YOUNG))
				.condition(Conditions.householdIn("深圳", NOT_RESIDENT))
				.barredToBlacklisted(Reasons.BLACKLIST_BASIS)
				.deferral(10));
	}
}
