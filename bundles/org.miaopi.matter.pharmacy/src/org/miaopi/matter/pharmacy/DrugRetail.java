package org.miaopi.matter.pharmacy;

import static org.miaopi.core.model.SharedSource.LICENCE_REGISTRY;

import org.miaopi.checks.DefinedMatter;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonUse;
import org.miaopi.core.matter.ValueKind;
import org.osgi.service.component.annotations.Component;

/** 药品零售企业经营许可 (Drug retail licence), part of the pharmacy theme. Needs the business licence in the registry. */
@Component(service = MatterDefinition.class)
public class DrugRetail extends DefinedMatter {

	public static final String CODE = "DRUG-RETAIL";

	public DrugRetail() {
		super(spec(CODE, "药品零售企业经营许可", "Drug retail licence", "SZMPA")
				.legalBasis("《中华人民共和国药品管理法》第五十一条")
				.timeLimit(15)
				.policy("policy.drug-retail", "2026.1")
				.legalPerson()
				.rule("licence.holder", "companyName", LICENCE_REGISTRY, "holder", ValueKind.NAME, 365)
				.material("PHARMACIST-CERTIFICATE", "执业药师注册证", "Licensed pharmacist certificate", true, null)
				.material("PREMISES-LEASE", "经营场所租赁合同", "Premises lease", true, null)
				.reason(Pharmacy.NO_BUSINESS_LICENCE, "尚未取得营业执照", "No business licence in the licence registry", null,
						ReasonUse.REJECT, ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.ROUTE)
				.condition(Pharmacy.hasBusinessLicence())
				.reason(Pharmacy.NOT_ACTIVE, "市场主体非存续状态", "The enterprise is not active in the business registry", null,
						ReasonUse.REJECT, ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.ROUTE)
				.condition(Pharmacy.active()));
	}
}
