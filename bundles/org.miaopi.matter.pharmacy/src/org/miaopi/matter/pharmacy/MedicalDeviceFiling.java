package org.miaopi.matter.pharmacy;

import static org.miaopi.core.model.SharedSource.LICENCE_REGISTRY;

import org.miaopi.checks.DefinedMatter;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonUse;
import org.miaopi.core.matter.ValueKind;
import org.osgi.service.component.annotations.Component;

/** 第二类医疗器械经营备案 (Class II medical device filing), part of the pharmacy theme. A filing: the data settle it. */
@Component(service = MatterDefinition.class)
public class MedicalDeviceFiling extends DefinedMatter {

	public static final String CODE = "MED-DEVICE-II";

	public MedicalDeviceFiling() {
		super(spec(CODE, "第二类医疗器械经营备案", "Class II medical device filing", "SZMPA")
				.legalBasis("《医疗器械监督管理条例》第四十一条")
				.timeLimit(5)
				.policy("policy.med-device-ii", "2026.1")
				.legalPerson()
				.rule("licence.holder", "companyName", LICENCE_REGISTRY, "holder", ValueKind.NAME, 365)
				.material("QUALITY-MANUAL", "质量管理制度", "Quality manual", true, null)
				.material("PREMISES-LEASE", "经营场所租赁合同", "Premises lease", true, null)
				.reason(Pharmacy.NOT_ACTIVE, "市场主体非存续状态", "The enterprise is not active in the business registry", null,
						ReasonUse.REJECT, ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.ROUTE)
				.condition(Pharmacy.active()));
	}
}
