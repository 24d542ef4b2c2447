package org.miaopi.matter.pharmacy;

import static org.miaopi.core.model.SharedSource.LICENCE_REGISTRY;

import org.miaopi.checks.DefinedMatter;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonUse;
import org.miaopi.core.matter.ValueKind;
import org.osgi.service.component.annotations.Component;

/** 食品经营许可 (Food business licence), part of the pharmacy theme. The food safety rules may follow later (容缺). */
@Component(service = MatterDefinition.class)
public class FoodBusiness extends DefinedMatter {

	public static final String CODE = "FOOD-BUSINESS";

	public FoodBusiness() {
		super(spec(CODE, "食品经营许可", "Food business licence", "SZAMR")
				.legalBasis("《中华人民共和国食品安全法》第三十五条")
				.timeLimit(10)
				.policy("policy.food-business", "2026.1")
				.legalPerson()
				.rule("licence.holder", "companyName", LICENCE_REGISTRY, "holder", ValueKind.NAME, 365)
				.material("FOOD-SAFETY-RULES", "食品安全管理制度", "Food safety rules", false, null)
				.material("PREMISES-LEASE", "经营场所租赁合同", "Premises lease", true, null)
				.deferral(10)
				.reason(Pharmacy.NOT_ACTIVE, "市场主体非存续状态", "The enterprise is not active in the business registry", null,
						ReasonUse.REJECT, ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.ROUTE)
				.condition(Pharmacy.active()));
	}
}
