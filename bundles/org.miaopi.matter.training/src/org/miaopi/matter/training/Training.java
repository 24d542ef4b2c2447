package org.miaopi.matter.training;

import java.util.List;

import org.miaopi.checks.Conditions;
import org.miaopi.checks.DefinedTheme;
import org.miaopi.core.matter.Condition;
import org.miaopi.core.matter.ThemeDefinition;
import org.miaopi.core.model.SharedSource;
import org.osgi.service.component.annotations.Component;

/** 开办民办培训机构一件事: the school permit and the non-enterprise unit registration together. */
@Component(service = ThemeDefinition.class)
public class Training extends DefinedTheme {

	public static final String CODE = "THEME-TRAINING";
	static final String NOT_ACTIVE = "ENTERPRISE-NOT-ACTIVE";

	public Training() {
		super(CODE, "开办民办培训机构一件事", "Open a private training institution",
				List.of(SchoolPermit.CODE, NonEnterpriseRegistration.CODE));
	}

	static Condition active() {
		return Conditions.recordSays(SharedSource.BUSINESS_REGISTRY, "status", "存续", NOT_ACTIVE, "举办者登记状态为存续",
				"The founding organisation is registered and active");
	}
}
