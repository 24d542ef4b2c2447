package org.miaopi.matter.pharmacy;

import org.miaopi.checks.DefinedMatter;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonUse;
import org.osgi.service.component.annotations.Component;

/** 营业执照 (Business licence), part of the pharmacy theme. The articles are essential; the lease is too. */
@Component(service = MatterDefinition.class)
public class BusinessLicence extends DefinedMatter {

	public static final String CODE = "BUSINESS-LICENCE";

	public BusinessLicence() {
		super(spec(CODE, "营业执照", "Business licence", "SZAMR")
				.legalBasis("《中华人民共和国市场主体登记管理条例》")
				.timeLimit(3)
				.policy("policy.business-licence", "2026.1")
				.legalPerson()
				.material("ARTICLES-OF-ASSOCIATION", "公司章程", "Articles of association", true, null)
				.material("PREMISES-LEASE", "经营场所租赁合同", "Premises lease", true, null)
				.reason(Pharmacy.NOT_ACTIVE, "市场主体非存续状态", "The enterprise is not active in the business registry", null,
						ReasonUse.REJECT, ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.ROUTE)
				.condition(Pharmacy.active()));
	}
}
