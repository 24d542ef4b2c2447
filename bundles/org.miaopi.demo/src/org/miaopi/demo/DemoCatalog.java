package org.miaopi.demo;

import static org.miaopi.core.model.SharedSource.BUSINESS_REGISTRY;
import static org.miaopi.core.model.SharedSource.CREDIT_BLACKLIST;
import static org.miaopi.core.model.SharedSource.EDUCATION;
import static org.miaopi.core.model.SharedSource.HOUSEHOLD_REGISTRATION;
import static org.miaopi.core.model.SharedSource.LICENCE_REGISTRY;
import static org.miaopi.core.model.SharedSource.SOCIAL_SECURITY;

import java.util.List;

import org.miaopi.core.model.Department;

/** The departments, matters and themes of the source articles (Shenzhen, Bao'an), as data. */
public final class DemoCatalog {

	public static final String THEME_PHARMACY = "THEME-PHARMACY";
	public static final String THEME_TRAINING = "THEME-TRAINING";

	public static final List<Department> DEPARTMENTS = List.of(
			new Department("SZPSB", "深圳市公安局", "Shenzhen Public Security Bureau"),
			new Department("SZMCA", "深圳市民政局", "Shenzhen Civil Affairs Bureau"),
			new Department("SZAMR", "深圳市市场监督管理局", "Shenzhen Administration for Market Regulation"),
			new Department("SZMPA", "深圳市药品监督管理局", "Shenzhen Medical Products Administration"),
			new Department("SZEDU", "深圳市教育局", "Shenzhen Education Bureau"),
			new Department("SZTRB", "深圳市交通运输局", "Shenzhen Transport Bureau"));

	public static final List<DemoMatter> MATTERS = List.of(
			new DemoMatter("GRAD-HUKOU", "应届毕业生接收落户", "Graduate residence registration", "SZPSB", false, 10,
					List.of("DIPLOMA", "EMPLOYMENT-CONTRACT"), List.of(HOUSEHOLD_REGISTRATION, EDUCATION, SOCIAL_SECURITY), null),
			new DemoMatter("ELDER-ALLOWANCE", "高龄老人津贴", "Elderly allowance", "SZMCA", false, 20,
					List.of("BANK-ACCOUNT"), List.of(HOUSEHOLD_REGISTRATION, CREDIT_BLACKLIST), null),
			new DemoMatter("NO-CRIMINAL-RECORD", "无犯罪记录证明", "No-criminal-record certificate", "SZPSB", false, 7,
					List.of("APPLICATION-FORM"), List.of(HOUSEHOLD_REGISTRATION), null),
			new DemoMatter("RIDE-HAILING-DRIVER", "网络预约出租汽车驾驶员证", "Taxi / ride-hailing driver permit", "SZTRB",
					false, 10, List.of("DRIVING-LICENCE", "HEALTH-CERTIFICATE"),
					List.of(HOUSEHOLD_REGISTRATION, LICENCE_REGISTRY, CREDIT_BLACKLIST), null),
			new DemoMatter("BUSINESS-LICENCE", "营业执照", "Business licence", "SZAMR", true, 3,
					List.of("ARTICLES-OF-ASSOCIATION", "PREMISES-LEASE"), List.of(BUSINESS_REGISTRY, CREDIT_BLACKLIST),
					THEME_PHARMACY),
			new DemoMatter("DRUG-RETAIL", "药品零售企业经营许可", "Drug retail licence", "SZMPA", true, 15,
					List.of("PHARMACIST-CERTIFICATE", "PREMISES-LEASE"), List.of(BUSINESS_REGISTRY, LICENCE_REGISTRY),
					THEME_PHARMACY),
			new DemoMatter("FOOD-BUSINESS", "食品经营许可", "Food business licence", "SZAMR", true, 10,
					List.of("FOOD-SAFETY-RULES", "PREMISES-LEASE"), List.of(BUSINESS_REGISTRY, LICENCE_REGISTRY),
					THEME_PHARMACY),
			new DemoMatter("MED-DEVICE-II", "第二类医疗器械经营备案", "Class II medical device filing", "SZMPA", true, 5,
					List.of("QUALITY-MANUAL", "PREMISES-LEASE"), List.of(BUSINESS_REGISTRY, LICENCE_REGISTRY),
					THEME_PHARMACY),
			new DemoMatter("SCHOOL-PERMIT", "民办培训机构办学许可", "Private training institution permit", "SZEDU", true,
					20, List.of("TEACHER-QUALIFICATIONS", "PREMISES-SAFETY"), List.of(BUSINESS_REGISTRY, CREDIT_BLACKLIST),
					THEME_TRAINING),
			new DemoMatter("NON-ENTERPRISE-REG", "民办非企业单位登记", "Non-enterprise unit registration", "SZMCA", true,
					20, List.of("ARTICLES-OF-ASSOCIATION"), List.of(BUSINESS_REGISTRY), THEME_TRAINING));

	private DemoCatalog() {
	}

	public static List<DemoMatter> theme(String themeCode) {
		return MATTERS.stream().filter(m -> themeCode.equals(m.themeCode())).toList();
	}
}
