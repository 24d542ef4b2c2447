package org.miaopi.matter.training;

import org.miaopi.checks.DefinedMatter;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonUse;
import org.osgi.service.component.annotations.Component;

/** 民办非企业单位登记, part of the training theme. */
@Component(service = MatterDefinition.class)
public class NonEnterpriseRegistration extends DefinedMatter {

	public static final String CODE = "NON-ENTERPRISE-REG";

	public NonEnterpriseRegistration() {
		super(spec(CODE, "民办非企业单位登记", "Non-enterprise unit registration", "SZMCA")
				.legalBasis("《民办非企业单位登记管理暂行条例》第八条")
				.timeLimit(20)
				.policy("policy.non-enterprise-reg", "2026.1")
				.legalPerson()
				.material("ARTICLES-OF-ASSOCIATION", "章程", "Articles of association", true, null)
				.reason(Training.NOT_ACTIVE, "举办者非存续状态", "The founding organisation is not active", null,
						ReasonUse.REJECT, ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.ROUTE)
				.condition(Training.active()));
	}
}
