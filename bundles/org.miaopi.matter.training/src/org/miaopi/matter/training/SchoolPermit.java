package org.miaopi.matter.training;

import org.miaopi.checks.DefinedMatter;
import org.miaopi.checks.Reasons;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonUse;
import org.osgi.service.component.annotations.Component;

/** 民办培训机构办学许可: barred to blacklisted founders (信用审批), part of the training theme. */
@Component(service = MatterDefinition.class)
public class SchoolPermit extends DefinedMatter {

	public static final String CODE = "SCHOOL-PERMIT";

	public SchoolPermit() {
		super(spec(CODE, "民办培训机构办学许可", "Private training institution permit", "SZEDU")
				.legalBasis("《中华人民共和国民办教育促进法》第十二条")
				.timeLimit(20)
				.policy("policy.school-permit", "2026.1")
				.legalPerson()
				.material("TEACHER-QUALIFICATIONS", "教师资格证明", "Teacher qualifications", true, null)
				.material("PREMISES-SAFETY", "场所安全证明", "Premises safety certificate", true, null)
				.reason(Training.NOT_ACTIVE, "举办者非存续状态", "The founding organisation is not active", null,
						ReasonUse.REJECT, ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.ROUTE)
				.condition(Training.active())
				.barredToBlacklisted(Reasons.BLACKLIST_BASIS));
	}
}
