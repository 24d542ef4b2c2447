package org.miaopi.matter.pharmacy;

import java.util.List;

import org.miaopi.checks.Conditions;
import org.miaopi.checks.DefinedTheme;
import org.miaopi.core.matter.Condition;
import org.miaopi.core.matter.ThemeDefinition;
import org.miaopi.core.model.SharedSource;
import org.osgi.service.component.annotations.Component;

/** 开办药店一件事: the four licences a pharmacy needs, applied for once, decided in parallel, issued together. */
@Component(service = ThemeDefinition.class)
public class Pharmacy extends DefinedTheme {

	public static final String CODE = "THEME-PHARMACY";
	static final String NOT_ACTIVE = "ENTERPRISE-NOT-ACTIVE";
	static final String NO_BUSINESS_LICENCE = "BUSINESS-LICENCE-ABSENT";

	public Pharmacy() {
		super(CODE, "开办药店一件事", "Open a pharmacy", List.of(BusinessLicence.CODE, DrugRetail.CODE, FoodBusiness.CODE,
				MedicalDeviceFiling.CODE));
	}

	/** The enterprise is registered and in business (存续). */
	static Condition active() {
		return Conditions.recordSays(SharedSource.BUSINESS_REGISTRY, "status", "存续", NOT_ACTIVE, "市场主体登记状态为存续",
				"The enterprise is registered and active");
	}

	/** The licence registry holds the enterprise's business licence. */
	static Condition hasBusinessLicence() {
		return Conditions.recordSays(SharedSource.LICENCE_REGISTRY, "licences", "营业执照", NO_BUSINESS_LICENCE,
				"已取得营业执照", "Holds a business licence");
	}
}
