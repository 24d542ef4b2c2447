package org.miaopi.matter.ridehailing;

import static org.miaopi.core.model.SharedSource.HOUSEHOLD_REGISTRATION;
import static org.miaopi.core.model.SharedSource.LICENCE_REGISTRY;

import org.miaopi.checks.Conditions;
import org.miaopi.checks.DefinedMatter;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonUse;
import org.miaopi.core.matter.ValueKind;
import org.miaopi.core.model.FieldType;
import org.osgi.service.component.annotations.Component;

/**
 * 网络预约出租汽车驾驶员证: three years of driving (rejected below, by law), a driving licence
 * in the electronic licence registry (which replaces the paper copy), a health certificate.
 */
@Component(service = MatterDefinition.class)
public class RideHailingDriver extends DefinedMatter {

	public static final String CODE = "RIDE-HAILING-DRIVER";
	public static final String TOO_FEW_YEARS = "DRIVING-YEARS-SHORT";
	public static final String NO_LICENCE = "DRIVING-LICENCE-ABSENT";
	static final String BASIS = "《网络预约出租汽车经营服务管理暂行办法》第十四条";

	public RideHailingDriver() {
		super(spec(CODE, "网络预约出租汽车驾驶员证", "Taxi / ride-hailing driver permit", "SZTRB")
				.legalBasis(BASIS)
				.timeLimit(10)
				.policy("policy.ride-hailing-driver", "2026.1")
				.naturalPerson()
				.field("drivingLicenceNo", "驾驶证号", "Driving licence number", FieldType.RESIDENT_ID)
				.field("yearsDriving", "驾龄（年）", "Years of driving", FieldType.INTEGER)
				.rule("licence.holder", "name", LICENCE_REGISTRY, "holder", ValueKind.NAME, 365)
				.material("DRIVING-LICENCE", "机动车驾驶证", "Driving licence", true, LICENCE_REGISTRY)
				.material("HEALTH-CERTIFICATE", "体检证明", "Health certificate", true, null)
				.material("HUKOU-BOOKLET", "户口簿", "Household registration booklet", true, HOUSEHOLD_REGISTRATION)
				.reason(TOO_FEW_YEARS, "驾龄不满3年", "Fewer than three years of driving", BASIS,
						ReasonUse.REJECT, ReasonUse.ROUTE)
				.reason(NO_LICENCE, "电子证照库中无机动车驾驶证", "No driving licence in the licence registry", null,
						ReasonUse.REJECT, ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.ROUTE)
				.condition(Conditions.declaredAtLeast("yearsDriving", 3, TOO_FEW_YEARS, "取得机动车驾驶证3年以上",
						"Three or more years of driving"))
				.condition(Conditions.recordSays(LICENCE_REGISTRY, "licences", "机动车驾驶证", NO_LICENCE,
						"持有有效机动车驾驶证", "Holds a valid driving licence")));
	}
}
